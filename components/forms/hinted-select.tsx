'use client';

import type { ReactNode, Ref } from 'react';

type Option = { value: string; label: string };

type Props = {
  id: string;
  name: string;
  label: string;
  options: Option[];
  value: string;
  onChange: (value: string) => void;
  selectRef: Ref<HTMLSelectElement>;
  /** Always shown under the select (id `${id}-hint`): it describes the option chosen. */
  hint: ReactNode;
  errors?: string[];
};

/** A labelled select whose choice the form keeps in its state, with a hint that follows the choice and any errors under it. */
export function HintedSelect({ id, name, label, options, value, onChange, selectRef, hint, errors }: Props) {
  const hintId = `${id}-hint`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-900">
        {label}
      </label>
      <select
        ref={selectRef}
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="mt-1 block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm"
        aria-describedby={hintId}
        aria-invalid={errors ? true : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <p id={hintId} className="mt-1 text-xs text-zinc-600">
        {hint}
      </p>
      {errors ? <p className="mt-1 text-sm text-red-700">{errors.join(' ')}</p> : null}
    </div>
  );
}
