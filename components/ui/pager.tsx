import Link from '@/components/ui/link';
import { useTranslations } from 'next-intl';

type Props = {
  /** The navigation landmark's name, e.g. "Member list pages". */
  label: string;
  basePath: string;
  /** Query parameters kept from page to page (a search). */
  keep?: Record<string, string>;
  page: number;
  pages: number;
  /** What the page holds, e.g. "1–100 of 2,000" (`RangeSummary`). */
  summary: React.ReactNode;
  /** Keyset cursors for the pages either side (`c=`), kept beside the page number: a list that has them reads a deep page as cheaply as the first. */
  cursors?: { previous?: string; next?: string };
};

export function pageHref(basePath: string, keep: Record<string, string>, page: number, cursor?: string): string {
  const params = new URLSearchParams(Object.entries(keep).filter(([, v]) => v !== ''));
  if (page > 1) params.set('page', String(page));
  if (page > 1 && cursor) params.set('c', cursor);
  const s = params.toString();
  return s ? `${basePath}?${s}` : basePath;
}

/** Previous and next links under a long list (plain links: work without JavaScript). */
export function Pager({ label, basePath, keep = {}, page, pages, summary, cursors = {} }: Props) {
  const t = useTranslations('pager');
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm text-zinc-600">
      <span>{summary}</span>
      {pages > 1 ? (
        <span className="flex gap-3">
          {page > 1 ? (
            <Link href={pageHref(basePath, keep, page - 1, cursors.previous)} className="font-medium text-brand-700 hover:underline">
              {t('previous')}
            </Link>
          ) : null}
          <span>{t('position', { page, pages })}</span>
          {page < pages ? (
            <Link href={pageHref(basePath, keep, page + 1, cursors.next)} className="font-medium text-brand-700 hover:underline">
              {t('next')}
            </Link>
          ) : null}
        </span>
      ) : null}
    </nav>
  );
}

/** "first–last of total", or "None", in the reader's language. */
export function RangeSummary({ first, shown, total }: { first: number; shown: number; total: number }) {
  const t = useTranslations('pager');
  return shown > 0 ? t('range', { first, last: first + shown - 1, total }) : t('none');
}
