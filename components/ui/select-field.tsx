import { useTranslations } from 'next-intl';
import { LabelledField } from './labelled-field';

export type Option = { value: string; label: string };

/** A select's options, in order. */
export function OptionList({ options }: { options: Option[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

/** A labelled select with a "Choose…" prompt (`prompt`, by default `flash.choose` in the reader's language); hint and errors linked by aria-describedby. */
export function SelectField({
  id,
  name,
  label,
  options,
  defaultValue,
  errors,
  hint,
  prompt,
}: {
  id: string;
  name: string;
  label: string;
  options: Option[];
  defaultValue?: string;
  errors?: string[];
  hint?: string;
  /** The empty first option's words (by default `flash.choose`). */
  prompt?: string;
}) {
  const t = useTranslations('flash');
  return (
    <LabelledField id={id} label={label} hint={hint} errors={errors}>
      {({ invalid, describedBy, border }) => (
        <select
          id={id}
          name={name}
          defaultValue={defaultValue ?? ''}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          className={`mt-1 block w-full rounded-lg border px-3 py-2 text-sm ${border}`}
        >
          <option value="">{prompt ?? t('choose')}</option>
          <OptionList options={options} />
        </select>
      )}
    </LabelledField>
  );
}
