import { LabelledField } from './labelled-field';

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
  return (
    <LabelledField id={id} label={label} hint={hint} errors={errors} required={required}>
      {({ invalid, describedBy, border }) => {
        const control = {
          id,
          name,
          defaultValue,
          required,
          maxLength,
          placeholder,
          'aria-invalid': invalid,
          'aria-describedby': describedBy,
          className: `mt-1 block w-full rounded-lg border px-3 py-2 text-sm shadow-sm focus:border-brand-600 ${border}`,
        };
        return multiline ? <textarea {...control} rows={4} /> : <input {...control} type={type} autoComplete={autoComplete} />;
      }}
    </LabelledField>
  );
}
