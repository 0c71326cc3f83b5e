import { HintedSelect } from '@/components/forms/hinted-select';
import { RemoveControl } from '@/components/proposals/charter-editor-body';
import { EditorInput, RatioInputs, SectionErrors, fieldId, type EditorCtx } from '@/components/proposals/charter-inputs';
import { stageField, typeField, typeSection } from '@/lib/governance/charter-form';

/** A body a stage may be decided by: its form index (the select's value) and its name as typed. */
export type BodyOption = { value: string; label: string };

/**
 * A select of the editor, starting from its field's value, its errors under it. React applies a
 * select's defaultValue only when it mounts, and resets the form to it after each answer: keyed by
 * that value, the select mounts again when an answer brings back another one.
 */
function EditorSelect({ ctx, name, label, options }: { ctx: EditorCtx; name: string; label: string; options: BodyOption[] }) {
  return (
    <HintedSelect
      key={ctx.values[name]}
      id={fieldId(name)}
      name={name}
      label={label}
      options={options}
      defaultValue={ctx.values[name]}
      errors={ctx.errors[name]}
    />
  );
}

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
  bodies: BodyOption[];
  removed: boolean;
  onRemoveNew?: () => void;
}) {
  const hasErrors = Object.keys(ctx.errors).some((n) => (n === typeSection(k) || n.startsWith(`${typeSection(k)}.`)) && ctx.errors[n]?.length);
  const bodyName = (n: number) => bodies.find((b) => b.value === live[stageField(k, n, 'body')])?.label ?? 'a body';
  const stages = Array.from({ length: stageCount }, (_, n) => n);
  return (
    <details open={hasErrors || name === null || undefined} className="rounded-xl border border-zinc-200 p-4">
      <summary className="min-h-11 cursor-pointer py-2 text-sm font-semibold text-zinc-900">
        {name ?? 'New proposal type'}
        <span className="font-normal text-zinc-600">{removed ? ' — removed by this amendment' : ` — decided by ${stages.map(bodyName).join(', then ')}`}</span>
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
          </div>
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
