import { useTranslations } from 'next-intl';
import { EditorInput, SectionErrors, fieldId, type EditorCtx } from '@/components/proposals/charter-inputs';
import { bodyField, bodySection, classField } from '@/lib/governance/charter-form';
import { seatClassWords } from '@/lib/governance/charter';

/** The four numbers and the name every body has, in the order the editor shows them (labels and hints: messages `newProposal.charter.*`). */
const bodyInputs = [
  { field: 'name', label: 'name', numeric: false },
  { field: 'seats', label: 'seats', numeric: true, hint: 'seatsHint' },
  { field: 'critical', label: 'critical', numeric: true },
  { field: 'vacancyDays', label: 'vacancyDays', numeric: true, hint: 'vacancyHint' },
] as const;

/** A small secondary button of the editor (add, remove): at least 44 px high. */
export const editorButton =
  'inline-flex min-h-11 items-center rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm font-medium text-zinc-800 hover:bg-zinc-50';

/** Removing a section: a checkbox for what the charter has now (works without JavaScript), a button for one added in this form. */
export function RemoveControl({ ctx, name, what, onRemoveNew }: { ctx: EditorCtx; name: string; what: 'body' | 'type'; onRemoveNew?: () => void }) {
  const t = useTranslations('newProposal.charter');
  if (onRemoveNew) {
    return (
      <button type="button" onClick={onRemoveNew} className={editorButton}>
        {t(what === 'body' ? 'removeNewBody' : 'removeNewType')}
      </button>
    );
  }
  return (
    <label className="flex min-h-11 items-center gap-2 text-sm text-zinc-800">
      {/* Keyed by its starting state for the same reason as EditorSelect: the form's reset after an answer restores it. */}
      <input key={String(ctx.values[name] === 'on')} type="checkbox" name={name} defaultChecked={ctx.values[name] === 'on'} className="size-5" />
      {t('removeIt')}
    </label>
  );
}

/**
 * One body in the charter editor: its name and numbers, its seat classes (a blank name removes a
 * class, the last row adds one) and a way to remove it. While removed, its fields are hidden and
 * not read.
 */
export function BodySection({
  ctx,
  i,
  title,
  classes,
  removed,
  onRemoveNew,
}: {
  ctx: EditorCtx;
  i: number;
  title: string;
  /** The body's seat classes now (none for a new body), with their minimums. */
  classes: Record<string, number>;
  removed: boolean;
  onRemoveNew?: () => void;
}) {
  const t = useTranslations('newProposal.charter');
  const errors = ctx.errors[bodySection(i)];
  const errorsId = `${fieldId(bodySection(i))}-errors`;
  return (
    <fieldset className="rounded-xl border border-zinc-200 p-4" aria-describedby={errors?.length ? errorsId : undefined}>
      <legend className="px-1 text-sm font-semibold text-zinc-900">{title}</legend>
      <SectionErrors id={errorsId} errors={errors} />
      <RemoveControl ctx={ctx} name={bodyField(i, 'removed')} what="body" onRemoveNew={onRemoveNew} />
      {removed ? <p className="mt-2 text-sm text-zinc-700">{t('bodyRemoved', { body: title })}</p> : null}
      <div hidden={removed}>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          {bodyInputs.map((input) => (
            <EditorInput
              key={input.field}
              ctx={ctx}
              name={bodyField(i, input.field)}
              label={t(input.label)}
              numeric={input.numeric}
              hint={'hint' in input ? t(input.hint) : undefined}
            />
          ))}
        </div>
        <fieldset className="mt-4">
          <legend className="text-sm font-medium text-zinc-900">{t('seatClasses')}</legend>
          <p className="text-xs text-zinc-600">{t('classesHint')}</p>
          <div className="mt-2 space-y-3">
            {[...Object.keys(classes), null].map((cls, j) => (
              <div key={cls ?? 'new'} className="grid grid-cols-[1fr_7rem] gap-3">
                <EditorInput ctx={ctx} name={classField(i, j, 'key')} label={cls ? t('classN', { n: j + 1 }) : t('newClass')} maxLength={40} />
                <EditorInput ctx={ctx} name={classField(i, j, 'min')} label={t('minimum')} numeric />
              </div>
            ))}
          </div>
          {Object.keys(classes).length > 0 ? (
            <p className="mt-1 text-xs text-zinc-600">
              {t('classesNow', {
                list: Object.entries(classes)
                  .map(([c, n]) => `${seatClassWords(c)} ${n}`)
                  .join(', '),
              })}
            </p>
          ) : null}
        </fieldset>
      </div>
    </fieldset>
  );
}
