import { useTranslations } from 'next-intl';
import { rankSelectName } from '@/lib/governance/ranking';

type Props = {
  /** The form field the ballot posts under; each rank field is `${name}.rank.${id}`. */
  name: string;
  candidates: readonly string[];
  allowPartial: boolean;
  /** Preferences to start from: the first id gets rank 1, and so on. */
  ranked: readonly number[];
  disabled?: boolean;
  /** Prefix for the fields' ids, unique on the page. */
  idPrefix: string;
};

/**
 * The ranked ballot without JavaScript: one rank field per candidate ("—" for not ranked), which
 * the form posts as `${name}.rank.${id}` (read with `readRankedBallot` in lib/governance/ranking.ts).
 * Rendered inside `<noscript>`, so a browser running scripts neither shows nor posts it.
 */
export function RankedBallotFallback({ name, candidates, allowPartial, ranked, disabled, idPrefix }: Props) {
  const t = useTranslations('choiceBallot');
  const ranks = Array.from({ length: candidates.length }, (_, i) => i + 1);
  return (
    <fieldset className="space-y-2" disabled={disabled}>
      <legend className="text-sm font-medium text-zinc-900">{t('yourRanking')}</legend>
      <p className="text-xs text-zinc-600">
        {t('fallbackIntro')} {allowPartial ? t('fallbackPartial') : t('fallbackAll')}
      </p>
      {candidates.map((candidate, id) => {
        const rank = ranked.indexOf(id);
        const fieldId = `${idPrefix}-rank-${id}`;
        return (
          <div key={id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <label htmlFor={fieldId} className="min-w-0 flex-1 basis-40 text-sm [overflow-wrap:anywhere]">
              {candidate}
            </label>
            <select
              id={fieldId}
              name={rankSelectName(name, id)}
              defaultValue={rank >= 0 ? String(rank + 1) : ''}
              className="min-h-11 w-36 rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm"
            >
              <option value="">{t('fallbackNone')}</option>
              {ranks.map((r) => (
                <option key={r} value={String(r)}>
                  {r}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}
