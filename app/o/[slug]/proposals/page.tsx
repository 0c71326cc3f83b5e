import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { Countdown } from '@/components/governance/countdown';
import { OrgNav } from '@/components/governance/org-nav';
import { getTranslations } from 'next-intl/server';
import { ProposalStatusBadge } from '@/components/governance/phase-badge';
import { EmptyState } from '@/components/ui/empty-state';
import { LinkButton } from '@/components/ui/link-button';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrgPage } from '@/lib/auth/org-page';
import { now } from '@/lib/clock';
import { loadProposalList } from '@/db/read/org-page';
import { Pager, RangeSummary } from '@/components/ui/pager';
import { phaseDeadline } from '@/lib/governance/phase';
import { ProposalFilters } from '@/components/proposals/proposal-filters';
import { isFiltered, parseProposalListParams, proposalListKeep } from '@/lib/validation/proposal-list';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('proposalList');
  return { title: t('title') };
}

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProposalsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { filter, page: requested, ignored } = parseProposalListParams(await searchParams);
  const { org, user, membership } = await loadOrgPage(slug);
  const at = now();
  // Newest first, a page at a time: only the listed proposals' phases are derived.
  const { proposals, total, page, size, types } = await loadProposalList(org.id, user?.id ?? null, at, requested, filter);
  const basePath = `/o/${org.slug}/proposals`;
  const t = await getTranslations('proposalList');
  const notes = ignored.map((i) =>
    i.code === 'search_cut'
      ? t('ignored.search_cut', { max: i.max })
      : i.code === 'state_unknown'
        ? t('ignored.state_unknown', { value: i.value })
        : t('ignored.type_too_long'),
  );
  if (filter.type !== null && !types.some((ty) => ty.key === filter.type)) notes.push(t('typeNotCurrent', { type: filter.type.slice(0, 60) }));
  const pages = Math.max(1, Math.ceil(total / size));

  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="proposals" isMember={Boolean(membership)} archivedAt={org.archivedAt} />
      <PageHeader title={t('title')} description={t('description')}>
        {membership && membership.role !== 'observer' && !org.archivedAt ? (
          <LinkButton href={`/o/${org.slug}/proposals/new`}>{t('newProposal')}</LinkButton>
        ) : null}
      </PageHeader>
      {total > 10 || isFiltered(filter) ? <ProposalFilters basePath={basePath} filter={filter} types={types} signedIn={Boolean(user)} /> : null}
      {notes.length > 0 ? (
        <div role="status" className="mb-4 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <ul className="space-y-1">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {isFiltered(filter) && total > 0 ? (
        <p className="mb-3 text-sm text-zinc-600" role="status">
          {t('matches', { count: total })}
        </p>
      ) : null}
      {proposals.length === 0 && total === 0 && isFiltered(filter) ? (
        <EmptyState title={t('noMatchTitle')}>
          {t.rich('noMatch', {
            link: (chunks) => (
              <Link href={basePath} className="text-brand-700 hover:underline">
                {chunks}
              </Link>
            ),
          })}
        </EmptyState>
      ) : proposals.length === 0 && total === 0 ? (
        <EmptyState title={t('emptyTitle')}>{membership && !org.archivedAt ? t('emptyMember') : t('emptyPublic')}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {proposals.map((p) => {
            const due = phaseDeadline(p.phase, { consent: p.consent });
            return (
              <li key={p.id} className="relative rounded-xl border border-zinc-200 bg-white p-4 shadow-sm hover:shadow-md">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <Link href={`/o/${org.slug}/proposals/${p.number}`} className="font-semibold text-zinc-900 after:absolute after:inset-0 hover:underline">
                      #{p.number} {p.title}
                    </Link>
                    <p className="mt-1 text-xs text-zinc-500">
                      {t('byline', { type: p.typeName, author: p.authorName ?? t('aMember') })}
                      {p.publishedAt ? t('published', { at: p.publishedAt }) : t('notPublished')}
                    </p>
                  </div>
                  {/* Left-aligned when it wraps under the title on a phone, so the badge starts the line. */}
                  <div className="text-xs text-zinc-600 sm:text-right">
                    <ProposalStatusBadge status={p.statusLine} />
                    {due ? (
                      <p className="mt-1">
                        {t(`deadline.${due.kind}`)} <Countdown to={due.at.toISOString()} serverNow={at.toISOString()} />
                      </p>
                    ) : null}
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {total > size ? (
        <Pager
          label={t('pagesLabel')}
          basePath={basePath}
          keep={proposalListKeep(filter)}
          page={page}
          pages={pages}
          summary={<RangeSummary first={(page - 1) * size + 1} shown={proposals.length} total={total} />}
        />
      ) : null}
    </div>
  );
}
