import Link from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { Pager, RangeSummary } from '@/components/ui/pager';

/** The member list's search (a plain GET form: works without JavaScript) and its pages. */
export function MemberSearch({ basePath, q }: { basePath: string; q: string }) {
  const t = useTranslations('members');
  return (
    <form method="get" action={basePath} role="search" className="flex flex-wrap items-end gap-2 border-b border-zinc-100 px-4 py-3">
      <label className="flex min-w-0 flex-1 flex-col text-xs font-medium text-zinc-700">
        {t('search')}
        <input
          type="search"
          name="q"
          defaultValue={q}
          maxLength={200}
          className="mt-1 w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm font-normal text-zinc-900"
        />
      </label>
      <button type="submit" className="rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm font-medium text-zinc-900 hover:bg-zinc-50">
        {t('searchButton')}
      </button>
      {q ? (
        <Link href={basePath} className="px-1 py-2 text-sm text-brand-700 hover:underline">
          {t('clear')}
        </Link>
      ) : null}
    </form>
  );
}

type PagerProps = {
  basePath: string;
  q: string;
  page: number;
  pages: number;
  /** Signed keyset cursors of the pages either side (loadMemberList): the links carry them, so a deep page costs what the first does. */
  cursors: { previous: string | null; next: string | null };
  matching: number;
  total: number;
  shown: number;
  first: number;
};

export function MemberPager({ basePath, q, page, pages, cursors, matching, total, shown, first }: PagerProps) {
  const t = useTranslations('members');
  const summary = (
    <>
      <RangeSummary first={first} shown={shown} total={matching} />
      {q ? t('matching', { q, total }) : null}
    </>
  );
  return (
    <div className="border-t border-zinc-100">
      <Pager
        label={t('pagesLabel')}
        basePath={basePath}
        keep={{ q }}
        page={page}
        pages={pages}
        summary={summary}
        cursors={{ previous: cursors.previous ?? undefined, next: cursors.next ?? undefined }}
      />
    </div>
  );
}
