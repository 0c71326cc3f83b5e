import type { ReactNode } from 'react';

/** What a field's control needs to be linked to its label, hint and errors. */
export type ControlA11y = {
  /** true while there are errors (aria-invalid), else undefined so the attribute is left out. */
  invalid: true | undefined;
  /** The hint's and errors' ids, for aria-describedby; undefined when there are neither. */
  describedBy: string | undefined;
  /** The border colour class: red while there are errors. */
  border: string;
};

type LabelledFieldProps = {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
  /** Renders the control (input, textarea, select) with id `id`. */
  children: (a11y: ControlA11y) => ReactNode;
};

/** A form field's frame: the label (a required field marked *), the control, then its hint and its errors, linked by aria-describedby. */
export function LabelledField({ id, label, hint, errors, required, children }: LabelledFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-900">
        {label}
        {required ? (
          <span className="text-red-700" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {children({ invalid: errorId ? true : undefined, describedBy, border: errorId ? 'border-red-500' : 'border-zinc-300' })}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-zinc-600">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors?.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
