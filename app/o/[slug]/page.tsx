import { HeldMotionsNotice } from '@/components/organizations/held-motions-notice';
import { listHeldMotions } from '@/db/read/meeting-roll-calls';
import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { BodyCard } from '@/components/governance/body-card';
import { electorateWords } from '@/lib/governance/electorate';
import { CalendarLinks } from '@/components/governance/calendar-links';
import { CharterSummary } from '@/components/governance/charter-summary';
import { OrgNav } from '@/components/governance/org-nav';
import { ProposalStatusBadge } from '@/components/governance/phase-badge';
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
import { membershipRoles } from '@/lib/governance/roles';

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
  const { overview, underWay, byRole, participation, head, verifier, witnessings, health, founding, petitions, meetings, openWrittenConsents } =
    await loadOrganizationPage(org.id, user?.id ?? null, at, ctx);
  // Upcoming meetings (soonest first), and meetings flagged irregular, past or not: a small section.
  const upcomingMeetings = meetings.filter((m) => !m.cancelled && m.endsAt.getTime() >= at.getTime()).reverse();
  const irregularPast = meetings.filter((m) => !m.cancelled && m.irregular && m.endsAt.getTime() < at.getTime());
  const shownMeetings = [...upcomingMeetings.slice(0, 4), ...irregularPast.slice(0, 4)];
  const bodyNames = new Map(overview.bodies.map((b) => [b.key, b.name]));
  const types = overview.charter?.document.proposalTypes ?? [];
  const held = await listHeldMotions(org.id);
  const t = await getTranslations('org');
  const tRoles = await getTranslations('roles');
  const strong = (chunks: React.ReactNode) => <span className="font-medium">{chunks}</span>;
  const waiting = user && membership ? await loadWaitingForMyVote(org.id, user.id, at, (key) => Boolean(types.find((t) => t.key === key)?.consent)) : [];

  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="overview" isMember={Boolean(membership)} archivedAt={org.archivedAt} />
      <PageHeader
        title={org.name}
        description={org.mission || <span className="italic">{t('noMission')}</span>}
        leading={<OrganizationLogo slug={org.slug} sha256={org.logoSha256} size={64} />}
      >
        {membership && membership.role !== 'observer' ? <LinkButton href={`/o/${org.slug}/proposals/new`}>{t('newProposal')}</LinkButton> : null}
      </PageHeader>

      {membership ? (
        <p className="mb-6 rounded-lg border border-brand-100 bg-brand-50 px-4 py-2 text-sm text-brand-800">{t('youAre', { role: membership.role })}</p>
      ) : null}

      {waiting.length > 0 ? (
        <section aria-labelledby="waiting" className="mb-6 rounded-2xl border border-brand-200 bg-white p-5 shadow-sm">
          <h2 id="waiting" className="font-semibold">
            {t('waiting')}
          </h2>
          <ul className="mt-2 space-y-2 text-sm">
            {waiting.map((w) => (
              <li key={`${w.number}-${w.bodyKey}`} className="flex flex-wrap items-baseline justify-between gap-2">
                <a className="font-medium text-brand-700 underline" href={`/o/${org.slug}/proposals/${w.number}`}>
                  #{w.number} {w.title}
                </a>
                <span className="text-xs text-zinc-600">
                  {t('waitingCloses', { body: bodyNames.get(w.bodyKey) ?? w.bodyKey, closes: w.closesAt })}
                  {w.delegate ? t(w.delegate.voted ? 'delegateVoted' : 'delegateIs', { name: w.delegate.name }) : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <HeldMotionsNotice held={held} slug={org.slug} />

      <FoundingNotice founding={founding} seatsHref={`/o/${org.slug}/seats`} />

      <HealthStrip health={health} bodies={overview.bodies} openProposals={underWay} openWrittenConsents={openWrittenConsents.length} />

      <LabelledSection id="bodies" title={t('bodies')} className="mb-10 space-y-4" headingClassName="text-xl font-semibold">
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
          <EmptyState title={t('noCharterTitle')}>{t('noCharter')}</EmptyState>
        )}
      </LabelledSection>

      <section aria-labelledby="proposals" className="mb-10">
        <div className="mb-3 flex items-end justify-between">
          <h2 id="proposals" className="text-xl font-semibold">
            {t('proposals')}
          </h2>
          <Link href={`/o/${org.slug}/proposals`} className="text-sm font-medium text-brand-700 hover:underline">
            {t('allProposals')}
          </Link>
        </div>
        {overview.proposals.filter((p) => p.status !== 'draft').length === 0 ? (
          <EmptyState title={t('noProposalsTitle')}>{t('noProposals')}</EmptyState>
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
                    {p.typeName} <ProposalStatusBadge status={p.statusLine} />
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
              {t('meetings')}
            </h2>
            <Link href={`/o/${org.slug}/meetings`} className="text-sm font-medium text-brand-700 hover:underline">
              {t('allMeetings')}
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
              {t('petitions')}
            </h2>
            <Link href={`/o/${org.slug}/petitions`} className="text-sm font-medium text-brand-700 hover:underline">
              {t('allPetitions')}
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
              {t('writtenConsents')}
            </h2>
            <Link href={`/o/${org.slug}/written-consents`} className="text-sm font-medium text-brand-700 hover:underline">
              {t('allWrittenConsents')}
            </Link>
          </div>
          <WrittenConsentList slug={org.slug} consents={openWrittenConsents.slice(0, 6)} now={at} />
        </section>
      ) : null}

      <LabelledSection
        id="participation"
        title={t('participation')}
        className="mb-10 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
        headingClassName="text-xl font-semibold"
      >
        <p className="mt-1 mb-4 text-sm text-zinc-600">{t('participationIntro')}</p>
        {participation.length === 0 ? (
          <EmptyState title={t('noVotesTitle')}>{t('noVotes')}</EmptyState>
        ) : (
          <ParticipationChart stages={participation} bodyName={(k) => bodyNames.get(k) ?? k} />
        )}
      </LabelledSection>

      <LabelledSection
        id="record"
        title={t('record')}
        className="mb-10 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
        headingClassName="text-xl font-semibold"
      >
        <p className="mt-1 text-sm text-zinc-600">
          {t('logSize', { size: head?.size ?? 0 })} {t('anyoneCanCheck')}
        </p>
        {verifier ? (
          <div className="mt-4">
            <p id="verifier-key-label" className="text-sm font-medium text-zinc-900">
              {t('verifierKey')} <span className="font-normal text-zinc-600">{t('verifierKeyNote')}</span>
            </p>
            <div className="mt-1 flex flex-wrap items-center gap-2">
              <code className="block max-w-full break-all rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 font-mono text-xs text-zinc-900 select-all">
                {verifier.vkey}
              </code>
              <CopyButton text={verifier.vkey} label={t('copyVerifierKey')} />
            </div>
          </div>
        ) : null}
        <div className="mt-4 text-sm">
          <p className="font-medium text-zinc-900">{t('witnesses')}</p>
          {witnessings.length === 0 ? (
            <p className="text-zinc-600">{t('noWitnesses')}</p>
          ) : (
            <ul className="mt-1 space-y-1">
              {witnessings.map((w) => (
                <li key={w.name} className="break-all text-zinc-700">
                  {w.size !== null && w.time !== null
                    ? t.rich('witnessedBy', { b: strong, name: w.name, size: w.size, time: w.time })
                    : t.rich('witnessNotYet', { b: strong, name: w.name })}
                </li>
              ))}
            </ul>
          )}
          {membership?.role === 'admin' ? (
            <Link href={`/o/${org.slug}/settings/witnesses`} className="mt-1 inline-block font-medium text-brand-700 hover:underline">
              {t('manageWitnesses')}
            </Link>
          ) : null}
        </div>
        <p className="mt-4 flex flex-wrap gap-x-4 gap-y-2 text-sm">
          <Link href={`/o/${org.slug}/verify`} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
            {t('verify')}
          </Link>
          <Link href={`/o/${org.slug}/log`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {t('readLog')}
          </Link>
          <a href={`/o/${org.slug}/log/export.csv`} className="font-medium text-brand-700 underline-offset-2 hover:underline" download>
            {t('csv')}
          </a>
          <a href={`/o/${org.slug}/log/feed.atom`} type="application/atom+xml" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {t('atom')}
          </a>
        </p>
      </LabelledSection>

      {overview.charter ? (
        <LabelledSection
          id="charter"
          title={t('charterVersion', { version: overview.charter.version })}
          className="mb-10 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
          headingClassName="text-xl font-semibold"
        >
          <p className="mt-1 text-sm text-zinc-600">
            {t('charterAdopted', { at: overview.charter.adoptedAt })} <code className="break-all text-xs">{overview.charter.documentHash}</code>
          </p>
          <CharterSummary charter={overview.charter.document} />
        </LabelledSection>
      ) : null}

      <LabelledSection
        id="people"
        title={t('people')}
        className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
        headingClassName="text-lg font-semibold"
      >
        <p className="mt-1 text-sm text-zinc-600">{t('peopleCount', { count: org.memberCount, name: org.name })}</p>
        <DescriptionList
          className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4"
          itemClassName="rounded-xl bg-zinc-50 p-4"
          termClassName="text-xs font-medium uppercase tracking-wide text-zinc-500"
          detailClassName="mt-1 text-2xl font-bold text-zinc-900"
          items={membershipRoles.map((role) => [tRoles(`${role}Plural`), byRole[role]] as const)}
        />
      </LabelledSection>
    </div>
  );
}
