'use client';

import type { Ref } from 'react';
import { LabelledField } from '@/components/ui/labelled-field';
import { OptionList, type Option } from '@/components/ui/select-field';

/** The select's value: kept in the form's state (`value`, `onChange`, `selectRef`), or left to the browser from `defaultValue`. */
type Choice = { value: string; onChange: (value: string) => void; selectRef: Ref<HTMLSelectElement> } | { defaultValue: string | undefined };

type Props = {
  id: string;
  name: string;
  label: string;
  options: Option[];
  /** Shown under the select (id `${id}-hint`): it describes the option chosen. */
  hint?: string;
  errors?: string[];
} & Choice;

/** A labelled select without a "Choose…" prompt, with a hint that follows the choice and any errors under it. */
export function HintedSelect({ id, name, label, options, hint, errors, ...choice }: Props) {
  const binding =
    'onChange' in choice
      ? { ref: choice.selectRef, value: choice.value, onChange: (e: React.ChangeEvent<HTMLSelectElement>) => choice.onChange(e.target.value) }
      : choice;
  return (
    <LabelledField id={id} label={label} hint={hint} errors={errors?.length ? errors : undefined}>
      {({ invalid, describedBy, border }) => (
        <select
          {...binding}
          id={id}
          name={name}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          className={`mt-1 block min-h-11 w-full rounded-lg border px-3 py-2 text-sm ${border}`}
        >
          <OptionList options={options} />
        </select>
      )}
    </LabelledField>
  );
}
