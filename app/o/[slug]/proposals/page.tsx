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

export const metadata: Metadata = { title: 'Proposals' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string | string[] }> };

export default async function ProposalsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const rawPage = (await searchParams).page;
  const requested = Number.parseInt((Array.isArray(rawPage) ? rawPage[0] : rawPage) ?? '', 10);
  const { org, user, membership } = await loadOrgPage(slug);
  const at = now();
  // Newest first, a page at a time: only the listed proposals' phases are derived.
  const { proposals, total, page, size } = await loadProposalList(
    org.id,
    user?.id ?? null,
    at,
    Number.isSafeInteger(requested) && requested > 0 ? requested : 1,
  );
  const pages = Math.max(1, Math.ceil(total / size));

  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="proposals" isMember={Boolean(membership)} archivedAt={org.archivedAt} />
      <PageHeader title="Proposals" description="Every proposal is discussed for at least its charter’s comment window before any vote.">
        {membership && membership.role !== 'observer' && !org.archivedAt ? <LinkButton href={`/o/${org.slug}/proposals/new`}>New proposal</LinkButton> : null}
      </PageHeader>
      {proposals.length === 0 && total === 0 ? (
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
          basePath={`/o/${org.slug}/proposals`}
          page={page}
          pages={pages}
          summary={rangeSummary((page - 1) * size + 1, proposals.length, total)}
        />
      ) : null}
    </div>
  );
}
