import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { OrgNav } from '@/components/governance/org-nav';
import { LogEntryItem } from '@/components/transparency/log-entry-item';
import { LogFilterForm } from '@/components/transparency/log-filter-form';
import { LogIntegrityWarning } from '@/components/transparency/log-integrity-warning';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrgPage } from '@/lib/auth/org-page';
import { loadLogPage } from '@/db/read/log-page';
import { proposalOf } from '@/lib/transparency/log-context';
import { hasFilters, logQueryErrorCode, logQueryString, parseLogQuery } from '@/lib/transparency/log-filters';
import { logLanguageFor } from '@/lib/transparency/summary-text';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const pageSize = 50;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const { org } = await loadOrgPage(slug);
  const t = await getTranslations('log');
  return {
    title: t('metaTitle', { org: org.name }),
    alternates: { types: { 'application/atom+xml': [{ url: `/o/${org.slug}/log/feed.atom`, title: t('feedLinkTitle', { org: org.name }) }] } },
  };
}

export default async function LogPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { org, membership } = await loadOrgPage(slug);
  const { filters, cursor, errors } = parseLogQuery(await searchParams);
  // The entries' summaries and actors in the reader's language (the CSV export stays English).
  const language = logLanguageFor(await getLocale(), await getTranslations());
  // Nothing here grows with the log, the proposals or the members: see loadLogPage.
  const { base, head, page, ctx, describe, integrityProblem } = await loadLogPage(org.id, filters, cursor, pageSize, language);
  const t = await getTranslations('log');
  const logPath = `/o/${org.slug}/log`;
  const filtered = hasFilters(filters);
  const exportQuery = logQueryString(filters);
  const first = page.rows[0];
  const last = page.rows.at(-1);
  const filteredArg = filtered ? 'yes' : 'no';

  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="log" isMember={Boolean(membership)} archivedAt={org.archivedAt} />
      <PageHeader title={t('title')} description={t('description')} />
      <LogIntegrityWarning problem={integrityProblem} />

      <section aria-labelledby="log-head" className="mb-6 rounded-xl border border-zinc-200 bg-white p-4 text-sm shadow-sm">
        <h2 id="log-head" className="sr-only">
          {t('headHeading')}
        </h2>
        {head ? (
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="text-zinc-600">{t('entries')}</dt>
            <dd className="font-semibold">{head.size}</dd>
            <dt className="text-zinc-600">{t('headHash')}</dt>
            <dd className="break-all font-mono text-xs leading-5">{head.headHash}</dd>
            <dt className="text-zinc-600">{t('merkleRoot')}</dt>
            <dd className="break-all font-mono text-xs leading-5">{head.root}</dd>
          </dl>
        ) : (
          <p className="text-zinc-600">{t('nothingYet')}</p>
        )}
        <p className="mt-3 flex flex-wrap gap-x-4 gap-y-2 border-t border-zinc-100 pt-3">
          <Link href={`/o/${org.slug}/verify`} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
            {t('verifyLink')}
          </Link>
          <a href={`${logPath}/export.csv${exportQuery}`} className="font-medium text-brand-700 underline-offset-2 hover:underline" download>
            {t('csv', { filtered: filteredArg })}
          </a>
          <a href={`${logPath}/feed.atom${exportQuery}`} className="font-medium text-brand-700 underline-offset-2 hover:underline" type="application/atom+xml">
            {t('atom', { filtered: filteredArg })}
          </a>
        </p>
      </section>

      <LogFilterForm action={logPath} filters={filters} bodies={base.bodies} filterProposal={base.filterProposal} recentProposals={base.recentProposals} />

      {errors.length > 0 ? (
        <div role="status" className="mb-4 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <ul className="list-inside list-disc">
            {errors.map((e) => {
              const code = logQueryErrorCode(e);
              return <li key={e}>{code ? t(`queryErrors.${code}`) : e}</li>;
            })}
          </ul>
        </div>
      ) : null}

      <section aria-labelledby="entries">
        <h2 id="entries" className="sr-only">
          {t('entries')}
        </h2>
        {first && last ? (
          <p className="mb-3 text-sm text-zinc-600" aria-live="polite">
            {first.seq !== last.seq
              ? t('countRange', { count: page.rows.length, filtered: filteredArg, first: String(first.seq), last: String(last.seq) })
              : t('countOne', { count: page.rows.length, filtered: filteredArg, first: String(first.seq) })}
          </p>
        ) : null}
        {page.rows.length === 0 ? (
          filtered ? (
            <EmptyState title={t('emptyFiltered')}>
              <Link href={logPath} className="font-medium text-brand-700 underline">
                {t('showAll')}
              </Link>
            </EmptyState>
          ) : cursor.before !== undefined || cursor.after !== undefined ? (
            <EmptyState title={t('emptyPage')}>
              <Link href={logPath} className="font-medium text-brand-700 underline">
                {t('goNewest')}
              </Link>
            </EmptyState>
          ) : (
            <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>
          )
        ) : (
          <ol className="space-y-2">
            {page.rows.map((e) => {
              const ref = proposalOf(e, ctx);
              return (
                <LogEntryItem
                  key={e.seq}
                  entry={e}
                  summary={describe.summary(e)}
                  actor={describe.actor(e)}
                  proposalHref={ref ? `/o/${org.slug}/proposals/${ref.number}` : null}
                />
              );
            })}
          </ol>
        )}
      </section>

      {page.hasNewer || page.hasOlder ? (
        <nav aria-label={t('pagerLabel')} className="mt-6 flex flex-wrap gap-3">
          {page.hasNewer && first ? (
            <>
              <PageLink href={`${logPath}${logQueryString(filters)}`}>{t('newest')}</PageLink>
              <PageLink href={`${logPath}${logQueryString(filters, { after: first.seq })}`} rel="prev">
                {t('newer')}
              </PageLink>
            </>
          ) : null}
          {page.hasOlder && last ? (
            <PageLink href={`${logPath}${logQueryString(filters, { before: last.seq })}`} rel="next">
              {t('older')}
            </PageLink>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

function PageLink({ href, rel, children }: { href: string; rel?: string; children: React.ReactNode }) {
  return (
    <Link href={href} rel={rel} className="rounded-lg border border-zinc-300 bg-white px-4 py-2 text-sm font-medium text-zinc-900 hover:bg-zinc-50">
      {children}
    </Link>
  );
}
