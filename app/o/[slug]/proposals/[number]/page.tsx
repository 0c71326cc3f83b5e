import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getCharterVersion, listSeats } from '@/db/queries/charters';
import { listPublicLogPage } from '@/db/queries/log-public';
import { findProposalIdByNumber, listComments, listRevisions, loadProposal } from '@/db/queries/proposals';
import { listCurrentVotes, listRecusals } from '@/db/queries/votes';
import { listMandatoryNotices } from '@/db/queries/notify';
import { getUserName } from '@/db/queries/users';
import {
  backEmergencyMotionAction as backEmergencyAction,
  castBallotAction,
  postCommentAction as commentAction,
  declareEligibilityAction,
  openVotingAction,
  publishProposalAction,
  declareRecusalAction as recuseAction,
  reviseProposalAction,
  withdrawProposalAction,
} from '../actions';
import { Countdown } from '@/components/governance/countdown';
import { MarkdownText } from '@/components/governance/markdown';
import { OrgNav } from '@/components/governance/org-nav';
import { StatusBadge } from '@/components/governance/phase-badge';
import { CommentThread, StanceFields } from '@/components/proposals/comment-thread';
import { RevisionDiff } from '@/components/proposals/revision-diff';
import { LogIntegrityWarning } from '@/components/transparency/log-integrity-warning';
import { ActionForm } from '@/components/ui/action-form';
import { FlashRegion } from '@/components/ui/flash';
import { loadOrgPage } from '@/lib/auth/org-page';
import { now } from '@/lib/clock';
import { findBody, findType, ratioText } from '@/lib/governance/charter';
import { stageOutcomes } from '@/lib/governance/phase';
import { isClassSeat, seatClassLabel } from '@/lib/governance/seat-class';
import { bodyStrength } from '@/lib/governance/strength';
import { formatHours, formatUtc } from '@/lib/governance/time';
import { mayAct } from '@/lib/governance/permissions';
import { hasRole } from '@/lib/governance/roles';
import { blockedBy, proposalStatus } from '@/lib/governance/status';
import { appointmentRefusal } from '@/lib/use-cases/appointments';
import { emergencyBackers } from '@/db/queries/emergency';
import { proposalContext } from '@/db/queries/proposal-context';
import { integrityWarning, logIntegrity } from '@/lib/transparency/log-status';
import { coverageText, noticeCoverage } from '@/lib/use-cases/notice';

type Props = { params: Promise<{ slug: string; number: string }> };

async function load(slug: string, numberParam: string) {
  const ctx = await loadOrgPage(slug);
  const number = Number(numberParam);
  // Proposal numbers are PostgreSQL integers: anything beyond is a 404, not a database error.
  if (!Number.isSafeInteger(number) || number < 1 || number > 2_147_483_647) notFound();
  const db = getDb();
  const id = await findProposalIdByNumber(db, ctx.org.id, number);
  if (!id) notFound();
  const loaded = await loadProposal(db, ctx.org.id, id);
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

const inputClass = 'block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm';

export default async function ProposalPage({ params }: Props) {
  const { slug, number } = await params;
  const { org, user, membership, loaded } = await load(slug, number);
  const db = getDb();
  const at = now();
  const charter = (await getCharterVersion(db, org.id, loaded.row.charterVersion))!;
  const type = findType(charter, loaded.row.typeKey);
  const [revisions, commentList, votes, recusalList, seatRows, logPage, author, subject, integrity, noticeRows] = await Promise.all([
    listRevisions(db, loaded.row.id),
    listComments(db, loaded.row.id),
    listCurrentVotes(db, loaded.row.id),
    listRecusals(db, loaded.row.id),
    listSeats(db, org.id),
    // The record is read from the hashed bytes of each entry, each checked against its hash.
    listPublicLogPage(db, org.id, { subject: `proposal:${loaded.row.id}` }, {}, 100),
    getUserName(db, loaded.row.authorId),
    loaded.row.subjectUserId ? getUserName(db, loaded.row.subjectUserId) : Promise.resolve(null),
    logIntegrity(db, org.id),
    listMandatoryNotices(db, org.id, loaded.row.id),
  ]);
  const coverage = noticeCoverage(noticeRows);
  const logRows = logPage.rows;
  const warning = integrityWarning(integrity, logRows);
  // After a close, the roll call shown is the one its log entry disclosed (read from the hashed
  // bytes); until the worker has recorded the close, the ballots as stored.
  const names = new Map<string, string | null>([
    ...seatRows.map((s) => [s.holderUserId ?? '', s.holderName] as const),
    ...votes.map((v) => [v.voterUserId, v.voterName] as const),
  ]);
  const disclosedRollCall = (stageIndex: number): { seatId: string; voterName: string | null; choice: string; rationale: string | null }[] | null => {
    const closedEntry = logRows.find((e) => e.kind === 'voting.closed' && e.payload.stageIndex === stageIndex && !e.problem);
    const rollCall = closedEntry?.payload.rollCall;
    if (!Array.isArray(rollCall)) return null;
    return rollCall.flatMap((r: unknown) => {
      const item = r as { seatId?: unknown; voterUserId?: unknown; choice?: unknown; rationale?: unknown };
      if (typeof item.seatId !== 'string' || typeof item.choice !== 'string') return [];
      const voter = typeof item.voterUserId === 'string' ? item.voterUserId : '';
      return [
        {
          seatId: item.seatId,
          voterName: names.get(voter) ?? null,
          choice: item.choice,
          rationale: typeof item.rationale === 'string' && item.rationale !== '' ? item.rationale : null,
        },
      ];
    });
  };
  const { phase, actions } = await proposalContext(db, org.id, loaded, charter, { role: membership?.role ?? null, userId: user?.id ?? null }, at);
  const outcomes = stageOutcomes(loaded.record, charter, at);
  // The charter the decision names in the log (entries from before decisions named it carry none).
  const decidedPayload = logRows.find((e) => e.kind === 'proposal.decided')?.payload;
  const decidedUnder =
    typeof decidedPayload?.charterVersion === 'number' && typeof decidedPayload.charterDocumentHash === 'string'
      ? { version: decidedPayload.charterVersion, hash: decidedPayload.charterDocumentHash }
      : null;
  const current = revisions.at(-1);
  const ids = { orgId: org.id, proposalId: loaded.row.id };
  const strengths = Object.fromEntries(charter.bodies.map((b) => [b.key, bodyStrength(b, seatRows, at)]));
  // Every status line below comes from the rules the engine decides by.
  const role = membership?.role ?? null;
  // Whether this person's role lets a seat vote at all (an observer's seat does not): asked of the same permission function as the engine.
  const seatMayVote = (stageIndex: number) =>
    mayAct(
      { role, isAuthor: false, isSubject: false, holdsSeatInStageBody: true, isRecused: false, phase: { kind: 'voting', stageIndex, closesAt: at } },
      'vote',
    ).ok;
  const ratifiesId = (loaded.row.effect as { ratifies?: unknown }).ratifies;
  const ratifies = typeof ratifiesId === 'string' && /^[0-9a-f-]{36}$/i.test(ratifiesId) ? await loadProposal(db, org.id, ratifiesId) : null;
  const emergency = Boolean((loaded.row.effect as { emergency?: boolean }).emergency);
  const backers = emergency ? await emergencyBackers(db, org.id, loaded.row.id) : [];
  // A seat appointment: which seat, who, and (for a class seat) the appointee's own declaration.
  const appointment =
    type.effect === 'seat_appointment'
      ? (loaded.row.effect as { seatId?: string; appointeeUserId?: string; seatClass?: string; declaration?: string | null })
      : null;
  const appointedSeat = appointment ? seatRows.find((s) => s.seatId === appointment.seatId) : undefined;
  const appointee = appointment?.appointeeUserId ? await getUserName(db, appointment.appointeeUserId) : null;
  const classSeat =
    appointment?.seatClass && isClassSeat(appointment.seatClass) && appointment.declaration
      ? { seatClass: appointment.seatClass, declaration: appointment.declaration }
      : null;
  const declared = logRows.some((e) => e.kind === 'appointment.declared' && e.actorId === appointment?.appointeeUserId);
  const mayDeclare = Boolean(
    classSeat &&
    !declared &&
    user &&
    user.id === appointment?.appointeeUserId &&
    (phase.kind === 'discussion' || phase.kind === 'awaiting_reply' || phase.kind === 'ready_for_voting'),
  );
  // Why a ready seat appointment cannot open for voting (the worker's own check), if it cannot.
  const appointmentBlocker =
    appointment && phase.kind === 'ready_for_voting'
      ? await appointmentRefusal(db, org.id, charter, loaded.row.typeKey, appointment, { requireDeclaration: true, proposalId: loaded.row.id })
      : null;
  // The status line names an appointment's own blocker too (the same check the worker asks before opening), so it never promises a vote that will not open.
  const ruleStatus = proposalStatus({ record: loaded.record, charter, strengths, now: at });
  const status = appointmentBlocker ? blockedBy(ruleStatus, appointmentBlocker.reason) : ruleStatus;
  const closedStage = (i: number) => Boolean(loaded.stages[i]?.closedRecordedAt) || Boolean(loaded.stages[i]?.closesAt && at >= loaded.stages[i]!.closesAt!);

  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="proposals" isMember={Boolean(membership)} />
      <FlashRegion />
      <header className="mb-6">
        <p className="text-sm text-zinc-500">
          Proposal #{loaded.row.number} · {type.name}
          {type.critical ? ' · critical' : ''}
          {emergency ? ' · emergency procedure' : ''}
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight text-zinc-900 sm:text-3xl">{loaded.row.title}</h1>
        <div className="mt-3 flex flex-wrap items-center gap-3 text-sm text-zinc-600">
          <StatusBadge status={status} />
          <span>by {author?.name ?? 'a member'}</span>
          {subject ? <span>concerning {subject.name ?? 'a member'}</span> : null}
          {loaded.row.publishedAt ? <span>published {formatUtc(loaded.row.publishedAt)}</span> : null}
        </div>
      </header>

      <LogIntegrityWarning warning={warning} />

      <section aria-label="Status" className="mb-6 rounded-xl border border-zinc-200 bg-white p-4 text-sm shadow-sm" aria-live="polite">
        {phase.kind === 'draft' ? <p>This is a private draft. Only you can see it until you publish it.</p> : null}
        {phase.kind !== 'draft' ? (
          <p
            className={
              status.tone === 'blocked'
                ? 'text-amber-900'
                : status.tone === 'passed'
                  ? 'font-semibold text-emerald-800'
                  : status.tone === 'failed'
                    ? 'font-semibold text-red-800'
                    : undefined
            }
          >
            {status.explanation}
            {phase.kind === 'discussion' || phase.kind === 'voting' ? (
              <>
                {' '}
                (<Countdown to={phase.closesAt.toISOString()} serverNow={at.toISOString()} />)
              </>
            ) : null}
          </p>
        ) : null}
        {status.ratifyBy ? (
          <p className="mt-2">
            A normal proposal ratifying it, with its full comment window and vote, must pass by {formatUtc(status.ratifyBy)}.{' '}
            {hasRole(role, 'member') ? (
              <Link href={`/o/${org.slug}/proposals/new?ratifies=${loaded.row.id}`} className="font-medium text-brand-700 underline">
                Start the ratification
              </Link>
            ) : null}
          </p>
        ) : null}
        {ratifies ? (
          <p className="mt-1">
            This proposal ratifies the emergency decision{' '}
            <Link href={`/o/${org.slug}/proposals/${ratifies.row.number}`} className="font-medium text-brand-700 underline">
              #{ratifies.row.number} {ratifies.row.title}
            </Link>
            : if it passes in time, that decision stands; otherwise the decision lapses.
          </p>
        ) : null}
        {decidedUnder ? (
          <p className="mt-1 text-zinc-600">
            Decided under{' '}
            <Link
              href={`/o/${org.slug}/log?kind=${decidedUnder.version === 1 ? 'charter.adopted' : 'charter.amended'}`}
              className="font-medium text-brand-700 hover:underline"
            >
              charter version {decidedUnder.version}
            </Link>{' '}
            (sha256{' '}
            <code className="text-xs" title={decidedUnder.hash}>
              {decidedUnder.hash.slice(0, 12)}…
            </code>
            ), as the decision log records it.
          </p>
        ) : null}
        {loaded.row.noticeSeatHolders !== null ? (
          <p className="mt-1 text-zinc-600">
            Notice to the deciding {type.stages.length === 1 ? 'body' : 'bodies'}: {coverageText(coverage.publication, loaded.row.noticeSeatHolders)} (
            {loaded.row.noticeRecipients} recipients in all; reached means accepted by the mail server).
            {coverage.reply
              ? ` Right-of-reply notice to the subject: ${coverage.reply.delivered > 0 ? 'reached' : coverage.reply.failed > 0 ? 'failed' : 'pending'}.`
              : null}
          </p>
        ) : null}
      </section>

      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-8">
          <section aria-labelledby="text" className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
            <h2 id="text" className="mb-3 text-lg font-semibold">
              Text {current ? <span className="text-sm font-normal text-zinc-500">(revision {current.revision})</span> : null}
            </h2>
            {current ? <MarkdownText>{current.body}</MarkdownText> : null}
            {revisions.length > 1 ? (
              <details className="mt-6">
                <summary className="cursor-pointer text-sm font-medium text-brand-700">Revision history ({revisions.length} revisions)</summary>
                <ol className="mt-3 space-y-4">
                  {revisions.slice(1).map((r, i) => (
                    <li key={r.revision}>
                      <p className="mb-1 text-xs text-zinc-500">
                        Revision {r.revision} · {formatUtc(r.createdAt)} · {r.substantive ? 'substantive' : 'editorial'}
                        {r.substantive && r.substantiveReasons.length > 0 ? ` (${r.substantiveReasons.join(' ')})` : ''}
                        {r.authorMarkedEditorial && r.substantive ? ' · marked editorial by the author, but the change itself is substantive' : ''}
                        {r.changeNote ? ` · “${r.changeNote}”` : ''}
                      </p>
                      <RevisionDiff before={revisions[i]!.body} after={r.body} />
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
          </section>

          {appointment ? (
            <section aria-labelledby="appointment" className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
              <h2 id="appointment" className="mb-3 text-lg font-semibold">
                Appointment
              </h2>
              <p className="text-sm">
                {appointee?.name ?? appointee?.email ?? 'A member'} to{' '}
                {appointedSeat
                  ? `${findBody(charter, appointedSeat.bodyKey).name} seat ${appointedSeat.position}`
                  : 'a seat that is no longer vacant or no longer exists'}
                {classSeat ? `, reserved for: ${seatClassLabel(classSeat.seatClass)}` : ' (a general seat)'}.
              </p>
              {classSeat ? (
                <div className="mt-3 text-sm">
                  <p className="font-medium">The appointee&rsquo;s declaration</p>
                  <blockquote className="mt-1 border-l-4 border-zinc-300 pl-3 text-zinc-700">{classSeat.declaration}</blockquote>
                  <p className="mt-2">
                    {declared
                      ? 'Made by the appointee in their own name; it is in the public record below.'
                      : 'Not yet made. Voting cannot open until the appointee makes it on this page.'}
                  </p>
                  {mayDeclare ? (
                    <div className="mt-3">
                      <ActionForm action={declareEligibilityAction} hidden={ids} submitLabel="I make this declaration" label="Your declaration" />
                    </div>
                  ) : null}
                </div>
              ) : null}
            </section>
          ) : null}

          <section aria-labelledby="discussion">
            <h2 id="discussion" className="mb-3 text-lg font-semibold">
              Discussion ({commentList.length})
            </h2>
            <CommentThread
              comments={commentList}
              orgId={org.id}
              proposalId={loaded.row.id}
              canComment={actions.has('comment')}
              viewerId={user?.id ?? null}
              canEditOwn={actions.has('comment') || actions.has('reply')}
            />
            {actions.has('reply') ? (
              <div className="mt-4 rounded-xl border border-amber-300 bg-amber-50 p-4">
                <h3 className="font-semibold text-amber-950">Your right of reply</h3>
                <p className="mb-2 text-sm text-amber-900">
                  This proposal concerns you. Your reply is published beside it, and no vote opens before you reply or the reply window ends.
                </p>
                <ActionForm action={commentAction} hidden={{ ...ids, asReply: 'true' }} submitLabel="Post my reply" label="Right of reply">
                  <label htmlFor="reply-body" className="sr-only">
                    Your reply
                  </label>
                  <textarea id="reply-body" name="body" rows={5} maxLength={10000} required className={inputClass} />
                </ActionForm>
              </div>
            ) : null}
            {actions.has('comment') ? (
              <div className="mt-4 rounded-xl border border-zinc-200 bg-white p-4">
                <ActionForm action={commentAction} hidden={ids} submitLabel="Post comment" label="New comment">
                  <label htmlFor="comment-body" className="block text-sm font-medium">
                    Add a comment
                  </label>
                  <textarea id="comment-body" name="body" rows={4} maxLength={10000} required className={inputClass} aria-describedby="comment-hint" />
                  <p id="comment-hint" className="text-xs text-zinc-600">
                    Markdown supported. Comments are public on this organization&rsquo;s transparency pages.
                  </p>
                  <StanceFields idPrefix="new-comment" />
                </ActionForm>
              </div>
            ) : !user ? (
              <p className="mt-4 text-sm text-zinc-600">
                <Link href={`/signin?callbackUrl=/o/${org.slug}/proposals/${loaded.row.number}`} className="font-medium text-brand-700 underline">
                  Sign in
                </Link>{' '}
                to take part if you are a member.
              </p>
            ) : null}
          </section>

          <section aria-labelledby="record" className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
            <h2 id="record" className="mb-3 text-lg font-semibold">
              Record
            </h2>
            {logRows.length === 0 ? (
              <p className="text-sm text-zinc-600">Nothing logged yet: drafts are not part of the public record.</p>
            ) : (
              <ol className="space-y-1 text-sm">
                {[...logRows].reverse().map((e) => (
                  <li key={e.seq} className="flex flex-wrap gap-2">
                    <span className="font-mono text-xs text-zinc-500">#{e.seq}</span>
                    <span className="font-medium">{e.kind}</span>
                    <time className="text-zinc-500" dateTime={e.at.toISOString()}>
                      {formatUtc(e.at)}
                    </time>
                    {e.problem ? <span className="font-semibold text-red-800">does not verify: {e.problem}</span> : null}
                  </li>
                ))}
              </ol>
            )}
            {loaded.row.status !== 'draft' ? (
              <Link href={`/o/${org.slug}/log?proposal=${loaded.row.number}`} className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline">
                This proposal in the decision log
              </Link>
            ) : null}
          </section>
        </div>

        <aside className="space-y-6">
          {type.stages.map((stageSpec, i) => {
            const body = findBody(charter, stageSpec.bodyKey);
            const stageRow = loaded.stages[i];
            const outcome = outcomes[i];
            const stageVotes = votes.filter((v) => v.stageIndex === i);
            const holders = seatRows.filter((s) => s.bodyKey === body.key && s.holderUserId);
            const recusedSeats = new Set(recusalList.map((r) => r.seatId));
            const notVoted = holders.filter((h) => !stageVotes.some((v) => v.seatId === h.seatId) && !recusedSeats.has(h.seatId));
            const quorumRequired = Math.ceil((stageSpec.quorum.num / stageSpec.quorum.den) * body.charterSeats);
            const isOpen = phase.kind === 'voting' && phase.stageIndex === i;
            const mySeat = user ? holders.find((h) => h.holderUserId === user.id) : undefined;
            const holdsSeat = Boolean(mySeat);
            const isRecusedHere = Boolean(mySeat && recusedSeats.has(mySeat.seatId));
            const myVote = mySeat ? stageVotes.find((v) => v.seatId === mySeat.seatId) : undefined;
            const closed = closedStage(i);
            return (
              <section key={i} aria-labelledby={`stage-${i}`} className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">
                <h2 id={`stage-${i}`} className="font-semibold">
                  {type.stages.length > 1 ? `Stage ${i + 1}: ` : ''}
                  {body.name} vote
                </h2>
                <p className="mt-1 text-xs text-zinc-600">
                  Quorum {quorumRequired} of {body.charterSeats} charter seats ({ratioText(stageSpec.quorum)}); passes with {ratioText(stageSpec.threshold)} of{' '}
                  {stageSpec.thresholdBase === 'charter_seats' ? 'charter seats' : 'votes cast'}. Window {formatHours(stageSpec.votingWindowHours)}.
                </p>
                {stageRow?.opensAt ? (
                  <>
                    <div className="mt-3">
                      <div className="flex justify-between text-xs text-zinc-600">
                        <span>
                          {stageVotes.length} {stageVotes.length === 1 ? 'ballot' : 'ballots'} · quorum {quorumRequired}
                        </span>
                        <span>{body.charterSeats} seats</span>
                      </div>
                      <div
                        className="mt-1 h-2 overflow-hidden rounded-full bg-zinc-100"
                        role="progressbar"
                        aria-label="Quorum progress"
                        aria-valuemin={0}
                        aria-valuemax={quorumRequired}
                        aria-valuenow={Math.min(stageVotes.length, quorumRequired)}
                      >
                        <div
                          className={`h-full ${stageVotes.length >= quorumRequired ? 'bg-emerald-500' : 'bg-brand-600'}`}
                          style={{ width: `${Math.min(100, Math.round((stageVotes.length / Math.max(quorumRequired, 1)) * 100))}%` }}
                        />
                      </div>
                    </div>
                    {!closed ? (
                      <p className="mt-3 text-xs text-zinc-600">
                        Not yet voted: {notVoted.length === 0 ? 'everyone has voted' : notVoted.map((h) => h.holderName ?? 'a member').join(', ')}
                        {recusalList.length > 0 ? `. Recused: ${recusalList.map((r) => r.userName ?? 'a member').join(', ')}` : ''}. Choices are revealed when
                        voting closes.
                      </p>
                    ) : null}
                  </>
                ) : (
                  <p className="mt-3 text-sm text-zinc-600">Voting has not opened.</p>
                )}
                {outcome?.tally && closed ? (
                  <div className="mt-3 text-sm">
                    <p className="font-semibold">
                      {outcome.tally.outcome === 'passed' ? 'Passed' : outcome.tally.outcome === 'rejected' ? 'Rejected' : 'Failed quorum'}: {outcome.tally.yes}{' '}
                      yes · {outcome.tally.no} no · {outcome.tally.abstain} abstain
                    </p>
                    <p className="text-xs text-zinc-600">
                      {outcome.tally.cast} ballots of {outcome.tally.quorumRequired} needed for quorum; {outcome.tally.yesRequired} yes needed.
                    </p>
                    <h3 className="mt-3 text-xs font-semibold uppercase tracking-wide text-zinc-500">Roll call</h3>
                    <ul className="mt-1 space-y-1">
                      {(disclosedRollCall(i) ?? stageVotes).map((v) => (
                        <li key={v.seatId}>
                          <div className="flex justify-between gap-2">
                            <span>{v.voterName ?? 'A member'}</span>
                            <span className="font-medium">{v.choice}</span>
                          </div>
                          {v.rationale ? <p className="mt-0.5 text-xs text-zinc-600">“{v.rationale}”</p> : null}
                        </li>
                      ))}
                      {notVoted.map((h) => (
                        <li key={h.seatId} className="flex justify-between gap-2 text-zinc-500">
                          <span>{h.holderName ?? 'A member'}</span>
                          <span>did not vote</span>
                        </li>
                      ))}
                      {recusalList.map((r) => (
                        <li key={r.seatId} className="flex justify-between gap-2 text-zinc-500">
                          <span>{r.userName ?? 'A member'}</span>
                          <span>recused</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {holdsSeat && seatMayVote(i) && !closed && !isRecusedHere && phase.kind !== 'draft' && phase.kind !== 'withdrawn' ? (
                  <ActionForm
                    action={castBallotAction}
                    hidden={ids}
                    submitLabel="Cast vote"
                    label={`Your vote, ${body.name}`}
                    className="mt-4 border-t border-zinc-100 pt-4"
                  >
                    {!isOpen ? (
                      <p className="text-xs text-zinc-600">
                        {status.blocked
                          ? `Voting cannot open: ${status.blocked}`
                          : 'Voting is not open yet; the server refuses early ballots and says when it opens.'}
                      </p>
                    ) : null}
                    <fieldset>
                      <legend className="text-sm font-medium">Your vote</legend>
                      <div className="mt-1 flex gap-4 text-sm">
                        {(['yes', 'no', 'abstain'] as const).map((c) => (
                          <label key={c} className="flex items-center gap-1">
                            <input type="radio" name="choice" value={c} defaultChecked={myVote?.choice === c} /> {c[0]!.toUpperCase() + c.slice(1)}
                          </label>
                        ))}
                      </div>
                    </fieldset>
                    {myVote ? <p className="text-xs text-zinc-600">You voted {myVote.choice}; you can change it until voting closes.</p> : null}
                    <label htmlFor={`rationale-${i}`} className="block text-sm font-medium">
                      Rationale (optional, public after close)
                    </label>
                    <textarea id={`rationale-${i}`} name="rationale" rows={2} maxLength={2000} className={inputClass} />
                  </ActionForm>
                ) : null}
              </section>
            );
          })}

          {actions.has('recuse') ? (
            <section aria-labelledby="recuse" className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">
              <h2 id="recuse" className="font-semibold">
                Declare a conflict
              </h2>
              <ActionForm action={recuseAction} hidden={ids} submitLabel="Recuse myself" variant="secondary" label="Recusal">
                <label htmlFor="recusal-reason" className="block text-sm">
                  The conflict, in a sentence (public)
                </label>
                <textarea id="recusal-reason" name="reason" rows={2} maxLength={1000} required className={inputClass} />
              </ActionForm>
            </section>
          ) : null}

          {emergency && type.emergency && phase.kind === 'discussion' && !loaded.row.emergencyApprovedAt ? (
            <section aria-labelledby="emergency" className="rounded-2xl border border-red-200 bg-red-50 p-5">
              <h2 id="emergency" className="font-semibold text-red-900">
                Emergency motion
              </h2>
              <p className="mt-1 text-sm text-red-900">
                {backers.length} of{' '}
                {Math.ceil((type.emergency.motionThreshold.num / type.emergency.motionThreshold.den) * findBody(charter, type.stages[0]!.bodyKey).charterSeats)}{' '}
                seat holders needed have backed shortening the window to {formatHours(type.emergency.minCommentWindowHours)}. The decision lapses unless
                ratified within {type.emergency.ratifyWithinDays} days.
              </p>
              {user && actions.has('back_emergency') && !backers.includes(user.id) ? (
                <ActionForm
                  action={backEmergencyAction}
                  hidden={ids}
                  submitLabel="Back the emergency motion"
                  variant="secondary"
                  label="Back the emergency motion"
                  className="mt-3"
                />
              ) : null}
            </section>
          ) : null}

          {actions.has('open_voting') && phase.kind === 'ready_for_voting' && !status.blocked ? (
            <section className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">
              <ActionForm action={openVotingAction} hidden={ids} submitLabel="Open voting now" variant="secondary" label="Open voting">
                <p className="text-sm text-zinc-600">The window has passed. Voting opens automatically; you can open it now.</p>
              </ActionForm>
            </section>
          ) : null}

          {actions.has('publish') ? (
            <section aria-labelledby="publish" className="rounded-2xl border border-brand-100 bg-brand-50 p-5">
              <h2 id="publish" className="font-semibold">
                Publish
              </h2>
              <p className="mb-3 text-sm text-zinc-700">
                Publishing starts the {formatHours(type.minCommentWindowHours)} comment window and notifies every seat holder of{' '}
                {type.stages.map((s) => findBody(charter, s.bodyKey).name).join(' and ')}. It cannot be unpublished, only withdrawn.
              </p>
              <ActionForm action={publishProposalAction} hidden={ids} submitLabel="Publish proposal" label="Publish proposal">
                {emergency && type.emergency ? (
                  <p className="text-sm text-zinc-700">
                    Emergency procedure requested: the window shortens to {formatHours(type.emergency.minCommentWindowHours)} only once{' '}
                    {ratioText(type.emergency.motionThreshold)} of the {findBody(charter, type.stages[0]!.bodyKey).name}&rsquo;s charter seats back the motion,
                    each in person.
                  </p>
                ) : null}
              </ActionForm>
            </section>
          ) : null}

          {actions.has('edit') && current ? (
            <section aria-labelledby="revise" className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">
              <details>
                <summary id="revise" className="cursor-pointer font-semibold">
                  {loaded.row.status === 'draft' ? 'Edit draft' : 'Revise'}
                </summary>
                <ActionForm action={reviseProposalAction} hidden={ids} submitLabel="Save revision" variant="secondary" label="Revise proposal" className="mt-3">
                  <label htmlFor="rev-title" className="block text-sm font-medium">
                    Title
                  </label>
                  <input id="rev-title" name="title" defaultValue={current.title} maxLength={160} className={inputClass} />
                  <label htmlFor="rev-body" className="block text-sm font-medium">
                    Text
                  </label>
                  <textarea id="rev-body" name="body" defaultValue={current.body} rows={8} maxLength={50000} className={inputClass} />
                  <label htmlFor="rev-note" className="block text-sm font-medium">
                    What changed
                  </label>
                  <input id="rev-note" name="changeNote" maxLength={500} className={inputClass} />
                  {loaded.row.status === 'published' ? (
                    <label className="flex items-start gap-2 text-sm">
                      <input type="checkbox" name="substantive" value="false" className="mt-1" /> Editorial only (typos, formatting). The change itself is
                      checked as well: a changed number, date, amount or name, a word such as “not” or “must”, a new title or more than a tenth of the text is
                      substantive whatever this box says, and a late substantive revision extends the comment window
                    </label>
                  ) : null}
                </ActionForm>
              </details>
            </section>
          ) : null}

          {actions.has('withdraw') ? (
            <section className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">
              <details>
                <summary className="cursor-pointer font-semibold">Withdraw</summary>
                <ActionForm
                  action={withdrawProposalAction}
                  hidden={ids}
                  submitLabel="Withdraw proposal"
                  variant="secondary"
                  label="Withdraw proposal"
                  className="mt-3"
                >
                  <label htmlFor="withdraw-reason" className="block text-sm">
                    Why (public)
                  </label>
                  <textarea id="withdraw-reason" name="reason" rows={2} maxLength={1000} className={inputClass} />
                </ActionForm>
              </details>
            </section>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
