import Link from '@/components/ui/link';
import { useLocale, useTranslations } from 'next-intl';
import type { PublicProposalRef } from '@/db/read/types';
import { logQueryString } from '@/lib/transparency/log-filters';
import type { LogFilters } from '@/lib/transparency/log-filters';
import { logKindLabels } from '@/lib/transparency/summary';

const control = 'mt-1 block w-full rounded-lg border border-zinc-400 bg-white px-3 py-2 text-sm text-zinc-900';

function shortTitle(title: string): string {
  return title.length > 60 ? `${title.slice(0, 57)}…` : title;
}

/** One filter as a select: the empty first choice (`all`) leaves it unset. Options are [value, label] pairs. */
function FilterSelect({
  name,
  label,
  all,
  value,
  options,
}: {
  name: string;
  label: string;
  all: string;
  value: string | undefined;
  options: [string, string][];
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="text-sm font-medium text-zinc-900">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ''} className={control}>
        <option value="">{all}</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}

type Props = {
  action: string;
  filters: LogFilters;
  bodies: { key: string; name: string }[];
  /** The proposal the filter names, when it is a public one. */
  filterProposal: PublicProposalRef | null;
  /** A few recent public proposals, offered as suggestions: never all of them (the log-page-at-scale benchmark). */
  recentProposals: PublicProposalRef[];
};

/**
 * The log's filters as a plain GET form: no JavaScript needed, and every result is a URL that
 * can be shared or bookmarked. Submitting starts again from the newest matching entry.
 *
 * The proposal is chosen by its number, with the most recent ones suggested: a list of every
 * proposal made the page grow with the organization (5 MB at 20,000 proposals).
 */
export function LogFilterForm({ action, filters, bodies, filterProposal, recentProposals }: Props) {
  const t = useTranslations('log');
  const locale = useLocale();
  // A kind's name from the catalogue (log.kinds, whose English is logKindLabels'); an unknown kind by its code.
  const kindLabel = (kind: string) => (kind in logKindLabels ? t(`kinds.${kind}` as 'kinds.ballot.cast') : kind);
  const kinds = Object.keys(logKindLabels)
    .map((kind): [string, string] => [kind, kindLabel(kind)])
    .sort((a, b) => a[1].localeCompare(b[1], locale));
  if (filters.kind && !(filters.kind in logKindLabels)) kinds.unshift([filters.kind, filters.kind]);
  const chips = activeFilters(filters, bodies, filterProposal, kindLabel, t);
  return (
    <form method="get" action={action} role="search" aria-label={t('filters.label')} className="mb-6 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <FilterSelect name="kind" label={t('filters.kind')} all={t('filters.allKinds')} value={filters.kind} options={kinds} />
        <FilterSelect name="body" label={t('filters.body')} all={t('filters.allBodies')} value={filters.body} options={bodies.map((b) => [b.key, b.name])} />
        <div>
          <label htmlFor="filter-proposal" className="text-sm font-medium text-zinc-900">
            {t('filters.proposal')} <span className="font-normal text-zinc-600">{t('filters.number')}</span>
          </label>
          <input
            id="filter-proposal"
            type="number"
            name="proposal"
            min={1}
            step={1}
            inputMode="numeric"
            placeholder={t('filters.allProposals')}
            list={recentProposals.length > 0 ? 'filter-proposal-recent' : undefined}
            aria-describedby="filter-proposal-hint"
            defaultValue={filters.proposal !== undefined ? String(filters.proposal) : ''}
            className={control}
          />
          <p id="filter-proposal-hint" className="mt-1 text-xs text-zinc-600">
            {t('filters.hint', { recent: recentProposals.length > 0 ? 'yes' : 'no' })}
          </p>
          {recentProposals.length > 0 ? (
            <datalist id="filter-proposal-recent">
              {recentProposals.map((p) => (
                <option key={p.id} value={p.number}>
                  #{p.number} {shortTitle(p.title)}
                </option>
              ))}
            </datalist>
          ) : null}
        </div>
        <div>
          <label htmlFor="filter-from" className="text-sm font-medium text-zinc-900">
            {t('filters.from')} <span className="font-normal text-zinc-600">{t('filters.utc')}</span>
          </label>
          <input id="filter-from" type="date" name="from" defaultValue={filters.from ?? ''} className={control} />
        </div>
        <div>
          <label htmlFor="filter-to" className="text-sm font-medium text-zinc-900">
            {t('filters.to')} <span className="font-normal text-zinc-600">{t('filters.utcInclusive')}</span>
          </label>
          <input id="filter-to" type="date" name="to" defaultValue={filters.to ?? ''} className={control} />
        </div>
      </div>
      {chips.length > 0 ? (
        <div className="mt-4 flex flex-wrap items-center gap-2 text-sm">
          <span id="active-filters" className="text-zinc-600">
            {t('filters.showingOnly')}
          </span>
          <ul aria-labelledby="active-filters" className="flex flex-wrap gap-2">
            {chips.map((c) => (
              <li key={c.key}>
                <Link
                  href={`${action}${logQueryString({ ...filters, [c.key]: undefined })}`}
                  className="inline-flex max-w-full items-center gap-1.5 rounded-full border border-brand-100 bg-brand-50 py-1 pl-3 pr-2 text-brand-800 hover:border-brand-600 hover:bg-brand-100"
                >
                  <span className="sr-only">{t('filters.remove')} </span>
                  <span className="min-w-0 break-words">
                    <span className="font-medium">{t('filters.chipLabel', { label: c.label })}</span> {c.value}
                  </span>
                  <span aria-hidden="true" className="text-base leading-none text-brand-700">
                    ×
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-800">
          {t('filters.apply')}
        </button>
        <Link href={action} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          {t('filters.clear')}
        </Link>
      </div>
    </form>
  );
}

type Chip = { key: keyof LogFilters; label: string; value: string };

/** The filters in force, each shown as a chip whose link drops it (and the page cursor). */
function activeFilters(
  filters: LogFilters,
  bodies: { key: string; name: string }[],
  filterProposal: PublicProposalRef | null,
  kindLabel: (kind: string) => string,
  t: ReturnType<typeof useTranslations<'log'>>,
): Chip[] {
  const out: Chip[] = [];
  if (filters.kind) out.push({ key: 'kind', label: t('filters.kind'), value: kindLabel(filters.kind) });
  if (filters.body) out.push({ key: 'body', label: t('filters.body'), value: bodies.find((b) => b.key === filters.body)?.name ?? filters.body });
  if (filters.proposal !== undefined) {
    const value = filterProposal
      ? `#${filterProposal.number} ${shortTitle(filterProposal.title)}`
      : t('filters.noPublic', { number: String(filters.proposal) });
    out.push({ key: 'proposal', label: t('filters.proposal'), value });
  }
  if (filters.from) out.push({ key: 'from', label: t('filters.from'), value: filters.from });
  if (filters.to) out.push({ key: 'to', label: t('filters.to'), value: filters.to });
  return out;
}
