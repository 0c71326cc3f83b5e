import Link from 'next/link';
import type { PublicProposalRef } from '@/db/queries/log-public';
import type { LogFilters } from '@/lib/transparency/log-filters';
import { logKindLabels } from '@/lib/transparency/summary';

const control = 'mt-1 block w-full rounded-lg border border-zinc-400 bg-white px-3 py-2 text-sm text-zinc-900';

/**
 * The log's filters as a plain GET form: no JavaScript needed, and every result is a URL that
 * can be shared or bookmarked. Submitting starts again from the newest matching entry.
 */
export function LogFilterForm({ action, filters, bodies, proposals }: { action: string; filters: LogFilters; bodies: { key: string; name: string }[]; proposals: PublicProposalRef[] }) {
  const kinds = Object.entries(logKindLabels).sort((a, b) => a[1].localeCompare(b[1]));
  if (filters.kind && !(filters.kind in logKindLabels)) kinds.unshift([filters.kind, filters.kind]);
  return (
    <form method="get" action={action} role="search" aria-label="Filter the decision log" className="mb-6 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <div>
          <label htmlFor="filter-kind" className="text-sm font-medium text-zinc-900">
            Kind
          </label>
          <select id="filter-kind" name="kind" defaultValue={filters.kind ?? ''} className={control}>
            <option value="">All kinds</option>
            {kinds.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-body" className="text-sm font-medium text-zinc-900">
            Body
          </label>
          <select id="filter-body" name="body" defaultValue={filters.body ?? ''} className={control}>
            <option value="">All bodies</option>
            {bodies.map((b) => (
              <option key={b.key} value={b.key}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-proposal" className="text-sm font-medium text-zinc-900">
            Proposal
          </label>
          <select id="filter-proposal" name="proposal" defaultValue={filters.proposal !== undefined ? String(filters.proposal) : ''} className={control}>
            <option value="">All proposals</option>
            {proposals.map((p) => (
              <option key={p.id} value={p.number}>
                #{p.number} {p.title.length > 60 ? `${p.title.slice(0, 57)}…` : p.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-from" className="text-sm font-medium text-zinc-900">
            From <span className="font-normal text-zinc-600">(UTC)</span>
          </label>
          <input id="filter-from" type="date" name="from" defaultValue={filters.from ?? ''} className={control} />
        </div>
        <div>
          <label htmlFor="filter-to" className="text-sm font-medium text-zinc-900">
            To <span className="font-normal text-zinc-600">(UTC, inclusive)</span>
          </label>
          <input id="filter-to" type="date" name="to" defaultValue={filters.to ?? ''} className={control} />
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-800">
          Apply filters
        </button>
        <Link href={action} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
