import { useTranslations } from 'next-intl';
import { HintedSelect } from '@/components/forms/hinted-select';
import { RemoveControl } from '@/components/proposals/charter-editor-body';
import { EditorInput, RatioInputs, SectionErrors, fieldId, type EditorCtx } from '@/components/proposals/charter-inputs';
import { decidedByValues, stageField, typeField, typeSection, type DecidedBy } from '@/lib/governance/charter-form';
import { choiceMethodKeys } from '@/lib/governance/choice';
import { electionRules } from '@/lib/governance/election';
import type { ProposalEffect } from '@/lib/governance/types';

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

const ruleOrder = electionRules;
const baseValues = ['votes_cast', 'charter_seats'] as const;

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
  const t = useTranslations('newProposal.charter');
  const tp = useTranslations('newProposal');
  // The ways a type may decide, as the "How it is decided" select offers them (labels `decided_*`, what each means `decidedHint_*`).
  const methodOptions = choiceMethodKeys.map((key) => ({ value: key, label: t(`method_${key}`) }));
  const ruleOptions = ruleOrder.map((rule) => ({ value: rule, label: t(`rule_${rule}`) }));
  const baseOptions = baseValues.map((value) => ({ value, label: t(`base_${value}`) }));
  const hasErrors = Object.keys(ctx.errors).some((n) => (n === typeSection(k) || n.startsWith(`${typeSection(k)}.`)) && ctx.errors[n]?.length);
  const bodyName = (n: number) => bodies.find((b) => b.value === live[stageField(k, n, 'body')])?.label ?? t('aBody');
  const stages = Array.from({ length: stageCount }, (_, n) => n);
  const decideName = typeField(k, 'decide');
  const decide = (live[decideName] ?? ctx.values[decideName]) as DecidedBy | undefined;
  const method = live[typeField(k, 'method')] ?? ctx.values[typeField(k, 'method')];
  const ways = decidedByValues.filter((w) => w !== 'election' || effect === 'seat_election' || ctx.values[decideName] === 'election');
  const deciders = stages.map(bodyName).join(tp('stageJoin'));
  const how = t(decide === 'consent' || decide === 'choice' || decide === 'election' ? `how_${decide}` : 'how_yes_no', { deciders });
  const known = (d: DecidedBy | undefined): d is DecidedBy => d !== undefined && (decidedByValues as readonly string[]).includes(d);
  return (
    <details open={hasErrors || name === null || undefined} className="rounded-xl border border-zinc-200 p-4">
      <summary className="min-h-11 cursor-pointer py-2 text-sm font-semibold text-zinc-900">
        {name ?? t('newType')}
        <span className="font-normal text-zinc-600">
          {' — '}
          {removed ? t('removedByAmendment') : how}
        </span>
      </summary>
      <div className="mt-3 space-y-4">
        <SectionErrors id={`${fieldId(typeSection(k))}-errors`} errors={ctx.errors[typeSection(k)]} />
        {name === null ? <p className="text-sm text-zinc-700">{t('newTypeNote')}</p> : null}
        <RemoveControl ctx={ctx} name={typeField(k, 'removed')} what="type" onRemoveNew={onRemoveNew} />
        <div hidden={removed} className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <EditorInput ctx={ctx} name={typeField(k, 'name')} label={t('name')} />
            <EditorInput ctx={ctx} name={typeField(k, 'comment')} label={t('comment')} numeric />
            {requiresSubject ? <EditorInput ctx={ctx} name={typeField(k, 'reply')} label={t('reply')} numeric hint={t('replyHint')} /> : null}
            <EditorSelect
              ctx={ctx}
              name={typeField(k, 'answers')}
              label={t('answers')}
              options={[
                { value: 'not_required', label: t('answersNotRequired') },
                { value: 'required', label: t('answersRequired') },
              ]}
              hint={t('answersHint')}
            />
          </div>
          <fieldset className="rounded-lg bg-zinc-50 p-3">
            <legend className="px-1 text-sm font-medium text-zinc-900">{t('howDecides')}</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              <EditorSelect
                ctx={ctx}
                name={decideName}
                label={t('howDecided')}
                options={ways.map((w) => ({ value: w, label: t(`decided_${w}`) }))}
                hint={known(decide) ? t(`decidedHint_${decide}`) : undefined}
              />
              <div hidden={decide !== 'election'}>
                <EditorSelect ctx={ctx} name={typeField(k, 'rule')} label={t('ruleLabel')} options={ruleOptions} hint={t('ruleHint')} />
              </div>
            </div>
            <div hidden={decide !== 'choice'}>
              <div className="mt-4 grid gap-4 sm:grid-cols-2">
                <EditorSelect ctx={ctx} name={typeField(k, 'method')} label={t('method')} options={methodOptions} hint={t('methodHint')} />
                <EditorInput ctx={ctx} name={typeField(k, 'winners')} label={t('winners')} numeric hint={t('winnersHint')} />
                <div hidden={method !== 'approval'}>
                  <EditorInput ctx={ctx} name={typeField(k, 'approvals')} label={t('approvals')} numeric hint={t('approvalsHint')} />
                </div>
              </div>
            </div>
          </fieldset>
          {stages.map((n) => {
            const prefix = `ch.t${k}.s${n}`;
            return (
              <fieldset key={n} className="rounded-lg bg-zinc-50 p-3">
                <legend className="px-1 text-sm font-medium text-zinc-900">
                  {stageCount > 1 ? t('stageN', { n: n + 1, body: bodyName(n) }) : bodyName(n)}
                </legend>
                <div className="grid gap-4 sm:grid-cols-2">
                  <EditorSelect ctx={ctx} name={stageField(k, n, 'body')} label={t('decidedBy')} options={bodies} />
                  <EditorInput ctx={ctx} name={stageField(k, n, 'voting')} label={t('voting')} numeric />
                  <RatioInputs ctx={ctx} prefix={prefix} what={t('quorum')} names={{ inc: 'qi', num: 'qn', den: 'qd' }} />
                  <RatioInputs ctx={ctx} prefix={prefix} what={t('threshold')} names={{ inc: 'ti', num: 'tn', den: 'td' }} />
                  <EditorSelect ctx={ctx} name={stageField(k, n, 'base')} label={t('base')} options={baseOptions} />
                </div>
              </fieldset>
            );
          })}
        </div>
      </div>
    </details>
  );
}
