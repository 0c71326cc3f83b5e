type FieldProps = {
  id: string;
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  type?: 'text' | 'email';
  defaultValue?: string;
  required?: boolean;
  maxLength?: number;
  autoComplete?: string;
  placeholder?: string;
  multiline?: boolean;
};

/** A labelled input whose hint and errors are linked by aria-describedby. */
export function Field({ id, name, label, hint, errors, type = 'text', defaultValue, required, maxLength, autoComplete, placeholder, multiline }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const base = `mt-1 block w-full rounded-lg border px-3 py-2 text-sm shadow-sm focus:border-brand-600 ${errorId ? 'border-red-500' : 'border-zinc-300'}`;
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
      {multiline ? (
        <textarea
          id={id}
          name={name}
          defaultValue={defaultValue}
          required={required}
          maxLength={maxLength}
          placeholder={placeholder}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={describedBy}
          rows={4}
          className={base}
        />
      ) : (
        <input
          id={id}
          name={name}
          type={type}
          defaultValue={defaultValue}
          required={required}
          maxLength={maxLength}
          autoComplete={autoComplete}
          placeholder={placeholder}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={describedBy}
          className={base}
        />
      )}
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
