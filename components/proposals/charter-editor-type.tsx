import { HintedSelect } from '@/components/forms/hinted-select';
import { RemoveControl } from '@/components/proposals/charter-editor-body';
import { EditorInput, RatioInputs, SectionErrors, fieldId, type EditorCtx } from '@/components/proposals/charter-inputs';
import { decidedByValues, stageField, typeField, typeSection, type DecidedBy } from '@/lib/governance/charter-form';
import { choiceMethodKeys } from '@/lib/governance/choice';
import { electionRules } from '@/lib/governance/election';
import type { ChoiceMethodKey, ProposalEffect } from '@/lib/governance/types';

/** A body a stage may be decided by: its form index (the select's value) and its name as typed. */
export type BodyOption = { value: string; label: string };

/**
 * A select of the editor, starting from its field's value, its errors under it. React applies a
 * select's defaultValue only when it mounts, and resets the form to it after each answer: keyed by
 * that value, the select mounts again when an answer brings back another one.
 */
function EditorSelect({ ctx, name, label, options, hint }: { ctx: EditorCtx; name: string; label: string; options: BodyOption[]; hint?: string }) {
  return (
    <HintedSelect
      key={ctx.values[name]}
      id={fieldId(name)}
      name={name}
      label={label}
      options={options}
      hint={hint}
      defaultValue={ctx.values[name]}
      errors={ctx.errors[name]}
    />
  );
}

/** The ways a type may decide, as the "How it is decided" select offers them, with what each means for the fields below. */
const decidedByWords: Record<DecidedBy, { label: string; hint: string }> = {
  yes_no: { label: 'By a yes or no vote', hint: 'Each seat votes yes, no or abstain; the quorum and threshold below decide.' },
  choice: {
    label: 'By a choice among options',
    hint: 'The proposal lists options and seats vote by secret ballot; the counting method picks the winners. The quorum below applies, the threshold does not.',
  },
  consent: {
    label: 'By consent',
    hint: 'No ballots: it passes unless a seat holder’s reasoned objection stands when the window closes. Neither the quorum nor the threshold below applies.',
  },
  election: {
    label: 'By a seat election',
    hint: 'Members nominate candidates; seats rank them by secret ballot and the rule below counts. The quorum below applies, the threshold does not.',
  },
};

/** Short enough for a phone's closed select, the part that tells two methods apart first. */
const shortMethodNames: Record<ChoiceMethodKey, string> = {
  plurality: 'Single choice (most votes wins)',
  approval: 'Approval (approve one or more)',
  irv: 'Ranked, instant-runoff',
  scottish_stv: 'Ranked, STV, Scottish rules',
  meek_stv: 'Ranked, STV, Meek rules',
};
const methodOptions = choiceMethodKeys.map((key) => ({ value: key, label: shortMethodNames[key] }));
const ruleOptions = electionRules.map((rule) => ({ value: rule, label: rule === 'meek_stv' ? 'Meek rules' : 'Scottish rules' }));

const baseOptions = [
  { value: 'votes_cast', label: 'votes cast (yes against yes + no)' },
  { value: 'charter_seats', label: 'charter seats (yes against all seats)' },
];

/**
 * One proposal type in the charter editor: its name, windows, and each deciding stage's body,
 * quorum and threshold, with a way to remove it. `live` holds what is typed now (the stages'
 * bodies named as typed); `ctx.values` what the fields started from.
 */
export function TypeSection({
  ctx,
  live,
  k,
  name,
  stageCount,
  requiresSubject,
  effect,
  bodies,
  removed,
  onRemoveNew,
}: {
  ctx: EditorCtx;
  live: Record<string, string>;
  k: number;
  /** The type's name now, or null for a new type. */
  name: string | null;
  stageCount: number;
  requiresSubject: boolean;
  /** What the type does (a new type: a resolution); only a seat election's type is offered the seat election. */
  effect: ProposalEffect;
  bodies: BodyOption[];
  removed: boolean;
  onRemoveNew?: () => void;
}) {
  const hasErrors = Object.keys(ctx.errors).some((n) => (n === typeSection(k) || n.startsWith(`${typeSection(k)}.`)) && ctx.errors[n]?.length);
  const bodyName = (n: number) => bodies.find((b) => b.value === live[stageField(k, n, 'body')])?.label ?? 'a body';
  const stages = Array.from({ length: stageCount }, (_, n) => n);
  const decideName = typeField(k, 'decide');
  const decide = (live[decideName] ?? ctx.values[decideName]) as DecidedBy | undefined;
  const method = live[typeField(k, 'method')] ?? ctx.values[typeField(k, 'method')];
  const ways = decidedByValues.filter((w) => w !== 'election' || effect === 'seat_election' || ctx.values[decideName] === 'election');
  const deciders = stages.map(bodyName).join(', then ');
  const how =
    decide === 'consent'
      ? `decided by consent of ${deciders}`
      : decide === 'choice'
        ? `${deciders} chooses among options`
        : decide === 'election'
          ? `${deciders} elects to seats`
          : `decided by ${deciders}`;
  return (
    <details open={hasErrors || name === null || undefined} className="rounded-xl border border-zinc-200 p-4">
      <summary className="min-h-11 cursor-pointer py-2 text-sm font-semibold text-zinc-900">
        {name ?? 'New proposal type'}
        <span className="font-normal text-zinc-600">{removed ? ' — removed by this amendment' : ` — ${how}`}</span>
      </summary>
      <div className="mt-3 space-y-4">
        <SectionErrors id={`${fieldId(typeSection(k))}-errors`} errors={ctx.errors[typeSection(k)]} />
        {name === null ? <p className="text-sm text-zinc-700">A resolution: a decision that changes no seats and no charter.</p> : null}
        <RemoveControl ctx={ctx} name={typeField(k, 'removed')} what="proposal type" onRemoveNew={onRemoveNew} />
        <div hidden={removed} className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <EditorInput ctx={ctx} name={typeField(k, 'name')} label="Name" />
            <EditorInput ctx={ctx} name={typeField(k, 'comment')} label="Minimum comment window (hours)" numeric />
            {requiresSubject ? (
              <EditorInput ctx={ctx} name={typeField(k, 'reply')} label="The subject’s reply window (hours)" numeric hint="At least 24." />
            ) : null}
            <EditorSelect
              ctx={ctx}
              name={typeField(k, 'answers')}
              label="Concerns before the vote"
              options={[
                { value: 'not_required', label: 'Voting opens after the comment window' },
                { value: 'required', label: 'The author must answer every concern first' },
              ]}
              hint="With the consultation gate, each concern or objection raised in the comment window needs the author’s public answer before voting opens."
            />
          </div>
          <fieldset className="rounded-lg bg-zinc-50 p-3">
            <legend className="px-1 text-sm font-medium text-zinc-900">How it decides</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              <EditorSelect
                ctx={ctx}
                name={decideName}
                label="How it is decided"
                options={ways.map((w) => ({ value: w, label: decidedByWords[w].label }))}
                hint={decide && decide in decidedByWords ? decidedByWords[decide].hint : undefined}
              />
              <div hidden={decide !== 'election'}>
                <EditorSelect
                  ctx={ctx}
                  name={typeField(k, 'rule')}
                  label="Election counted by"
                  options={ruleOptions}
                  hint="Single transferable vote, by Scottish or Meek rules."
                />
              </div>
            </div>
            <div hidden={decide !== 'choice'}>
              <div className="mt-4 grid gap-4 sm:grid-cols-2">
                <EditorSelect ctx={ctx} name={typeField(k, 'method')} label="Counting method" options={methodOptions} hint="STV: single transferable vote." />
                <EditorInput ctx={ctx} name={typeField(k, 'winners')} label="Number of winners" numeric hint="1 for single choice and instant-runoff." />
                <div hidden={method !== 'approval'}>
                  <EditorInput
                    ctx={ctx}
                    name={typeField(k, 'approvals')}
                    label="Most options one ballot may approve"
                    numeric
                    hint="Leave it blank to allow all."
                  />
                </div>
              </div>
            </div>
          </fieldset>
          {stages.map((n) => {
            const prefix = `ch.t${k}.s${n}`;
            return (
              <fieldset key={n} className="rounded-lg bg-zinc-50 p-3">
                <legend className="px-1 text-sm font-medium text-zinc-900">
                  {stageCount > 1 ? `Stage ${n + 1}: ` : ''}
                  {bodyName(n)}
                </legend>
                <div className="grid gap-4 sm:grid-cols-2">
                  <EditorSelect ctx={ctx} name={stageField(k, n, 'body')} label="Decided by" options={bodies} />
                  <EditorInput ctx={ctx} name={stageField(k, n, 'voting')} label="Voting window (hours)" numeric />
                  <RatioInputs ctx={ctx} prefix={prefix} what="Quorum, of charter seats" names={{ inc: 'qi', num: 'qn', den: 'qd' }} />
                  <RatioInputs ctx={ctx} prefix={prefix} what="Threshold of yes votes" names={{ inc: 'ti', num: 'tn', den: 'td' }} />
                  <EditorSelect ctx={ctx} name={stageField(k, n, 'base')} label="Threshold counted against" options={baseOptions} />
                </div>
              </fieldset>
            );
          })}
        </div>
      </div>
    </details>
  );
}
