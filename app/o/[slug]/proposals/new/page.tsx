import { choiceMethodName } from '@/lib/governance/choice';
import { electionTargets } from '@/lib/governance/election';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OrgNav } from '@/components/governance/org-nav';
import { seatClassName } from '@/components/governance/body-card';
import { NewProposalForm } from '@/components/proposals/new-proposal-form';
import { PageHeader } from '@/components/ui/page-header';
import { ratioText } from '@/lib/governance/charter';
import { defaultDeclaration, isClassSeat } from '@/lib/governance/seat-class';
import { formatHours, formatUtc } from '@/lib/governance/time';
import { loadOrgPage } from '@/lib/auth/org-page';
import { requireUser } from '@/lib/auth/session';
import { now } from '@/lib/clock';
import { loadNewProposalPage } from '@/db/read/new-proposal-page';
import { listHeldMotions } from '@/db/read/meeting-roll-calls';

export const metadata: Metadata = { title: 'New proposal' };

export default async function NewProposalPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ ratifies?: string | string[]; ratifiesMotion?: string | string[] }>;
}) {
  const { slug } = await params;
  const { ratifies, ratifiesMotion } = await searchParams;
  await requireUser(`/o/${slug}/proposals/new`);
  const { org, membership } = await loadOrgPage(slug);
  if (!membership || membership.role === 'observer') notFound();
  const [{ charter, seats: seatRows, members, ratifiable }, held] = await Promise.all([loadNewProposalPage(org.id, now()), listHeldMotions(org.id)]);
  if (!charter) notFound();
  const bodyName = (key: string) => charter.document.bodies.find((b) => b.key === key)?.name ?? key;
  const types = charter.document.proposalTypes.map((t) => ({
    key: t.key,
    name: t.name,
    effect: t.effect,
    requiresSubject: t.requiresSubject,
    emergencyAllowed: Boolean(t.emergency),
    method: t.method ? { name: choiceMethodName(t.method.key), winners: t.method.winners } : null,
    electionTargets: t.effect === 'seat_election' ? electionTargets(charter.document, t, seatRows).map(({ value, label }) => ({ value, label })) : [],
    summary: t.election
      ? `Nominations during at least ${formatHours(t.minCommentWindowHours)} of discussion (a nominee must accept); then the ${bodyName(t.stages[0]!.bodyKey)} ranks the candidates by secret ballot (${choiceMethodName(t.election.rule)}), with a quorum of ${ratioText(t.stages[0]!.quorum)} of charter seats. With no more candidates than seats, they are elected unopposed without a vote.`
      : t.method
        ? `At least ${formatHours(t.minCommentWindowHours)} of discussion; then the ${bodyName(t.stages[0]!.bodyKey)} chooses ${t.method.winners === 1 ? 'one option' : `${t.method.winners} options`} by secret ballot (${choiceMethodName(t.method.key)}), with a quorum of ${ratioText(t.stages[0]!.quorum)} of charter seats.`
        : `At least ${formatHours(t.minCommentWindowHours)} of discussion; then ${t.stages.map((s) => `${bodyName(s.bodyKey)} (${ratioText(s.threshold)} of ${s.thresholdBase === 'charter_seats' ? 'charter seats' : 'votes cast'})`).join(', then ')}.${t.critical ? ' Critical: needs each deciding body at strength.' : ''}`,
  }));
  const seatLabel = (s: (typeof seatRows)[number]) => `${bodyName(s.bodyKey)} seat ${s.position} (${seatClassName(s.seatClass)})`;
  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="proposals" isMember archivedAt={org.archivedAt} />
      <div className="mx-auto max-w-2xl">
        <PageHeader
          title="New proposal"
          description="You start with a private draft. Publishing opens the comment window and notifies every seat holder of the deciding bodies."
        />
        <div className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
          <NewProposalForm
            orgId={org.id}
            types={types}
            members={members.map((m) => ({ value: m.userId, label: m.name ?? m.email }))}
            vacantSeats={seatRows
              .filter((s) => !s.holderUserId)
              .map((s) => ({
                value: s.seatId,
                label: seatLabel(s),
                seatClass: s.seatClass,
                classLabel: seatClassName(s.seatClass),
                declaration: isClassSeat(s.seatClass) ? defaultDeclaration(s.seatClass) : null,
                bodyName: bodyName(s.bodyKey),
                bodyHolderIds: seatRows.filter((o) => o.bodyKey === s.bodyKey && o.holderUserId).map((o) => o.holderUserId!),
              }))}
            heldSeats={seatRows
              .filter((s) => s.holderUserId)
              .map((s) => ({ value: s.seatId, label: `${seatLabel(s)} — ${s.holderName ?? s.holderEmail}`, holderId: s.holderUserId! }))}
            currentCharter={{ ...charter.document, version: charter.version }}
            currentCharterJson={JSON.stringify({ ...charter.document, version: charter.version + 1 }, null, 2)}
            ratifiable={ratifiable.map((d) => ({ value: d.id, label: `#${d.number} ${d.title} (ratify by ${formatUtc(d.deadline)})` }))}
            ratifies={typeof ratifies === 'string' && ratifiable.some((d) => d.id === ratifies) ? ratifies : undefined}
            heldMotions={held.map((h) => ({ value: h.id, label: `Meeting #${h.meetingNumber}, roll call ${h.number}: ${h.motion}` }))}
            ratifiesMotion={typeof ratifiesMotion === 'string' && held.some((h) => h.id === ratifiesMotion) ? ratifiesMotion : undefined}
          />
        </div>
      </div>
    </div>
  );
}
