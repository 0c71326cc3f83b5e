'use client';

import { useMemo, useState } from 'react';
import { useTranslations } from 'next-intl';
import { CharterDiffList } from '@/components/proposals/charter-diff-list';
import { SectionErrors, type EditorCtx } from '@/components/proposals/charter-inputs';
import { BodySection, editorButton } from '@/components/proposals/charter-editor-body';
import { TypeSection, type BodyOption } from '@/components/proposals/charter-editor-type';
import { charterDiffParts } from '@/lib/governance/charter-diff';
import { addedIndices, bodyField, charterFromForm, charterToForm, newBodyFields, newTypeFields, typeField } from '@/lib/governance/charter-form';
import type { Charter } from '@/lib/governance/types';

/** What the editor holds: the fields' values and the form indices of the bodies and types added in it. */
type Typed = { values: Record<string, string>; bodies: number[]; types: number[] };

/** The editor's values: what was submitted (when the form came back) over the charter's own, with the sections added before. */
function startingState(base: Charter, submitted: Record<string, string> | undefined): Typed {
  const values = charterToForm(base);
  for (const [k, v] of Object.entries(submitted ?? {})) if (k.startsWith('ch.')) values[k] = v;
  return { values, bodies: addedIndices(values, 'b', base.bodies.length), types: addedIndices(values, 't', base.proposalTypes.length) };
}

/**
 * A charter amendment written as a form: the current charter's bodies and proposal types as
 * fields (each may be removed, and new ones added), the changes so far listed as sentences, and
 * the raw JSON as an advanced alternative. The server reads the same fields with charterFromForm
 * and checks the result like any amendment.
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
  const t = useTranslations('newProposal.charter');
  const base = useMemo(() => ({ ...current, version: current.version + 1 }), [current]);
  // What was typed and added since the form last came back; a new answer from the server starts over from what it echoed.
  const [typed, setTyped] = useState<(Typed & { after: typeof submitted }) | null>(null);
  const start = startingState(base, submitted);
  const now = typed && typed.after === submitted ? typed : start;
  const values = now.values;
  // A field's refusal stays beside it until its value is changed; the live list below then says what still fails.
  const shown = Object.fromEntries(Object.entries(errors).filter(([k]) => !(k in start.values) || values[k] === start.values[k]));
  // Sections added here start from their defaults; the rest from the charter (or what came back).
  const ctx: EditorCtx = {
    values: { ...Object.assign({}, ...now.bodies.map(newBodyFields)), ...Object.assign({}, ...now.types.map((k) => newTypeFields(k, 0))), ...start.values },
    errors: shown,
  };
  const built = useMemo(() => charterFromForm(values, base), [values, base]);
  const lines = built.charter ? charterDiffParts(current, built.charter) : null;

  // Every change in the editor re-reads its fields, so the list of changes follows the typing.
  const update = (form: HTMLFormElement | null, change: (t: Typed) => Typed = (t) => t) => {
    if (!form) return;
    const next: Record<string, string> = {};
    for (const [k, v] of new FormData(form).entries()) if (k.startsWith('ch.') && typeof v === 'string') next[k] = v;
    setTyped({ ...change({ ...now, values: next }), after: submitted });
  };
  const onChange = (e: React.FormEvent<HTMLDivElement>) => update(e.currentTarget.closest('form'));
  const addBody = (e: React.MouseEvent<HTMLButtonElement>) => {
    const i = Math.max(base.bodies.length, ...now.bodies.map((n) => n + 1));
    update(e.currentTarget.closest('form'), (t) => ({ ...t, bodies: [...t.bodies, i], values: { ...t.values, ...newBodyFields(i) } }));
  };
  const addType = (e: React.MouseEvent<HTMLButtonElement>) => {
    const k = Math.max(base.proposalTypes.length, ...now.types.map((n) => n + 1));
    update(e.currentTarget.closest('form'), (t) => ({ ...t, types: [...t.types, k], values: { ...t.values, ...newTypeFields(k, 0) } }));
  };
  // A new section taken out again: its fields leave the form, so drop them from the values too.
  const dropNew = (kind: 'bodies' | 'types', n: number) => () =>
    setTyped({
      ...now,
      [kind]: now[kind].filter((x) => x !== n),
      values: Object.fromEntries(Object.entries(values).filter(([k]) => !k.startsWith(`ch.${kind === 'bodies' ? 'b' : 't'}${n}.`))),
      after: submitted,
    });

  const isRemoved = (name: string) => values[name] === 'on';
  const bodyIndices = [...base.bodies.map((_, i) => i), ...now.bodies];
  const bodyOptions: BodyOption[] = bodyIndices.map((i) => {
    const name = values[bodyField(i, 'name')]?.trim() || base.bodies[i]?.name || t('newBody');
    return { value: String(i), label: isRemoved(bodyField(i, 'removed')) ? t('bodyRemovedOption', { name }) : name };
  });

  return (
    <div className="space-y-4" onChange={onChange}>
      <input type="hidden" name="charterBase" value={JSON.stringify(base)} />
      <div>
        <h2 className="text-base font-semibold text-zinc-900">{t('heading')}</h2>
        <p className="mt-1 text-xs text-zinc-600">{t('intro', { version: current.version })}</p>
      </div>
      <SectionErrors id="charter-errors" errors={errors.proposedCharter} />

      <h3 className="text-sm font-semibold text-zinc-900">{t('bodies')}</h3>
      {base.bodies.map((body, i) => (
        <BodySection key={body.key} ctx={ctx} i={i} title={body.name} classes={body.seatClassMinimums} removed={isRemoved(bodyField(i, 'removed'))} />
      ))}
      {now.bodies.map((i, n) => (
        <BodySection key={`new-${i}`} ctx={ctx} i={i} title={t('newBodyN', { n: n + 1 })} classes={{}} removed={false} onRemoveNew={dropNew('bodies', i)} />
      ))}
      <button type="button" onClick={addBody} className={editorButton}>
        {t('addBody')}
      </button>

      <h3 className="text-sm font-semibold text-zinc-900">{t('types')}</h3>
      {base.proposalTypes.map((type, k) => (
        <TypeSection
          key={type.key}
          ctx={ctx}
          live={values}
          k={k}
          name={type.name}
          stageCount={type.stages.length}
          requiresSubject={type.requiresSubject}
          effect={type.effect}
          bodies={bodyOptions}
          removed={isRemoved(typeField(k, 'removed'))}
        />
      ))}
      {now.types.map((k) => (
        <TypeSection
          key={`new-${k}`}
          ctx={ctx}
          live={values}
          k={k}
          name={null}
          stageCount={1}
          requiresSubject={false}
          effect="resolution"
          bodies={bodyOptions}
          removed={false}
          onRemoveNew={dropNew('types', k)}
        />
      ))}
      <button type="button" onClick={addType} className={editorButton}>
        {t('addType')}
      </button>

      <CharterDiffList lines={lines} heading={t('diffHeading')} live problems={built.ok ? [] : [...new Set(Object.values(built.fieldErrors).flat())]} />

      <details className="rounded-xl border border-zinc-200 p-4">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">{t('advanced')}</summary>
        <label className="mt-3 flex items-start gap-2 text-sm">
          <input type="checkbox" name="charterJson" defaultChecked={submitted?.charterJson === 'on'} className="mt-1 size-4" />
          <span>{t('useJson')}</span>
        </label>
        <label htmlFor="p-charter" className="mt-3 block text-sm font-medium text-zinc-900">
          {t('jsonLabel')}
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
          {t('jsonHint')}
        </p>
      </details>
    </div>
  );
}
