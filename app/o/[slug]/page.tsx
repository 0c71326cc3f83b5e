import type { Metadata } from 'next';
import Link from 'next/link';
import { BodyCard } from '@/components/governance/body-card';
import { electorateWords } from '@/lib/governance/electorate';
import { CalendarLinks } from '@/components/governance/calendar-links';
import { CharterSummary } from '@/components/governance/charter-summary';
import { OrgNav } from '@/components/governance/org-nav';
import { StatusBadge } from '@/components/governance/phase-badge';
import { FoundingNotice } from '@/components/governance/founding-notice';
import { HealthStrip } from '@/components/governance/health-strip';
import { MeetingList } from '@/components/meetings/meeting-list';
import { PetitionList } from '@/components/petitions/petition-list';
import { WrittenConsentList } from '@/components/written-consents/written-consent-list';
import { CopyButton } from '@/components/transparency/copy-button';
import { ParticipationChart } from '@/components/transparency/participation-chart';
import { DescriptionList } from '@/components/ui/description-list';
import { EmptyState } from '@/components/ui/empty-state';
import { LabelledSection } from '@/components/ui/labelled-section';
import { LinkButton } from '@/components/ui/link-button';
import { PageHeader } from '@/components/ui/page-header';
import { OrganizationLogo } from '@/components/organizations/organization-logo';
import { loadOrgPage } from '@/lib/auth/org-page';
import { now } from '@/lib/clock';
import { loadOrganizationPage, loadWaitingForMyVote } from '@/db/read/org-page';
import { formatUtc } from '@/lib/governance/time';
import { isUnderWay } from '@/lib/governance/phase';
import { roleLabels, roleLabelsPlural, membershipRoles } from '@/lib/governance/roles';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const { org } = await loadOrgPage(slug);
  return { title: org.name };
}

/** The public face of an organization: readable signed out, never showing private data. */
export default async function OrganizationPage({ params }: Props) {
  const { slug } = await params;
  const ctx = await loadOrgPage(slug);
  const { org, user, membership } = ctx;
  const at = now();
  const { overview, byRole, participation, head, verifier, witnessings, health, founding, petitions, meetings, openWrittenConsents } =
    await loadOrganizationPage(org.id, user?.id ?? null, at, ctx);
  // Upcoming meetings (soonest first), and meetings flagged irregular, past or not: a small section.
  const upcomingMeetings = meetings.filter((m) => !m.cancelled && m.endsAt.getTime() >= at.getTime()).reverse();
  const irregularPast = meetings.filter((m) => !m.cancelled && m.irregular && m.endsAt.getTime() < at.getTime());
  const shownMeetings = [...upcomingMeetings.slice(0, 4), ...irregularPast.slice(0, 4)];
  const bodyNames = new Map(overview.bodies.map((b) => [b.key, b.name]));
  const types = overview.charter?.document.proposalTypes ?? [];
  const waiting = user && membership ? await loadWaitingForMyVote(org.id, user.id, at, (key) => Boolean(types.find((t) => t.key === key)?.consent)) : [];

  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="overview" isMember={Boolean(membership)} archivedAt={org.archivedAt} />
      <PageHeader
        title={org.name}
        description={org.mission || <span className="italic">No mission statement yet.</span>}
        leading={<OrganizationLogo slug={org.slug} sha256={org.logoSha256} size={64} />}
      >
        {membership && membership.role !== 'observer' ? <LinkButton href={`/o/${org.slug}/proposals/new`}>New proposal</LinkButton> : null}
      </PageHeader>

      {membership ? (
        <p className="mb-6 rounded-lg border border-brand-100 bg-brand-50 px-4 py-2 text-sm text-brand-800">
          You are {membership.role === 'admin' || membership.role === 'observer' ? 'an' : 'a'} {roleLabels[membership.role].toLowerCase()} of this organization.
        </p>
      ) : null}

      {waiting.length > 0 ? (
        <section aria-labelledby="waiting" className="mb-6 rounded-2xl border border-brand-200 bg-white p-5 shadow-sm">
          <h2 id="waiting" className="font-semibold">
            Waiting for your vote
          </h2>
          <ul className="mt-2 space-y-2 text-sm">
            {waiting.map((w) => (
              <li key={`${w.number}-${w.bodyKey}`} className="flex flex-wrap items-baseline justify-between gap-2">
                <a className="font-medium text-brand-700 underline" href={`/o/${org.slug}/proposals/${w.number}`}>
                  #{w.number} {w.title}
                </a>
                <span className="text-xs text-zinc-600">
                  {bodyNames.get(w.bodyKey) ?? w.bodyKey} · closes {formatUtc(w.closesAt)}
                  {w.delegate
                    ? ` · ${w.delegate.voted ? `your delegate ${w.delegate.name} has voted for you (you may still vote)` : `your delegate is ${w.delegate.name}`}`
                    : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <FoundingNotice founding={founding} seatsHref={`/o/${org.slug}/seats`} />

      <HealthStrip
        health={health}
        bodies={overview.bodies}
        openProposals={overview.proposals.filter((p) => isUnderWay(p.phase)).length}
        openWrittenConsents={openWrittenConsents.length}
      />

      <LabelledSection id="bodies" title="Governing bodies" className="mb-10 space-y-4" headingClassName="text-xl font-semibold">
        {overview.charter ? (
          overview.bodies.map((b) => {
            const spec = overview.charter!.document.bodies.find((x) => x.key === b.key)!;
            return (
              <BodyCard
                key={b.key}
                body={b}
                minForCritical={spec.minSeatsForCriticalDecisions}
                vacancyDeadlineDays={spec.vacancyDeadlineDays}
                shortfallBlocks={spec.classShortfallBlocksCriticalDecisions ?? false}
                electorate={spec.electorate ? electorateWords(spec.electorate) : null}
              />
            );
          })
        ) : (
          <EmptyState title="No charter yet.">This organization has not adopted a charter.</EmptyState>
        )}
      </LabelledSection>

      <section aria-labelledby="proposals" className="mb-10">
        <div className="mb-3 flex items-end justify-between">
          <h2 id="proposals" className="text-xl font-semibold">
            Proposals
          </h2>
          <Link href={`/o/${org.slug}/proposals`} className="text-sm font-medium text-brand-700 hover:underline">
            All proposals
          </Link>
        </div>
        {overview.proposals.filter((p) => p.status !== 'draft').length === 0 ? (
          <EmptyState title="No proposals yet.">Published proposals and their outcomes appear here.</EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-100 rounded-2xl border border-zinc-200 bg-white">
            {overview.proposals
              .filter((p) => p.status !== 'draft')
              .slice(0, 8)
              .map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                  <Link href={`/o/${org.slug}/proposals/${p.number}`} className="font-medium text-zinc-900 hover:underline">
                    #{p.number} {p.title}
                  </Link>
                  <span className="flex items-center gap-2 text-xs text-zinc-500">
                    {p.typeName} <StatusBadge status={p.statusLine} />
                  </span>
                </li>
              ))}
          </ul>
        )}
        <CalendarLinks slug={org.slug} isPublic={org.isPublic} isMember={Boolean(membership)} bodies={overview.bodies} />
      </section>

      {shownMeetings.length > 0 ? (
        <section aria-labelledby="meetings" className="mb-10">
          <div className="mb-3 flex items-end justify-between">
            <h2 id="meetings" className="text-xl font-semibold">
              Meetings
            </h2>
            <Link href={`/o/${org.slug}/meetings`} className="text-sm font-medium text-brand-700 hover:underline">
              All meetings
            </Link>
          </div>
          <MeetingList slug={org.slug} meetings={shownMeetings} />
        </section>
      ) : null}

      {/* Petitions the public should see: open ones with their deadlines, and any answer overdue (flagged). */}
      {petitions.some((p) => p.phase.kind !== 'answered' && p.phase.kind !== 'closed') ? (
        <section aria-labelledby="petitions" className="mb-10">
          <div className="mb-3 flex items-end justify-between">
            <h2 id="petitions" className="text-xl font-semibold">
              Petitions
            </h2>
            <Link href={`/o/${org.slug}/petitions`} className="text-sm font-medium text-brand-700 hover:underline">
              All petitions
            </Link>
          </div>
          <PetitionList
            slug={org.slug}
            petitions={[...petitions]
              .filter((p) => p.phase.kind !== 'answered' && p.phase.kind !== 'closed')
              .sort((a, b) => Number(b.phase.kind === 'overdue') - Number(a.phase.kind === 'overdue'))
              .slice(0, 6)}
          />
        </section>
      ) : null}

      {/* Written consents open for signatures: a body deciding without a meeting, in view. */}
      {openWrittenConsents.length > 0 ? (
        <section aria-labelledby="written-consents" className="mb-10">
          <div className="mb-3 flex items-end justify-between">
            <h2 id="written-consents" className="text-xl font-semibold">
              Written consents open for signatures
            </h2>
            <Link href={`/o/${org.slug}/written-consents`} className="text-sm font-medium text-brand-700 hover:underline">
              All written consents
            </Link>
          </div>
          <WrittenConsentList slug={org.slug} consents={openWrittenConsents.slice(0, 6)} now={at} />
        </section>
      ) : null}

      <LabelledSection
        id="participation"
        title="Participation"
        className="mb-10 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
        headingClassName="text-xl font-semibold"
      >
        <p className="mt-1 mb-4 text-sm text-zinc-600">
          Ballots cast in each closed vote of the last ten decided proposals, against the body&rsquo;s charter seats — the number quorum is counted on.
        </p>
        {participation.length === 0 ? (
          <EmptyState title="No closed votes yet.">Turnout appears here once a vote has closed.</EmptyState>
        ) : (
          <ParticipationChart stages={participation} bodyName={(k) => bodyNames.get(k) ?? k} />
        )}
      </LabelledSection>

      <LabelledSection
        id="record"
        title="Decision record"
        className="mb-10 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
        headingClassName="text-xl font-semibold"
      >
        <p className="mt-1 text-sm text-zinc-600">
          {head ? `${head.size} ${head.size === 1 ? 'entry' : 'entries'} in the hash-chained decision log. ` : 'Nothing logged yet. '}
          Anyone can check that none has been changed, removed or reordered — here in the browser, or with the command-line verifier.
        </p>
        {verifier ? (
          <div className="mt-4">
            <p id="verifier-key-label" className="text-sm font-medium text-zinc-900">
              Verifier key <span className="font-normal text-zinc-600">— note it down: checkpoints signed by any other key are not this log&rsquo;s</span>
            </p>
            <div className="mt-1 flex flex-wrap items-center gap-2">
              <code className="block max-w-full break-all rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 font-mono text-xs text-zinc-900 select-all">
                {verifier.vkey}
              </code>
              <CopyButton text={verifier.vkey} label="Copy the verifier key" />
            </div>
          </div>
        ) : null}
        <div className="mt-4 text-sm">
          <p className="font-medium text-zinc-900">Witnesses</p>
          {witnessings.length === 0 ? (
            <p className="text-zinc-600">No independent witness cosigns this log&rsquo;s checkpoints yet.</p>
          ) : (
            <ul className="mt-1 space-y-1">
              {witnessings.map((w) => (
                <li key={w.name} className="break-all text-zinc-700">
                  {w.size !== null && w.time !== null ? (
                    <>
                      Witnessed by <span className="font-medium">{w.name}</span> at size {w.size}, {w.time.toISOString().replace('T', ' ').slice(0, 16)} UTC
                    </>
                  ) : (
                    <>
                      <span className="font-medium">{w.name}</span> is a witness but has not cosigned a checkpoint yet
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          {membership?.role === 'admin' ? (
            <Link href={`/o/${org.slug}/settings/witnesses`} className="mt-1 inline-block font-medium text-brand-700 hover:underline">
              Manage witnesses
            </Link>
          ) : null}
        </div>
        <p className="mt-4 flex flex-wrap gap-x-4 gap-y-2 text-sm">
          <Link href={`/o/${org.slug}/verify`} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
            Verify this record
          </Link>
          <Link href={`/o/${org.slug}/log`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            Read the decision log
          </Link>
          <a href={`/o/${org.slug}/log/export.csv`} className="font-medium text-brand-700 underline-offset-2 hover:underline" download>
            CSV
          </a>
          <a href={`/o/${org.slug}/log/feed.atom`} type="application/atom+xml" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            Atom feed
          </a>
        </p>
      </LabelledSection>

      {overview.charter ? (
        <LabelledSection
          id="charter"
          title={<>Charter, version {overview.charter.version}</>}
          className="mb-10 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
          headingClassName="text-xl font-semibold"
        >
          <p className="mt-1 text-sm text-zinc-600">
            Adopted {overview.charter.adoptedAt.toISOString().slice(0, 10)}. It changes only through a charter-amendment proposal. Document hash{' '}
            <code className="break-all text-xs">{overview.charter.documentHash}</code>
          </p>
          <CharterSummary charter={overview.charter.document} />
        </LabelledSection>
      ) : null}

      <LabelledSection
        id="people"
        title="People"
        className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
        headingClassName="text-lg font-semibold"
      >
        <p className="mt-1 text-sm text-zinc-600">
          {org.memberCount} {org.memberCount === 1 ? 'person belongs' : 'people belong'} to {org.name}. Transparency is on: this page is public.
        </p>
        <DescriptionList
          className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4"
          itemClassName="rounded-xl bg-zinc-50 p-4"
          termClassName="text-xs font-medium uppercase tracking-wide text-zinc-500"
          detailClassName="mt-1 text-2xl font-bold text-zinc-900"
          items={membershipRoles.map((role) => [roleLabelsPlural[role], byRole[role]] as const)}
        />
      </LabelledSection>
    </div>
  );
}
