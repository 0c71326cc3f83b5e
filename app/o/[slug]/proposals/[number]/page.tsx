import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { OrgNav } from '@/components/governance/org-nav';
import { AppointmentSection } from '@/components/proposals/appointment-section';
import { DiscussionSection } from '@/components/proposals/discussion-section';
import { ProposalActions } from '@/components/proposals/proposal-actions';
import { ProposalHeader } from '@/components/proposals/proposal-header';
import { ProposalRecord } from '@/components/proposals/proposal-record';
import { ProposalText } from '@/components/proposals/proposal-text';
import { decidedUnder, disclosedRollCall } from '@/components/proposals/roll-call';
import { ConsentPanel } from '@/components/proposals/consent-panel';
import { MemberStagePanel } from '@/components/proposals/member-stage-panel';
import { StagePanel } from '@/components/proposals/stage-panel';
import { ElectionSection } from '@/components/proposals/election-section';
import { electionView } from '@/components/proposals/election-view';
import { FlashRegion } from '@/components/ui/flash';
import { findProposalForPage } from '@/db/read/proposal-page';
import { loadProposalView } from '@/db/read/proposal-view';
import { loadOrgPage } from '@/lib/auth/org-page';
import { now } from '@/lib/clock';
import { ballotOffer } from '@/lib/governance/ballot-offer';
import { electorateSecrecyWarning, resultSecrecyWarning, unmergeBallots } from '@/lib/governance/ballot-secrecy';
import { findBody } from '@/lib/governance/charter';
import { isMemberBody } from '@/lib/governance/electorate';
import { isRanked } from '@/lib/governance/choice';
import { methodNameIn } from '@/components/governance/rule-word-text';
import { standingObjections } from '@/lib/governance/consent';
import { countingMethodOf } from '@/lib/governance/election';
import { emergencyMotionRequired } from '@/lib/governance/emergency';
import { consultationGate } from '@/lib/governance/consultation-gate';
import { stageOutcomes } from '@/lib/governance/phase';
import { effectiveDiscussionClosesAt } from '@/lib/governance/windows';
import { quorumProgress } from '@/lib/governance/progress';
import { hasRole } from '@/lib/governance/roles';
import { isClassSeat } from '@/lib/governance/seat-class';
import { blockedBy, proposalStatus } from '@/lib/governance/status';
import { bodyStrengths } from '@/lib/governance/strength';
import type { ChoiceCount, ChoiceMethodSpec } from '@/lib/governance/types';
import type { RefusalCode } from '@/lib/governance/messages';
import { localizedRefusal } from '@/lib/i18n/refusals';
import { PageMessages } from '@/components/i18n/page-messages';

type Props = { params: Promise<{ slug: string; number: string }>; searchParams?: Promise<Record<string, string | string[] | undefined>> };

async function load(slug: string, numberParam: string) {
  const ctx = await loadOrgPage(slug);
  // Proposal numbers are PostgreSQL integers: anything beyond is a 404, not a database error.
  // Of a member-wide stage's ballots, only the viewer's own: the stage's counts are read in SQL (db/read/member-stage.ts).
  const loaded = await findProposalForPage(ctx.org.id, Number(numberParam), ctx.user?.id ?? null);
  if (!loaded) notFound();
  // Drafts are private to their author.
  if (loaded.row.status === 'draft' && loaded.row.authorId !== ctx.user?.id) notFound();
  return { ...ctx, loaded };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, number } = await params;
  const { loaded } = await load(slug, number);
  return { title: `#${loaded.row.number} ${loaded.row.title}` };
}

export default async function ProposalPage({ params, searchParams }: Props) {
  const { slug, number } = await params;
  // ?rollcall=N: the Nth page of a member-wide stage's roll call (100 a page).
  const rollCallParam = (await searchParams)?.rollcall;
  const rollCallPage = typeof rollCallParam === 'string' && /^\d{1,7}$/.test(rollCallParam) ? Number(rollCallParam) : 1;
  const { org, user, membership, loaded, version } = await load(slug, number);
  const at = now();
  const role = membership?.role ?? null;
  // The page's data and, for each member-wide stage, the roll, the viewer's place on it and the delegations.
  const data = await loadProposalView(org.id, loaded, { role, userId: user?.id ?? null }, at, { rollCallPage, version });
  const { charter, phase, actions, seats, votes, recusals, logRows, appointment, type, memberViews } = data;
  // A choice type's method, or a seat election's rule with the seats frozen when voting opened.
  const method = countingMethodOf(type, loaded.row.effect);
  const outcomes = stageOutcomes(loaded.record, charter, at);
  // The consultation gate: which concerns raised in the window still need the author's answer (until voting opens).
  const windowCloses = effectiveDiscussionClosesAt(loaded.record, type);
  const gate =
    type.answersRequired && loaded.record.consultation && windowCloses && !loaded.stages[0]?.opensAt
      ? consultationGate(loaded.record.consultation, windowCloses, at)
      : null;
  const ids = { orgId: org.id, proposalId: loaded.row.id };
  const t = await getTranslations('proposal');
  const tc = await getTranslations('common');
  const tw = await getTranslations('ruleWords');
  const names = new Map<string, string | null>([
    ...seats.map((s) => [s.holderUserId ?? '', s.holderName] as const),
    ...votes.map((v) => [v.voterUserId, v.voterName] as const),
  ]);

  // A class seat's appointment carries the appointee's own declaration, made on this page before voting can open.
  const classSeat =
    appointment?.seatClass && isClassSeat(appointment.seatClass) && appointment.declaration
      ? { seatClass: appointment.seatClass, declaration: appointment.declaration }
      : null;
  const appointedSeat = appointment ? seats.find((s) => s.seatId === appointment.seatId) : undefined;
  const declared = logRows.some((e) => e.kind === 'appointment.declared' && e.actorId === appointment?.appointeeUserId);
  const mayDeclare = Boolean(
    classSeat &&
    !declared &&
    user &&
    user.id === appointment?.appointeeUserId &&
    (phase.kind === 'discussion' || phase.kind === 'awaiting_reply' || phase.kind === 'awaiting_answers' || phase.kind === 'ready_for_voting'),
  );

  // Every status line comes from the rules the engine decides by; an appointment's own blocker (the worker's check) too.
  const ruleStatus = proposalStatus({ record: loaded.record, charter, strengths: bodyStrengths(charter, seats, at), now: at });
  const blocker = data.appointmentBlocker ?? data.electionBlocker;
  const status = blocker ? blockedBy(ruleStatus, blocker) : ruleStatus;
  // Why voting cannot open, in the reader's language when the rules gave its code (the stage panels say it).
  const blockedReason = status.blockedRefusal
    ? await localizedRefusal(status.blockedRefusal.code as RefusalCode, status.blockedRefusal.params, status.blocked ?? '')
    : status.blocked;
  const closedStage = (i: number) => Boolean(loaded.stages[i]?.closedRecordedAt) || Boolean(loaded.stages[i]?.closesAt && at >= loaded.stages[i]!.closesAt!);
  const motionRequired = emergencyMotionRequired(type, charter);
  const motion =
    data.emergency && motionRequired !== null && phase.kind === 'discussion' && !loaded.row.emergencyApprovedAt
      ? { backers: data.backers.length, required: motionRequired, mayBack: Boolean(user && actions.has('back_emergency') && !data.backers.includes(user.id)) }
      : null;

  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="proposals" isMember={Boolean(membership)} archivedAt={org.archivedAt} />
      <FlashRegion />
      <ProposalHeader
        slug={org.slug}
        proposal={loaded.row}
        type={type}
        emergency={data.emergency}
        status={status}
        phase={phase}
        at={at}
        authorName={data.author?.name ?? null}
        subject={data.subject}
        integrityProblem={data.integrityProblem}
        mayStartRatification={hasRole(role, 'member')}
        ratifies={data.ratifies?.row ?? null}
        ratifiesMotion={data.ratifiesMotion}
        decidedUnder={decidedUnder(logRows)}
        coverage={data.coverage}
        memberWide={type.stages.every((s) => isMemberBody(findBody(charter, s.bodyKey)))}
        votingBody={phase.kind === 'voting' ? findBody(charter, type.stages[phase.stageIndex]!.bodyKey) : null}
      />

      {/*
        Source order is the order on a phone and in the Tab sequence: the text, then the voting panels and
        actions, then the discussion and record. Wide screens place the panels in a side column.
      */}
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem] lg:grid-rows-[auto_1fr]">
        <div className="min-w-0 space-y-8 lg:col-start-1 lg:row-start-1">
          <ProposalText revisions={data.revisions} charterChanges={data.charterChanges} charterVersion={charter.version} />
          {appointment ? (
            <AppointmentSection
              ids={ids}
              appointeeLabel={data.appointee?.name ?? tc('aMember')}
              seatLabel={appointedSeat ? t('seatLabel', { body: findBody(charter, appointedSeat.bodyKey).name, position: appointedSeat.position }) : null}
              classSeat={classSeat}
              declared={declared}
              mayDeclare={mayDeclare}
            />
          ) : null}
          {data.newWeight !== null ? (
            <p className="rounded-2xl border border-zinc-200 bg-white p-4 text-sm shadow-sm">
              {t.rich('weight', {
                b: (chunks) => <strong className="tabular-nums">{chunks}</strong>,
                name: data.subject?.name ?? t('theMember'),
                weight: data.newWeight,
              })}
            </p>
          ) : null}
          {type.effect === 'seat_election' ? (
            <ElectionSection {...electionView({ data, loaded, charter, phase, ids, userId: user?.id ?? null, role, at })} />
          ) : null}
        </div>

        <aside aria-label={t('aside')} className="min-w-0 space-y-6 lg:col-start-2 lg:row-span-2 lg:row-start-1">
          <ChoiceBallotMessages on={Boolean(method)}>
            {type.stages.map((stage, i) => {
              const body = findBody(charter, stage.bodyKey);
              const record = loaded.record.stages[i];
              const stageVotes = votes.filter((v) => v.stageIndex === i);
              const holders = seats.filter((s) => s.bodyKey === body.key && s.holderUserId);
              const recusedSeats = new Set(recusals.map((r) => r.seatId));
              // Once the stage closed, only those who held their seat before it closed can have failed to vote (not, say, the people it elected).
              const stageClose = loaded.stages[i]?.closesAt ?? null;
              const inOffice = (h: (typeof holders)[number]) => !stageClose || !h.termStartedAt || h.termStartedAt < stageClose;
              const notVoted = holders.filter((h) => inOffice(h) && !stageVotes.some((v) => v.seatId === h.seatId) && !recusedSeats.has(h.seatId));
              const mySeat = user ? holders.find((h) => h.holderUserId === user.id) : undefined;
              const closed = closedStage(i);
              const outcome = outcomes[i];
              const offerFor = (holdsSeat: boolean, isRecused: boolean) =>
                ballotOffer({ role, holdsSeat, isRecused, phase, stageIndex: i, stageClosed: closed, now: at });
              const offer = offerFor(Boolean(mySeat), Boolean(mySeat && recusedSeats.has(mySeat.seatId)));
              // Only the viewer's own ballot and receipt, never anyone else's.
              const myChoiceBallot = user ? record?.choiceBallots?.find((b) => b.voterUserId === user.id) : undefined;
              const choiceFor = (voters: number, election: Parameters<typeof choicePanel>[3]['election']) =>
                method
                  ? {
                      choice: choicePanel(method, methodNameIn(tw, method.key), loaded.row.options, {
                        mine: myChoiceBallot?.preferences || null,
                        myReceipt: myChoiceBallot?.receipt || null,
                        closed,
                        voters,
                        count: loaded.stages[i]?.tally?.choice?.count ?? null,
                        base: `/o/${org.slug}/proposals/${loaded.row.number}`,
                        election,
                      }),
                    }
                  : {};
              const memberView = memberViews[i];
              if (memberView) {
                return (
                  <MemberStagePanel
                    key={i}
                    index={i}
                    stageCount={type.stages.length}
                    stage={stage}
                    body={body}
                    view={memberView}
                    opened={Boolean(loaded.stages[i]?.opensAt)}
                    closed={closed}
                    tally={outcome?.tally ?? null}
                    proposalHref={`/o/${org.slug}/proposals/${loaded.row.number}`}
                    logHref={`/o/${org.slug}/log?proposal=${loaded.row.number}`}
                    // Before the roll exists, any member may be on it; after, only those on it vote.
                    offer={offerFor(memberView.roll ? Boolean(memberView.me?.onRoll) : hasRole(role, 'member'), false)}
                    myChoice={(user && stageVotes.find((v) => v.seatId === null && v.voterUserId === user.id)?.choice) ?? null}
                    blocked={blockedReason}
                    ids={ids}
                    delegationsHref={`/o/${org.slug}/delegations`}
                    {...choiceFor(memberView.roll?.size ?? 0, undefined)}
                  />
                );
              }
              if (type.consent) {
                const raised = data.objections.filter((o) => o.stageIndex === i);
                return (
                  <ConsentPanel
                    key={i}
                    stage={stage}
                    body={body}
                    lateRevision={type}
                    opened={Boolean(loaded.stages[i]?.opensAt)}
                    closed={closed}
                    objections={raised}
                    stood={
                      outcome?.opensAt && outcome.closesAt ? standingObjections(raised, outcome.opensAt, outcome.closesAt, record?.recusedSeatIds ?? []) : []
                    }
                    tally={outcome?.tally ?? null}
                    recused={recusals}
                    offer={offer}
                    mine={(mySeat && raised.find((o) => o.seatId === mySeat.seatId && o.withdrawnAt === null)?.reason) ?? null}
                    blocked={blockedReason}
                    ids={ids}
                  />
                );
              }
              return (
                <StagePanel
                  key={i}
                  index={i}
                  stageCount={type.stages.length}
                  stage={stage}
                  body={body}
                  progress={quorumProgress({
                    stage,
                    body,
                    charterSeats: record?.charterSeats ?? body.charterSeats,
                    recusedSeatIds: record?.recusedSeatIds ?? [],
                    ballots: record?.ballots ?? [],
                    ...(method ? { choice: { method, ballots: record?.choiceBallots ?? [] } } : {}),
                  })}
                  opened={Boolean(loaded.stages[i]?.opensAt)}
                  closed={closed}
                  notVoted={notVoted}
                  recused={recusals}
                  tally={outcome?.tally ?? null}
                  rollCall={disclosedRollCall(logRows, names, i) ?? stageVotes}
                  offer={offer}
                  myChoice={(mySeat && stageVotes.find((v) => v.seatId === mySeat.seatId)?.choice) ?? null}
                  mySeatId={mySeat?.seatId ?? null}
                  blocked={blockedReason}
                  ids={ids}
                  {...choiceFor(
                    holders.filter((h) => !recusedSeats.has(h.seatId)).length,
                    type.effect === 'seat_election'
                      ? {
                          frozen: Array.isArray((loaded.row.effect as { candidates?: unknown }).candidates),
                          unopposed: (loaded.row.effect as { unopposed?: unknown }).unopposed === true,
                        }
                      : undefined,
                  )}
                />
              );
            })}
          </ChoiceBallotMessages>
          <ProposalActions
            ids={ids}
            actions={actions}
            phase={phase}
            type={type}
            status={loaded.row.status}
            blocked={blockedReason}
            emergency={data.emergency}
            motion={motion}
            bodyNames={type.stages.map((s) => findBody(charter, s.bodyKey).name)}
            current={data.revisions.at(-1)}
            founding={data.founding}
          />
        </aside>

        <div className="min-w-0 space-y-8 lg:col-start-1 lg:row-start-2">
          <DiscussionSection
            slug={org.slug}
            number={loaded.row.number}
            ids={ids}
            comments={data.comments}
            actions={actions}
            viewerId={user?.id ?? null}
            gate={gate ? { concerns: gate.concerns.length, unansweredIds: gate.unanswered.map((c) => c.id) } : null}
          />
          <ProposalRecord slug={org.slug} number={loaded.row.number} isDraft={loaded.row.status === 'draft'} logRows={logRows} gap={data.recordGap} />
        </div>
      </div>
    </div>
  );
}

/** The stage panel's view of a choice among options. */
/** A choice or election's ballot form reads its words in the browser: only such a proposal's page carries them (namespace `choiceBallot`). */
function ChoiceBallotMessages({ on, children }: { on: boolean; children: ReactNode }) {
  return on ? <PageMessages namespaces={['choiceBallot']}>{children}</PageMessages> : children;
}

function choicePanel(
  method: ChoiceMethodSpec,
  /** The method's name in the reader's language (`ruleWords.methods`). */
  methodName: string,
  options: readonly string[],
  {
    mine,
    myReceipt,
    closed,
    voters,
    count,
    base,
    election,
  }: {
    mine: readonly number[] | null;
    myReceipt: string | null;
    closed: boolean;
    /** The seat holders who may vote (not recused): a small electorate is warned of before the close. */
    voters: number;
    count: ChoiceCount | null;
    base: string;
    election: { frozen: boolean; unopposed: boolean } | undefined;
  },
) {
  const kind = isRanked(method.key) ? ('ranked' as const) : method.key === 'approval' ? ('approval' as const) : ('single' as const);
  return {
    ballot: { kind, options, winners: method.winners, ...(method.maxApprovals !== undefined ? { maxApprovals: method.maxApprovals } : {}) },
    methodName,
    mine: mine ? [...mine] : null,
    count,
    downloads: count ? { blt: `${base}/ballots.blt`, csv: `${base}/ballots.csv` } : null,
    myReceipt,
    receiptUrl: `${base}/receipt`,
    // Before the close, about the electorate; with the result, about the ballots counted (lib/governance/ballot-secrecy.ts).
    secrecyWarning: (closed ? (count ? resultSecrecyWarning(unmergeBallots(count.ballots)) : null) : electorateSecrecyWarning(voters))?.text ?? null,
    ...(election ? { election } : {}),
  };
}
