import Link from 'next/link';

type Props = { basePath: string; q: string; page: number; pages: number; matching: number; total: number; shown: number; first: number };

function href(basePath: string, q: string, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `${basePath}?${s}` : basePath;
}

/** The member list's search (a plain GET form: works without JavaScript) and its pages. */
export function MemberSearch({ basePath, q }: { basePath: string; q: string }) {
  return (
    <form method="get" action={basePath} role="search" className="flex flex-wrap items-end gap-2 border-b border-zinc-100 px-4 py-3">
      <label className="flex min-w-0 flex-1 flex-col text-xs font-medium text-zinc-700">
        Search by name or e-mail
        <input
          type="search"
          name="q"
          defaultValue={q}
          maxLength={200}
          className="mt-1 w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm font-normal text-zinc-900"
        />
      </label>
      <button type="submit" className="rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm font-medium text-zinc-900 hover:bg-zinc-50">
        Search
      </button>
      {q ? (
        <Link href={basePath} className="px-1 py-2 text-sm text-brand-700 hover:underline">
          Clear
        </Link>
      ) : null}
    </form>
  );
}

export function MemberPager({ basePath, q, page, pages, matching, total, shown, first }: Props) {
  const range = shown > 0 ? `${first.toLocaleString('en-US')}–${(first + shown - 1).toLocaleString('en-US')} of ${matching.toLocaleString('en-US')}` : 'None';
  return (
    <nav aria-label="Member list pages" className="flex flex-wrap items-center justify-between gap-2 border-t border-zinc-100 px-4 py-3 text-sm text-zinc-600">
      <span>
        {range}
        {q ? ` matching “${q}” (${total.toLocaleString('en-US')} members in all)` : ''}
      </span>
      {pages > 1 ? (
        <span className="flex gap-3">
          {page > 1 ? (
            <Link href={href(basePath, q, page - 1)} className="font-medium text-brand-700 hover:underline">
              Previous
            </Link>
          ) : null}
          <span>
            Page {page.toLocaleString('en-US')} of {pages.toLocaleString('en-US')}
          </span>
          {page < pages ? (
            <Link href={href(basePath, q, page + 1)} className="font-medium text-brand-700 hover:underline">
              Next
            </Link>
          ) : null}
        </span>
      ) : null}
    </nav>
  );
}
