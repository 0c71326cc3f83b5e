import { EditorInput, RatioInputs, SectionErrors, fieldId, type EditorCtx } from '@/components/proposals/charter-inputs';
import { stageField, typeField, typeSection } from '@/lib/governance/charter-form';
import type { BodySpec, ProposalTypeSpec } from '@/lib/governance/types';

/** One proposal type in the charter editor: its name, windows, and each deciding stage's quorum and threshold. */
export function TypeSection({ ctx, type, k, bodies }: { ctx: EditorCtx; type: ProposalTypeSpec; k: number; bodies: BodySpec[] }) {
  const sectionErrors = ctx.errors[typeSection(k)];
  const hasErrors = Object.keys(ctx.errors).some((n) => (n === typeSection(k) || n.startsWith(`${typeSection(k)}.`)) && ctx.errors[n]?.length);
  const bodyName = (key: string) => bodies.find((b) => b.key === key)?.name ?? key;
  return (
    <details open={hasErrors || undefined} className="rounded-xl border border-zinc-200 p-4">
      <summary className="min-h-11 cursor-pointer py-2 text-sm font-semibold text-zinc-900">
        {type.name}
        <span className="font-normal text-zinc-600"> — decided by {type.stages.map((s) => bodyName(s.bodyKey)).join(', then ')}</span>
      </summary>
      <div className="mt-3 space-y-4">
        <SectionErrors id={`${fieldId(typeSection(k))}-errors`} errors={sectionErrors} />
        <div className="grid gap-4 sm:grid-cols-2">
          <EditorInput ctx={ctx} name={typeField(k, 'name')} label="Name" />
          <EditorInput ctx={ctx} name={typeField(k, 'comment')} label="Minimum comment window (hours)" numeric />
          {type.requiresSubject ? (
            <EditorInput ctx={ctx} name={typeField(k, 'reply')} label="The subject’s reply window (hours)" numeric hint="At least 24." />
          ) : null}
        </div>
        {type.stages.map((stage, n) => {
          const prefix = `ch.t${k}.s${n}`;
          const baseName = stageField(k, n, 'base');
          return (
            <fieldset key={n} className="rounded-lg bg-zinc-50 p-3">
              <legend className="px-1 text-sm font-medium text-zinc-900">
                {type.stages.length > 1 ? `Stage ${n + 1}: ` : ''}
                {bodyName(stage.bodyKey)}
              </legend>
              <div className="grid gap-4 sm:grid-cols-2">
                <EditorInput ctx={ctx} name={stageField(k, n, 'voting')} label="Voting window (hours)" numeric />
                <RatioInputs ctx={ctx} prefix={prefix} what="Quorum, of charter seats" names={{ inc: 'qi', num: 'qn', den: 'qd' }} />
                <RatioInputs ctx={ctx} prefix={prefix} what="Threshold of yes votes" names={{ inc: 'ti', num: 'tn', den: 'td' }} />
                <div>
                  <label htmlFor={fieldId(baseName)} className="block text-sm font-medium text-zinc-900">
                    Threshold counted against
                  </label>
                  <select
                    id={fieldId(baseName)}
                    name={baseName}
                    defaultValue={ctx.values[baseName]}
                    aria-invalid={ctx.errors[baseName]?.length ? true : undefined}
                    className="mt-1 block min-h-11 w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm shadow-sm"
                  >
                    <option value="votes_cast">votes cast (yes against yes + no)</option>
                    <option value="charter_seats">charter seats (yes against all seats)</option>
                  </select>
                  {ctx.errors[baseName]?.length ? <p className="mt-1 text-sm text-red-700">{ctx.errors[baseName]!.join(' ')}</p> : null}
                </div>
              </div>
            </fieldset>
          );
        })}
      </div>
    </details>
  );
}
