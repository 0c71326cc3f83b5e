import type { Metadata } from 'next';
import Link from 'next/link';
import { Countdown } from '@/components/governance/countdown';
import { OrgNav } from '@/components/governance/org-nav';
import { StatusBadge } from '@/components/governance/phase-badge';
import { EmptyState } from '@/components/ui/empty-state';
import { LinkButton } from '@/components/ui/link-button';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrgPage } from '@/lib/auth/org-page';
import { now } from '@/lib/clock';
import { loadProposalList } from '@/db/read/org-page';
import { Pager, rangeSummary } from '@/components/ui/pager';
import { phaseDeadline } from '@/lib/governance/phase';
import { ProposalFilters } from '@/components/proposals/proposal-filters';
import { isFiltered, parseProposalListParams, proposalListKeep } from '@/lib/validation/proposal-list';

export const metadata: Metadata = { title: 'Proposals' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProposalsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { filter, page: requested, ignored } = parseProposalListParams(await searchParams);
  const { org, user, membership } = await loadOrgPage(slug);
  const at = now();
  // Newest first, a page at a time: only the listed proposals' phases are derived.
  const { proposals, total, page, size, types } = await loadProposalList(org.id, user?.id ?? null, at, requested, filter);
  const basePath = `/o/${org.slug}/proposals`;
  const notes = [...ignored];
  if (filter.type !== null && !types.some((t) => t.key === filter.type))
    notes.push(
      `“${filter.type.slice(0, 60)}” is not a proposal type of the current charter: only proposals raised under that key in an earlier charter are listed.`,
    );
  const pages = Math.max(1, Math.ceil(total / size));

  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="proposals" isMember={Boolean(membership)} archivedAt={org.archivedAt} />
      <PageHeader title="Proposals" description="Every proposal is discussed for at least its charter’s comment window before any vote.">
        {membership && membership.role !== 'observer' && !org.archivedAt ? <LinkButton href={`/o/${org.slug}/proposals/new`}>New proposal</LinkButton> : null}
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
          {total === 1 ? 'One proposal matches.' : `${total.toLocaleString('en-US')} proposals match.`}
        </p>
      ) : null}
      {proposals.length === 0 && total === 0 && isFiltered(filter) ? (
        <EmptyState title="No proposal matches.">
          Search finds whole words in any revision’s title and text.{' '}
          <Link href={basePath} className="text-brand-700 hover:underline">
            Show every proposal
          </Link>
          .
        </EmptyState>
      ) : proposals.length === 0 && total === 0 ? (
        <EmptyState title="No proposals yet.">
          {membership && !org.archivedAt ? 'Raise the first one with “New proposal”.' : 'Published proposals appear here.'}
        </EmptyState>
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
                      {p.typeName} · by {p.authorName ?? 'a member'}
                      {p.publishedAt ? ` · published ${p.publishedAt.toISOString().slice(0, 10)}` : ' · not published'}
                    </p>
                  </div>
                  {/* Left-aligned when it wraps under the title on a phone, so the badge starts the line. */}
                  <div className="text-xs text-zinc-600 sm:text-right">
                    <StatusBadge status={p.statusLine} />
                    {due ? (
                      <p className="mt-1">
                        {due.label} <Countdown to={due.at.toISOString()} serverNow={at.toISOString()} />
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
          label="Proposal list pages"
          basePath={basePath}
          keep={proposalListKeep(filter)}
          page={page}
          pages={pages}
          summary={rangeSummary((page - 1) * size + 1, proposals.length, total)}
        />
      ) : null}
    </div>
  );
}
