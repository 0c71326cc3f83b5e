import { useTranslations } from 'next-intl';
import { LabelledField } from '@/components/ui/labelled-field';

/** What every editor input needs: its form values (submitted or the charter's) and the errors by field name. */
export type EditorCtx = { values: Record<string, string>; errors: Record<string, string[] | undefined> };

const inputClass = 'mt-1 block w-full rounded-lg border px-3 py-2 text-sm shadow-sm focus:border-brand-600';

/** A labelled input of the charter editor; its id is derived from its (dotted) field name. */
export function EditorInput({
  ctx,
  name,
  label,
  hint,
  numeric = false,
  maxLength = 80,
}: {
  ctx: EditorCtx;
  name: string;
  label: string;
  hint?: string;
  numeric?: boolean;
  maxLength?: number;
}) {
  const id = fieldId(name);
  return (
    <LabelledField id={id} label={label} hint={hint} errors={ctx.errors[name]}>
      {({ invalid, describedBy, border }) => (
        <input
          id={id}
          name={name}
          defaultValue={ctx.values[name] ?? ''}
          inputMode={numeric ? 'numeric' : undefined}
          maxLength={numeric ? 9 : maxLength}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          className={`${inputClass} ${border}`}
        />
      )}
    </LabelledField>
  );
}

/** A fraction with its comparison: "[at least] [2] / [3]". Each part is labelled for screen readers. */
export function RatioInputs({ ctx, prefix, what, names }: { ctx: EditorCtx; prefix: string; what: string; names: { inc: string; num: string; den: string } }) {
  const t = useTranslations('newProposal.charter');
  const errs = [names.inc, names.num, names.den].flatMap((n) => ctx.errors[`${prefix}.${n}`] ?? []);
  const errId = `${fieldId(`${prefix}.${names.num}`)}-error`;
  const common = (n: string) => ({
    id: fieldId(`${prefix}.${n}`),
    name: `${prefix}.${n}`,
    defaultValue: ctx.values[`${prefix}.${n}`] ?? '',
    'aria-invalid': ctx.errors[`${prefix}.${n}`]?.length ? (true as const) : undefined,
    'aria-describedby': errs.length ? errId : undefined,
  });
  const box = `rounded-lg border px-2 py-2 text-sm shadow-sm focus:border-brand-600 ${errs.length ? 'border-red-500' : 'border-zinc-300'}`;
  return (
    <fieldset>
      <legend className="block text-sm font-medium text-zinc-900">{what}</legend>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <select key={ctx.values[`${prefix}.${names.inc}`]} {...common(names.inc)} aria-label={t('ratioWhich', { what })} className={`${box} min-h-11`}>
          <option value="at_least">{t('atLeast')}</option>
          <option value="more_than">{t('moreThan')}</option>
        </select>
        <input {...common(names.num)} inputMode="numeric" maxLength={4} aria-label={t('numerator', { what })} className={`${box} min-h-11 w-16`} />
        <span aria-hidden="true">/</span>
        <input {...common(names.den)} inputMode="numeric" maxLength={4} aria-label={t('denominator', { what })} className={`${box} min-h-11 w-16`} />
      </div>
      {errs.length ? (
        <p id={errId} className="mt-1 text-sm text-red-700">
          {errs.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Sentences from the charter's rules about a whole body or type, shown at the top of its section. */
export function SectionErrors({ errors, id }: { errors: string[] | undefined; id: string }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mb-3 list-disc space-y-1 rounded-lg border border-red-300 bg-red-50 py-2 pr-3 pl-7 text-sm text-red-900">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

/** 'ch.b0.c1.key' → 'ch-b0-c1-key' (a valid, readable id). */
export function fieldId(name: string): string {
  return name.replace(/\./g, '-');
}
