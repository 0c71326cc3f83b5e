'use client';

import { useMemo, useState } from 'react';
import { CharterDiffList } from '@/components/proposals/charter-diff-list';
import { EditorInput, SectionErrors, fieldId, type EditorCtx } from '@/components/proposals/charter-inputs';
import { TypeSection } from '@/components/proposals/charter-editor-type';
import { charterDiff } from '@/lib/governance/charter-diff';
import { bodyField, bodySection, charterFromForm, charterToForm, classField } from '@/lib/governance/charter-form';
import { seatClassWords } from '@/lib/governance/charter';
import type { Charter } from '@/lib/governance/types';

/** The editor's values: what was submitted (when the form came back) over the charter's own. */
function startingValues(base: Charter, submitted: Record<string, string> | undefined): Record<string, string> {
  const values = charterToForm(base);
  for (const [k, v] of Object.entries(submitted ?? {})) if (k.startsWith('ch.')) values[k] = v;
  return values;
}

/**
 * A charter amendment written as a form: the current charter's bodies and proposal types as
 * fields, the changes so far listed as sentences, and the raw JSON as an advanced alternative.
 * The server reads the same fields with charterFromForm and checks the result like any amendment.
 */
export function CharterEditor({
  current,
  submitted,
  errors,
  currentCharterJson,
}: {
  current: Charter;
  submitted: Record<string, string> | undefined;
  errors: Record<string, string[] | undefined>;
  /** The charter as JSON, next version: the advanced textarea's starting text. */
  currentCharterJson: string;
}) {
  const base = useMemo(() => ({ ...current, version: current.version + 1 }), [current]);
  // What was typed since the form last came back; a new answer from the server starts over from what it echoed.
  const [typed, setTyped] = useState<{ after: typeof submitted; values: Record<string, string> } | null>(null);
  const values = typed && typed.after === submitted ? typed.values : startingValues(base, submitted);
  const start = startingValues(base, submitted);
  // A field's refusal stays beside it until its value is changed; the live list below then says what still fails.
  const shown = Object.fromEntries(Object.entries(errors).filter(([k]) => !(k in start) || values[k] === start[k]));
  const ctx: EditorCtx = { values: start, errors: shown };
  const built = useMemo(() => charterFromForm(values, base), [values, base]);
  const lines = built.charter ? charterDiff(current, built.charter) : null;

  // Every change in the editor re-reads its fields, so the list of changes follows the typing.
  const onChange = (e: React.FormEvent<HTMLDivElement>) => {
    const form = e.currentTarget.closest('form');
    if (!form) return;
    const next: Record<string, string> = {};
    for (const [k, v] of new FormData(form).entries()) if (k.startsWith('ch.') && typeof v === 'string') next[k] = v;
    setTyped({ after: submitted, values: next });
  };

  return (
    <div className="space-y-4" onChange={onChange}>
      <input type="hidden" name="charterBase" value={JSON.stringify(base)} />
      <div>
        <h2 className="text-base font-semibold text-zinc-900">The charter after this amendment</h2>
        <p className="mt-1 text-xs text-zinc-600">
          The fields start from the current charter (version {current.version}). Change what the amendment changes; nothing changes until the proposal passes by
          the charter’s own procedure. Windows are in hours (24 hours = 1 day).
        </p>
      </div>
      <SectionErrors id="charter-errors" errors={errors.proposedCharter} />

      {current.bodies.map((body, i) => (
        <fieldset
          key={body.key}
          className="rounded-xl border border-zinc-200 p-4"
          aria-describedby={errors[bodySection(i)]?.length ? `${fieldId(bodySection(i))}-errors` : undefined}
        >
          <legend className="px-1 text-sm font-semibold text-zinc-900">{body.name}</legend>
          <SectionErrors id={`${fieldId(bodySection(i))}-errors`} errors={errors[bodySection(i)]} />
          <div className="grid gap-4 sm:grid-cols-2">
            <EditorInput ctx={ctx} name={bodyField(i, 'name')} label="Name" />
            <EditorInput
              ctx={ctx}
              name={bodyField(i, 'seats')}
              label="Charter seats"
              numeric
              hint="Quorum and thresholds count against these, never headcount."
            />
            <EditorInput ctx={ctx} name={bodyField(i, 'critical')} label="Filled seats needed for critical decisions" numeric />
            <EditorInput
              ctx={ctx}
              name={bodyField(i, 'vacancyDays')}
              label="Vacancy deadline (days)"
              numeric
              hint="A seat vacant longer is flagged as overdue."
            />
          </div>
          <fieldset className="mt-4">
            <legend className="text-sm font-medium text-zinc-900">Seat classes and their minimums</legend>
            <p className="text-xs text-zinc-600">Clear a class’s name to remove it; fill in the last row to add one.</p>
            <div className="mt-2 space-y-3">
              {[...Object.keys(body.seatClassMinimums), null].map((cls, j) => (
                <div key={cls ?? 'new'} className="grid grid-cols-[1fr_7rem] gap-3">
                  <EditorInput ctx={ctx} name={classField(i, j, 'key')} label={cls ? `Class ${j + 1}` : 'New class (optional)'} maxLength={40} />
                  <EditorInput ctx={ctx} name={classField(i, j, 'min')} label="At least" numeric />
                </div>
              ))}
            </div>
            {Object.keys(body.seatClassMinimums).length > 0 ? (
              <p className="mt-1 text-xs text-zinc-600">
                Now:{' '}
                {Object.entries(body.seatClassMinimums)
                  .map(([c, n]) => `${seatClassWords(c)} ${n}`)
                  .join(', ')}
                .
              </p>
            ) : null}
          </fieldset>
        </fieldset>
      ))}

      <h3 className="text-sm font-semibold text-zinc-900">Proposal types</h3>
      {current.proposalTypes.map((type, k) => (
        <TypeSection key={type.key} ctx={ctx} type={type} k={k} bodies={current.bodies} />
      ))}

      <CharterDiffList
        lines={lines}
        heading="Changes against the current charter"
        live
        problems={built.ok ? [] : [...new Set(Object.values(built.fieldErrors).flat())]}
      />

      <details className="rounded-xl border border-zinc-200 p-4">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">Advanced: edit the charter as JSON</summary>
        <label className="mt-3 flex items-start gap-2 text-sm">
          <input type="checkbox" name="charterJson" defaultChecked={submitted?.charterJson === 'on'} className="mt-1 size-4" />
          <span>Use the JSON below instead of the fields above (for changes the fields do not offer, such as adding a body or a proposal type).</span>
        </label>
        <label htmlFor="p-charter" className="mt-3 block text-sm font-medium text-zinc-900">
          Proposed charter (JSON)
        </label>
        <textarea
          id="p-charter"
          name="proposedCharter"
          rows={12}
          defaultValue={submitted?.proposedCharter ?? currentCharterJson}
          className="mt-1 block w-full rounded-lg border border-zinc-300 px-3 py-2 font-mono text-xs"
          aria-describedby="p-charter-hint"
        />
        <p id="p-charter-hint" className="mt-1 text-xs text-zinc-600">
          The whole charter as it would read after the amendment; its version becomes the next one when the proposal passes.
        </p>
      </details>
    </div>
  );
}
