type Props = {
  type: 'checkbox' | 'radio';
  name: string;
  value: string;
  label: string;
  defaultChecked?: boolean;
};

/** One option of a ballot (its fieldset disables it): the whole padded label is the target (at least 44 px high), and a long name wraps. */
export function BallotOption({ type, name, value, label, defaultChecked }: Props) {
  return (
    <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-zinc-300 px-3 py-2 text-sm hover:bg-zinc-50 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:disabled]:cursor-not-allowed has-[:disabled]:text-zinc-500">
      <input type={type} name={name} value={value} defaultChecked={defaultChecked} className="h-4 w-4 shrink-0" />
      <span className="min-w-0 [overflow-wrap:anywhere]">{label}</span>
    </label>
  );
}
