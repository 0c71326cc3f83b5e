type Option = { value: string; label: string };

/** A labelled select with a "Choose…" prompt; hint and errors linked by aria-describedby. */
export function SelectField({
  id,
  name,
  label,
  options,
  defaultValue,
  errors,
  hint,
}: {
  id: string;
  name: string;
  label: string;
  options: Option[];
  defaultValue?: string;
  errors?: string[];
  hint?: string;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-900">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ''}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        className={`mt-1 block w-full rounded-lg border px-3 py-2 text-sm ${errorId ? 'border-red-500' : 'border-zinc-300'}`}
      >
        <option value="">Choose…</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-zinc-600">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors!.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
