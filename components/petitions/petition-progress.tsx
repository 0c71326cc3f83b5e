import { useTranslations } from 'next-intl';

/** Signatures against the threshold, in words and as a bar (the bar is decoration; the words say it). */
export function PetitionProgress({ count, required, compact = false }: { count: number; required: number; compact?: boolean }) {
  const t = useTranslations('petitions');
  const share = required > 0 ? Math.min(1, count / required) : 1;
  return (
    <div className={compact ? 'min-w-40' : ''}>
      <p className={compact ? 'text-xs text-zinc-700' : 'text-sm text-zinc-800'}>
        {t.rich('progress', {
          count,
          required,
          reached: String(count >= required),
          b: (chunks) => <strong className={compact ? 'font-semibold' : 'text-2xl font-bold text-zinc-900'}>{chunks}</strong>,
        })}
      </p>
      <div aria-hidden="true" className={`mt-1 w-full overflow-hidden rounded-full bg-zinc-100 ${compact ? 'h-1.5' : 'h-2.5'}`}>
        <div className={`h-full rounded-full ${share >= 1 ? 'bg-emerald-600' : 'bg-brand-600'}`} style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
    </div>
  );
}
