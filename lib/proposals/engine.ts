import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { and, count, eq, isNull, max, ne } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { charters, commentRevisions, comments, decisionLog, memberships, proposalRevisions, proposalStages, proposals, recusals, seats, votes } from '@/db/schema';
import { getActiveCharter, listSeats } from '@/db/queries/charters';
import { appendAfterLockedHead, appendLogEntry, lockLogHead } from '@/db/queries/log';
import { latestRevisionNumber, listOpenProposalIds, loadProposalForChange, nextProposalNumber, writeCurrentBallot } from '@/db/queries/proposals';
import type { LoadForChangeOptions, LoadedProposal } from '@/db/queries/proposals';
import { RuleRefusal } from '@/lib/actions/refusal';
import { applyCharterAmendment, findBody, findType, validateCharter } from '@/lib/governance/charter';
import { checkCommentChange } from '@/lib/governance/comments';
import { checkEmergencyMotion } from '@/lib/governance/emergency';
import { seatChangeAllowed } from '@/lib/governance/effects';
import { canFoundingAppoint } from '@/lib/governance/founding';
import { checkSeatReconciliation, reconcileSeats } from '@/lib/governance/reconcile';
import { allowedProposalActions } from '@/lib/governance/permissions';
import type { ProposalAction } from '@/lib/governance/permissions';
import { proposalPhase, stageOutcomes } from '@/lib/governance/phase';
import type { Role } from '@/lib/governance/roles';
import { bodyStrength } from '@/lib/governance/strength';
import type { BallotChoice, Charter, Phase, SeatState, TallyResult } from '@/lib/governance/types';
import { canCastBallot, canOpenVoting, canRecuse, votingWindow } from '@/lib/governance/voting';
import { discussionClosesAtOnPublish, extendForRevision } from '@/lib/governance/windows';
import { canonicalJson } from '@/lib/log/canonical';
import { enqueueDecision, enqueuePublished, enqueueVotingOpen } from '@/lib/notify/outbox';
import { ballotCommitment, recipientListHash } from './notice';

export type Actor = { userId: string; role: Role | null };

const refuse = (reason: string, field?: string): never => {
  throw new RuleRefusal(reason, field);
};

export function charterHash(charter: Charter): string {
  return createHash('sha256').update(canonicalJson(charter)).digest('hex');
}

/** Seat classes in charter order: the minimums first, the remaining seats 'general'. */
export function seatClassesFor(body: Charter['bodies'][number]): string[] {
  const classes: string[] = [];
  for (const [seatClass, minimum] of Object.entries(body.seatClassMinimums)) for (let i = 0; i < minimum; i++) classes.push(seatClass);
  while (classes.length < body.charterSeats) classes.push('general');
  return classes.slice(0, body.charterSeats);
}

/** The founding act: charter version 1 and its (vacant) seats, logged. Runs inside the org-creation transaction. */
export async function adoptFoundingCharter(tx: Executor, params: { orgId: string; actorId: string; templateKey: string | null; charter: Charter; at: Date }): Promise<void> {
  const valid = validateCharter(params.charter);
  if (!valid.ok) refuse(`The charter is not valid: ${valid.errors.join(' ')}`);
  const document = { ...params.charter, version: 1 };
  const documentHash = charterHash(document);
  await tx.insert(charters).values({ orgId: params.orgId, version: 1, templateKey: params.templateKey, document, documentHash, adoptedAt: params.at });
  for (const body of document.bodies) {
    const classes = seatClassesFor(body);
    await tx.insert(seats).values(classes.map((seatClass, i) => ({ orgId: params.orgId, bodyKey: body.key, position: i + 1, seatClass, holderUserId: null, vacatedAt: params.at })));
  }
  await appendLogEntry(tx, {
    orgId: params.orgId,
    actorId: params.actorId,
    kind: 'charter.adopted',
    subject: 'charter:1',
    payload: { version: 1, documentHash, templateKey: params.templateKey, bodies: document.bodies.map((b) => ({ key: b.key, charterSeats: b.charterSeats })) },
    at: params.at,
  });
}

async function anyProposalPublished(tx: Executor, orgId: string): Promise<boolean> {
  const [row] = await tx.select({ n: count() }).from(proposals).where(and(eq(proposals.orgId, orgId), ne(proposals.status, 'draft')));
  return (row?.n ?? 0) > 0;
}

async function isMember(tx: Executor, orgId: string, userId: string): Promise<boolean> {
  const [row] = await tx.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return Boolean(row);
}

/** Founding appointments: only before the first proposal is published, by an admin, logged. */
export async function foundingAppoint(db: Database, actor: Actor, input: { orgId: string; seatId: string; userId: string }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [seat] = await tx.select().from(seats).where(and(eq(seats.orgId, input.orgId), eq(seats.id, input.seatId), isNull(seats.retiredAt))).for('update');
    if (!seat) refuse('That seat does not exist in this organization.');
    const holdsInBody = await tx.select({ id: seats.id }).from(seats).where(and(eq(seats.orgId, input.orgId), eq(seats.bodyKey, seat!.bodyKey), eq(seats.holderUserId, input.userId), isNull(seats.retiredAt)));
    const rule = canFoundingAppoint({
      role: actor.role,
      anyProposalPublished: await anyProposalPublished(tx, input.orgId),
      seatVacant: seat!.holderUserId === null,
      appointeeIsMember: await isMember(tx, input.orgId, input.userId),
      appointeeHoldsSeatInBody: holdsInBody.length > 0,
    });
    if (!rule.ok) refuse(rule.reason);
    await tx.update(seats).set({ holderUserId: input.userId, vacatedAt: null, termStartedAt: at }).where(eq(seats.id, seat!.id));
    await appendLogEntry(tx, { orgId: input.orgId, actorId: actor.userId, kind: 'seat.founding_appointment', subject: `seat:${seat!.id}`, payload: { bodyKey: seat!.bodyKey, position: seat!.position, seatClass: seat!.seatClass, holderId: input.userId }, at });
  });
}

/** A holder's own resignation: the seat empties and its vacancy clock starts. */
export async function resignSeat(db: Database, actor: Actor, input: { orgId: string; seatId: string }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [seat] = await tx.select().from(seats).where(and(eq(seats.orgId, input.orgId), eq(seats.id, input.seatId), isNull(seats.retiredAt))).for('update');
    if (!seat || seat.holderUserId !== actor.userId) refuse('You can only resign a seat you hold.');
    await tx.update(seats).set({ holderUserId: null, vacatedAt: at, termEndsAt: at }).where(eq(seats.id, seat!.id));
    await appendLogEntry(tx, { orgId: input.orgId, actorId: actor.userId, kind: 'seat.resigned', subject: `seat:${seat!.id}`, payload: { bodyKey: seat!.bodyKey, position: seat!.position, formerHolderId: actor.userId }, at });
  });
}

export type DraftInput = {
  orgId: string;
  typeKey: string;
  title: string;
  body: string;
  subjectUserId: string | null;
  effect: Record<string, unknown>;
  emergency: boolean;
};

export async function createDraft(db: Database, actor: Actor, input: DraftInput, at: Date): Promise<{ id: string; number: number }> {
  return db.transaction(async (tx) => {
    const charter = await getActiveCharter(tx, input.orgId);
    if (!charter) refuse('This organization has no charter yet.');
    const type = charter!.document.proposalTypes.find((t) => t.key === input.typeKey);
    if (!type) refuse('Choose a proposal type from the charter.', 'typeKey');
    if (type!.requiresSubject && !input.subjectUserId) refuse(`A ${type!.name.toLowerCase()} must name its subject.`, 'subjectUserId');
    if (!type!.requiresSubject && input.subjectUserId) refuse(`A ${type!.name.toLowerCase()} has no subject.`, 'subjectUserId');
    if (input.subjectUserId && !(await isMember(tx, input.orgId, input.subjectUserId))) refuse('The subject must be a member of this organization.', 'subjectUserId');
    if (input.emergency && !type!.emergency) refuse(`The charter allows no emergency procedure for a ${type!.name.toLowerCase()}.`, 'emergency');
    await checkEffect(tx, input.orgId, charter!.document, type!.effect, input);
    // Serialize numbering per organization.
    await tx.select({ id: seats.id }).from(seats).where(eq(seats.orgId, input.orgId)).limit(1).for('update');
    const number = await nextProposalNumber(tx, input.orgId);
    const [row] = await tx
      .insert(proposals)
      .values({
        orgId: input.orgId,
        number,
        typeKey: type!.key,
        charterVersion: charter!.version,
        authorId: actor.userId,
        subjectUserId: input.subjectUserId,
        title: input.title,
        effect: { ...input.effect, emergency: input.emergency },
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: proposals.id, number: proposals.number });
    await tx.insert(proposalRevisions).values({ proposalId: row!.id, revision: 1, title: input.title, body: input.body, changeNote: 'First draft', substantive: true, authorId: actor.userId, createdAt: at });
    return row!;
  });
}

async function checkEffect(tx: Executor, orgId: string, charter: Charter, effect: string, input: DraftInput): Promise<void> {
  if (effect === 'seat_appointment' || effect === 'seat_removal') {
    const seatId = typeof input.effect.seatId === 'string' ? input.effect.seatId : '';
    const [seat] = seatId ? await tx.select().from(seats).where(and(eq(seats.orgId, orgId), eq(seats.id, seatId), isNull(seats.retiredAt))) : [];
    if (!seat) refuse('Choose the seat this proposal is about.', 'seatId');
    const appointee = typeof input.effect.appointeeUserId === 'string' ? input.effect.appointeeUserId : null;
    if (effect === 'seat_appointment' && (!appointee || !(await isMember(tx, orgId, appointee)))) refuse('Choose a member to appoint.', 'appointeeUserId');
    const rule = seatChangeAllowed({
      effect,
      seat: { seatId: seat!.id, bodyKey: seat!.bodyKey, seatClass: seat!.seatClass, holderUserId: seat!.holderUserId, vacatedAt: seat!.vacatedAt },
      subjectUserId: input.subjectUserId,
      appointeeUserId: appointee,
    });
    if (!rule.ok) refuse(rule.reason, 'seatId');
  }
  if (effect === 'charter_amendment') {
    const proposed = input.effect.proposedCharter as Charter | undefined;
    if (!proposed) refuse('A charter amendment must include the proposed charter.', 'proposedCharter');
    const applied = applyCharterAmendment(charter, proposed!);
    if (!applied.ok) refuse(`The proposed charter is not valid: ${applied.errors.join(' ')}`, 'proposedCharter');
    const seatsNow = await listSeats(tx, orgId);
    const seatsRule = checkSeatReconciliation(proposed!, seatsNow);
    if (!seatsRule.ok) refuse(seatsRule.reason, 'proposedCharter');
  }
}

/** The proposal locked for this transaction, with its charter version (and optionally one person's seats): one round trip. */
async function loadOrRefuse(tx: Executor, orgId: string, proposalId: string, opts: LoadForChangeOptions = {}): Promise<LoadedProposal & { charter: Charter; seats: SeatState[] | null }> {
  const loaded = await loadProposalForChange(tx, orgId, proposalId, opts);
  if (!loaded) refuse('That proposal does not exist in this organization.');
  if (!loaded!.charter) throw new Error(`charter version ${loaded!.row.charterVersion} missing`);
  return { row: loaded!.row, stages: loaded!.stages, record: loaded!.record, charter: loaded!.charter, seats: loaded!.seats };
}

/** Awaits both, and only then throws the first failure: no statement of this transaction is left running when it rolls back. */
async function settleBoth<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [x, y] = await Promise.allSettled([a, b]);
  if (x.status === 'rejected') throw x.reason;
  if (y.status === 'rejected') throw y.reason;
  return [x.value, y.value];
}

export type ViewerContext = { role: Role | null; userId: string | null };

/** What this person may do with this proposal right now, from the pure rules. */
export async function proposalContext(tx: Executor, orgId: string, loaded: LoadedProposal, charter: Charter, viewer: ViewerContext, at: Date) {
  const phase = proposalPhase(loaded.record, charter, at);
  const stageIndex = 'stageIndex' in phase ? phase.stageIndex : null;
  const stageBody = stageIndex !== null ? loaded.record.stages[stageIndex]?.bodyKey : undefined;
  const ownSeats = viewer.userId ? (await listSeats(tx, orgId)).filter((s) => s.holderUserId === viewer.userId) : [];
  const seatInStage = stageBody ? ownSeats.find((s) => s.bodyKey === stageBody) : undefined;
  const isRecused = Boolean(seatInStage && loaded.record.stages[stageIndex ?? 0]?.recusedSeatIds.includes(seatInStage.seatId));
  const actions = allowedProposalActions({
    role: viewer.role,
    isAuthor: viewer.userId === loaded.row.authorId,
    isSubject: viewer.userId !== null && viewer.userId === loaded.row.subjectUserId,
    holdsSeatInStageBody: Boolean(seatInStage),
    isRecused,
    phase,
  });
  return { phase, actions, seatInStage, isRecused };
}

function requireAction(actions: Set<ProposalAction>, action: ProposalAction, phase: Phase, message: string): void {
  if (!actions.has(action)) refuse(`${message} (the proposal is ${phase.kind.replace(/_/g, ' ')}).`);
}

export async function reviseProposal(db: Database, actor: Actor, input: { orgId: string; proposalId: string; title: string; body: string; changeNote: string; substantive: boolean }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
    const { phase, actions } = await proposalContext(tx, input.orgId, p, p.charter, actor, at);
    requireAction(actions, 'edit', phase, 'Only the author can revise, and only before voting');
    const revision = (await latestRevisionNumber(tx, p.row.id)) + 1;
    await tx.insert(proposalRevisions).values({ proposalId: p.row.id, revision, title: input.title, body: input.body, changeNote: input.changeNote || null, substantive: input.substantive, authorId: actor.userId, createdAt: at });
    let discussionClosesAt = p.row.discussionClosesAt;
    if (p.row.status === 'published' && discussionClosesAt) {
      const type = findType(p.charter, p.row.typeKey);
      discussionClosesAt = extendForRevision({ discussionClosesAt, revisedAt: at, substantive: input.substantive, type });
    }
    await tx.update(proposals).set({ title: input.title, discussionClosesAt, updatedAt: at }).where(eq(proposals.id, p.row.id));
    if (p.row.status === 'published') {
      await appendLogEntry(tx, {
        orgId: input.orgId,
        actorId: actor.userId,
        kind: 'proposal.revised',
        subject: `proposal:${p.row.id}`,
        payload: {
          number: p.row.number,
          revision,
          substantive: input.substantive,
          textHash: createHash('sha256').update(`${input.title}\n\n${input.body}`).digest('hex'),
          discussionClosesAt: discussionClosesAt?.toISOString() ?? null,
          extended: discussionClosesAt?.getTime() !== p.row.discussionClosesAt?.getTime(),
        },
        at,
      });
    }
  });
}

/** Publication: the comment window starts, every seat holder of every deciding body is noticed. */
export async function publishProposal(db: Database, actor: Actor, input: { orgId: string; proposalId: string }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
    const { phase, actions } = await proposalContext(tx, input.orgId, p, p.charter, actor, at);
    requireAction(actions, 'publish', phase, 'Only the author can publish a draft');
    const type = findType(p.charter, p.row.typeKey);
    const emergency = Boolean((p.row.effect as { emergency?: boolean }).emergency);
    // An emergency proposal starts with the normal window; only a recorded supermajority motion
    // of the deciding body's seat holders (backEmergencyMotion) can shorten it.
    const discussionClosesAt = discussionClosesAtOnPublish(type, at, false);
    const allSeats = await listSeats(tx, input.orgId);
    const stageBodies = type.stages.map((s) => s.bodyKey);
    const seatHolders = [...new Set(allSeats.filter((s) => stageBodies.includes(s.bodyKey) && s.holderUserId).map((s) => s.holderUserId!))];
    const members = type.consultationAudience === 'seat_holders' ? [] : (await tx.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.orgId, input.orgId))).map((m) => m.userId);
    const recipients = [...new Set([...seatHolders, ...members])];
    await tx
      .update(proposals)
      .set({ status: 'published', publishedAt: at, discussionClosesAt, noticeRecipients: recipients.length, noticeSeatHolders: seatHolders.length, updatedAt: at })
      .where(eq(proposals.id, p.row.id));
    await tx.insert(proposalStages).values(
      type.stages.map((s, i) => ({ proposalId: p.row.id, stageIndex: i, bodyKey: s.bodyKey, charterSeats: findBody(p.charter, s.bodyKey).charterSeats })),
    );
    const revision = await latestRevisionNumber(tx, p.row.id);
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: 'proposal.published',
      subject: `proposal:${p.row.id}`,
      payload: {
        number: p.row.number,
        typeKey: type.key,
        title: p.row.title,
        revision,
        charterVersion: p.row.charterVersion,
        subjectUserId: p.row.subjectUserId,
        discussionClosesAt: discussionClosesAt.toISOString(),
        emergencyRequested: emergency,
        notice: { seatHolders: seatHolders.length, recipients: recipients.length, recipientListHash: recipientListHash(recipients) },
      },
      at,
    });
    // The notices the log entry just counted and hashed, in the same transaction (DESIGN §6).
    await enqueuePublished(tx, {
      id: p.row.id,
      orgId: input.orgId,
      number: p.row.number,
      title: p.row.title,
      typeKey: type.key,
      subjectUserId: p.row.subjectUserId,
      discussionClosesAt,
      charter: p.charter,
      seatHolders,
      members,
      at,
    });
  });
}

/** Seat holders of the first deciding body who have backed this proposal's emergency motion (from the log). */
export async function emergencyBackers(tx: Executor, orgId: string, proposalId: string): Promise<string[]> {
  const rows = await tx
    .select({ actorId: decisionLog.actorId })
    .from(decisionLog)
    .where(and(eq(decisionLog.orgId, orgId), eq(decisionLog.subject, `proposal:${proposalId}`), eq(decisionLog.kind, 'emergency.backed')));
  return [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
}

/**
 * DESIGN §3.9: the shortened window only by a supermajority motion. Each seat holder of the
 * first deciding body backs the motion in person (logged); when the backers reach the charter's
 * motion threshold of CHARTER seats, the emergency window applies — never closing before now.
 */
export async function backEmergencyMotion(db: Database, actor: Actor, input: { orgId: string; proposalId: string }, at: Date): Promise<{ approved: boolean; backers: number }> {
  return db.transaction(async (tx) => {
    const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
    const type = findType(p.charter, p.row.typeKey);
    if (!type.emergency || !(p.row.effect as { emergency?: boolean }).emergency) refuse('This proposal did not ask for the emergency procedure.');
    const phase = proposalPhase(p.record, p.charter, at);
    if (phase.kind !== 'discussion') refuse('An emergency motion can be backed only while the proposal is in discussion.');
    if (p.row.emergencyApprovedAt) refuse('The emergency motion has already passed.');
    const body = findBody(p.charter, type.stages[0]!.bodyKey);
    const seat = (await listSeats(tx, input.orgId)).find((s) => s.bodyKey === body.key && s.holderUserId === actor.userId);
    if (!seat) refuse(`Only holders of a ${body.name.toLowerCase()} seat can back the emergency motion.`);
    const before = await emergencyBackers(tx, input.orgId, p.row.id);
    if (before.includes(actor.userId)) refuse('You have already backed this emergency motion.');
    await appendLogEntry(tx, { orgId: input.orgId, actorId: actor.userId, kind: 'emergency.backed', subject: `proposal:${p.row.id}`, payload: { number: p.row.number, seatId: seat!.seatId }, at });
    const backers = before.length + 1;
    const motion = checkEmergencyMotion({ type, body, charterSeats: body.charterSeats, yesVotes: backers });
    if (!motion.ok) return { approved: false, backers };
    const shortened = discussionClosesAtOnPublish(type, p.row.publishedAt!, true);
    const discussionClosesAt = shortened > at ? shortened : at;
    await tx.update(proposals).set({ emergencyApprovedAt: at, discussionClosesAt, updatedAt: at }).where(eq(proposals.id, p.row.id));
    await appendLogEntry(tx, { orgId: input.orgId, actorId: null, kind: 'emergency.approved', subject: `proposal:${p.row.id}`, payload: { number: p.row.number, backers, charterSeats: body.charterSeats, discussionClosesAt: discussionClosesAt.toISOString() }, at });
    return { approved: true, backers };
  });
}

export async function withdrawProposal(db: Database, actor: Actor, input: { orgId: string; proposalId: string; reason: string }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
    const { phase, actions } = await proposalContext(tx, input.orgId, p, p.charter, actor, at);
    requireAction(actions, 'withdraw', phase, 'Only the author can withdraw, and only before voting opens');
    await tx.update(proposals).set({ status: 'withdrawn', withdrawnAt: at, updatedAt: at }).where(eq(proposals.id, p.row.id));
    if (p.row.status === 'published') {
      await appendLogEntry(tx, { orgId: input.orgId, actorId: actor.userId, kind: 'proposal.withdrawn', subject: `proposal:${p.row.id}`, payload: { number: p.row.number, reason: input.reason }, at });
    }
  });
}

export async function postComment(db: Database, actor: Actor, input: { orgId: string; proposalId: string; parentId: string | null; body: string; stance: 'support' | 'concern' | 'object' | 'none'; asReply: boolean }, at: Date): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
    const { phase, actions } = await proposalContext(tx, input.orgId, p, p.charter, actor, at);
    if (input.asReply) requireAction(actions, 'reply', phase, 'Only the subject of this proposal can post the reply, before voting');
    else requireAction(actions, 'comment', phase, 'Comments are open to members while the proposal is under discussion or vote');
    if (input.parentId) {
      const [parent] = await tx.select({ id: comments.id }).from(comments).where(and(eq(comments.id, input.parentId), eq(comments.proposalId, p.row.id)));
      if (!parent) refuse('The comment you are replying to is not on this proposal.');
    }
    const [row] = await tx
      .insert(comments)
      .values({ orgId: input.orgId, proposalId: p.row.id, parentId: input.parentId, authorId: actor.userId, body: input.body, stance: input.asReply ? 'none' : input.stance, isSubjectReply: input.asReply, createdAt: at })
      .returning({ id: comments.id });
    if (input.asReply) await tx.update(proposals).set({ replyPostedAt: p.row.replyPostedAt ?? at, updatedAt: at }).where(eq(proposals.id, p.row.id));
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: input.asReply ? 'proposal.subject_replied' : 'comment.posted',
      subject: `proposal:${p.row.id}`,
      payload: { number: p.row.number, commentId: row!.id, parentId: input.parentId, stance: input.asReply ? 'none' : input.stance, bodyHash: createHash('sha256').update(input.body).digest('hex') },
      at,
    });
    return row!;
  });
}

/** The comment, locked for this transaction, if it is on this proposal of this organization. */
async function lockComment(tx: Executor, orgId: string, proposalId: string, commentId: string) {
  const [row] = await tx.select().from(comments).where(and(eq(comments.id, commentId), eq(comments.proposalId, proposalId), eq(comments.orgId, orgId))).for('update');
  if (!row) refuse('That comment is not on this proposal.');
  return row!;
}

/** The author rewrites their comment while comments are open; every version is kept (the original is revision 1) and the edit logged. */
export async function editComment(db: Database, actor: Actor, input: { orgId: string; proposalId: string; commentId: string; body: string }, at: Date): Promise<{ revision: number }> {
  return db.transaction(async (tx) => {
    const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
    const { actions } = await proposalContext(tx, input.orgId, p, p.charter, actor, at);
    const c = await lockComment(tx, input.orgId, p.row.id, input.commentId);
    const rule = checkCommentChange({ change: 'edit', isAuthor: c.authorId === actor.userId, commentsOpen: actions.has(c.isSubjectReply ? 'reply' : 'comment'), deleted: c.deletedAt !== null, isSubjectReply: c.isSubjectReply, unchanged: c.body === input.body });
    if (!rule.ok) refuse(rule.reason);
    const [last] = await tx.select({ n: max(commentRevisions.revision) }).from(commentRevisions).where(eq(commentRevisions.commentId, c.id));
    let revision = last?.n ?? 0;
    if (revision === 0) await tx.insert(commentRevisions).values({ commentId: c.id, revision: ++revision, body: c.body, createdAt: c.createdAt });
    await tx.insert(commentRevisions).values({ commentId: c.id, revision: ++revision, body: input.body, createdAt: at });
    await tx.update(comments).set({ body: input.body, editedAt: at }).where(eq(comments.id, c.id));
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: 'comment.edited',
      subject: `proposal:${p.row.id}`,
      payload: { number: p.row.number, commentId: c.id, revision, bodyHash: createHash('sha256').update(input.body).digest('hex') },
      at,
    });
    return { revision };
  });
}

/**
 * The author deletes their comment while comments are open: a tombstone. The row stays (replies
 * keep their place; the log entries that name it keep their subject) and the page shows that it
 * was deleted and when, not its text.
 */
export async function deleteComment(db: Database, actor: Actor, input: { orgId: string; proposalId: string; commentId: string }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
    const { actions } = await proposalContext(tx, input.orgId, p, p.charter, actor, at);
    const c = await lockComment(tx, input.orgId, p.row.id, input.commentId);
    const rule = checkCommentChange({ change: 'delete', isAuthor: c.authorId === actor.userId, commentsOpen: actions.has(c.isSubjectReply ? 'reply' : 'comment'), deleted: c.deletedAt !== null, isSubjectReply: c.isSubjectReply });
    if (!rule.ok) refuse(rule.reason);
    await tx.update(comments).set({ deletedAt: at }).where(eq(comments.id, c.id));
    await appendLogEntry(tx, { orgId: input.orgId, actorId: actor.userId, kind: 'comment.deleted', subject: `proposal:${p.row.id}`, payload: { number: p.row.number, commentId: c.id }, at });
  });
}

async function strengths(tx: Executor, orgId: string, charter: Charter, at: Date) {
  const seatRows = await listSeats(tx, orgId);
  return Object.fromEntries(charter.bodies.map((b) => [b.key, bodyStrength(b, seatRows, at)]));
}

/** Opens voting for the stage that is ready, if the rules allow. Used by the worker and by secretaries. */
export async function openVoting(tx: Executor, actorId: string | null, p: LoadedProposal & { charter: Charter }, stageIndex: number, at: Date): Promise<boolean> {
  const rule = canOpenVoting({ record: p.record, charter: p.charter, stageIndex, strengths: await strengths(tx, p.row.orgId, p.charter, at), now: at });
  if (!rule.ok) return false;
  const type = findType(p.charter, p.row.typeKey);
  const window = votingWindow(type, stageIndex, at);
  await tx.update(proposalStages).set({ opensAt: window.opensAt, closesAt: window.closesAt }).where(and(eq(proposalStages.proposalId, p.row.id), eq(proposalStages.stageIndex, stageIndex)));
  await appendLogEntry(tx, {
    orgId: p.row.orgId,
    actorId,
    kind: 'voting.opened',
    subject: `proposal:${p.row.id}`,
    payload: { number: p.row.number, stageIndex, bodyKey: type.stages[stageIndex]!.bodyKey, opensAt: window.opensAt.toISOString(), closesAt: window.closesAt.toISOString() },
    at,
  });
  await enqueueVotingOpen(tx, { id: p.row.id, orgId: p.row.orgId, number: p.row.number, title: p.row.title, charter: p.charter, bodyKey: type.stages[stageIndex]!.bodyKey, stageIndex, closesAt: window.closesAt, at });
  return true;
}

export async function requestOpenVoting(db: Database, actor: Actor, input: { orgId: string; proposalId: string }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
    const { phase, actions } = await proposalContext(tx, input.orgId, p, p.charter, actor, at);
    if (phase.kind !== 'ready_for_voting') {
      if (phase.kind === 'discussion' || phase.kind === 'awaiting_reply') {
        const rule = canOpenVoting({ record: p.record, charter: p.charter, stageIndex: 0, strengths: await strengths(tx, input.orgId, p.charter, at), now: at });
        if (!rule.ok) refuse(rule.reason);
      }
      refuse(`Voting cannot be opened: the proposal is ${phase.kind.replace(/_/g, ' ')}.`);
    }
    requireAction(actions, 'open_voting', phase, 'Only a secretary or admin can open voting');
    const rule = canOpenVoting({ record: p.record, charter: p.charter, stageIndex: (phase as { stageIndex: number }).stageIndex, strengths: await strengths(tx, input.orgId, p.charter, at), now: at });
    if (!rule.ok) refuse(rule.reason);
    await openVoting(tx, actor.userId, p, (phase as { stageIndex: number }).stageIndex, at);
  });
}

/**
 * A ballot, changed as often as the voter likes until the stage closes; the last one counts.
 *
 * Four round trips on PostgreSQL once its statements are prepared on the connection (BEGIN; the
 * proposal's lock and read with the log head's lock, pipelined; the ballot and the log entry,
 * pipelined; COMMIT) — it was 14 statements, 26 round trips. The locks are taken in the order
 * every transition takes them — the proposal, then the log head — and the head is locked before
 * the rules have had their say, so a refused ballot holds it for one round trip.
 */
export async function castBallot(db: Database, actor: Actor, input: { orgId: string; proposalId: string; choice: BallotChoice; rationale: string | null }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    // Sent in this order, answered in one round trip: the proposal's lock and read, then the head's lock.
    // Only the ballots the rules read at `at` (not the open stage's, however many): nothing here counts them.
    const [p, head] = await settleBoth(loadOrRefuse(tx, input.orgId, input.proposalId, { seatsHeldBy: actor.userId, ballotsClosedBy: at }), lockLogHead(tx, input.orgId));
    const phase = proposalPhase(p.record, p.charter, at);
    if (phase.kind !== 'voting') {
      const rule = phase.kind === 'discussion' || phase.kind === 'awaiting_reply' || phase.kind === 'ready_for_voting'
        ? canOpenVoting({ record: p.record, charter: p.charter, stageIndex: 'stageIndex' in phase ? phase.stageIndex : 0, strengths: await strengths(tx, input.orgId, p.charter, at), now: at })
        : null;
      refuse(rule && !rule.ok ? `Voting is not open. ${rule.reason}` : `Voting is not open: the proposal is ${phase.kind.replace(/_/g, ' ')}.`);
    }
    const stageIndex = (phase as { stageIndex: number }).stageIndex;
    // `at` is read before this transaction queues for the proposal's lock; meanwhile the worker
    // may have recorded the close (tally, roll call, decision). Once recorded, the box is sealed.
    if (p.stages.find((s) => s.stageIndex === stageIndex)?.closedRecordedAt) refuse('Voting has closed: the result has already been recorded.');
    const bodyKey = p.record.stages[stageIndex]!.bodyKey;
    const seat = p.seats!.find((s) => s.bodyKey === bodyKey);
    if (!seat) refuse(`Only holders of a ${findBody(p.charter, bodyKey).name.toLowerCase()} seat vote at this stage.`);
    const rule = canCastBallot({ record: p.record, charter: p.charter, stageIndex, seat: seat!, voterUserId: actor.userId, now: at });
    if (!rule.ok) refuse(rule.reason);
    // The id is made here so the log entry can name it without waiting for the INSERT.
    const voteId = randomUUID();
    const writeBallot = writeCurrentBallot(tx, { id: voteId, proposalId: p.row.id, stageIndex, seatId: seat!.seatId, voterUserId: actor.userId, choice: input.choice, rationale: input.rationale, castAt: at });
    const logBallot = appendAfterLockedHead(tx, head, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: 'ballot.cast',
      subject: `proposal:${p.row.id}`,
      // The choice stays sealed until the stage closes; the commitment proves it was not changed afterwards.
      payload: { number: p.row.number, stageIndex, seatId: seat!.seatId, voteId, commitment: ballotCommitment(voteId, input.choice) },
      at,
    });
    // Pipelined: if the ballot fails, the entry's statement fails with it and the transaction rolls back.
    await settleBoth(writeBallot, logBallot);
  });
}

export async function declareRecusal(db: Database, actor: Actor, input: { orgId: string; proposalId: string; reason: string }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
    const phase = proposalPhase(p.record, p.charter, at);
    const stageBodies = p.record.stages.map((s) => s.bodyKey);
    const seat = (await listSeats(tx, input.orgId)).find((s) => stageBodies.includes(s.bodyKey) && s.holderUserId === actor.userId);
    if (!seat) refuse('Only holders of a deciding seat can recuse themselves.');
    const stageIndex = Math.max(0, stageBodies.indexOf(seat!.bodyKey));
    const rule = canRecuse({ record: p.record, charter: p.charter, stageIndex, seat: seat!, voterUserId: actor.userId, now: at });
    if (!rule.ok) refuse(rule.reason);
    // As for ballots: `at` was read before the proposal's lock was granted, and the worker may
    // have recorded this stage's tally meanwhile; a recusal then would change a recorded result.
    if (p.stages.find((s) => s.stageIndex === stageIndex)?.closedRecordedAt) refuse('Voting has closed: the result has already been recorded.');
    const inserted = await tx.insert(recusals).values({ proposalId: p.row.id, seatId: seat!.seatId, userId: actor.userId, reason: input.reason, createdAt: at }).onConflictDoNothing().returning({ seatId: recusals.seatId });
    if (inserted.length === 0) refuse('You have already recused yourself from this proposal.');
    // A recused seat never votes: any ballot already cast from it stops counting.
    await tx.update(votes).set({ isCurrent: false }).where(and(eq(votes.proposalId, p.row.id), eq(votes.seatId, seat!.seatId), eq(votes.isCurrent, true)));
    await appendLogEntry(tx, { orgId: input.orgId, actorId: actor.userId, kind: 'recusal.declared', subject: `proposal:${p.row.id}`, payload: { number: p.row.number, seatId: seat!.seatId, reason: input.reason, phase: phase.kind }, at });
  });
}

async function logged(tx: Executor, orgId: string, subject: string, kind: string): Promise<boolean> {
  const rows = await tx.select({ seq: decisionLog.seq }).from(decisionLog).where(and(eq(decisionLog.orgId, orgId), eq(decisionLog.subject, subject), eq(decisionLog.kind, kind))).limit(1);
  return rows.length > 0;
}

/**
 * The worker's step for one proposal: records in the log, exactly once each, what time has
 * made true — the comment window closed, voting opened, a stage closed with its tally, the
 * outcome and its effect. Locks the proposal row (SKIP LOCKED), so several workers can run.
 */
export async function recordTransitions(db: Database, proposalId: string, orgId: string, at: Date): Promise<string[]> {
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: proposals.id }).from(proposals).where(eq(proposals.id, proposalId)).for('update', { skipLocked: true });
    if (!locked) return [];
    const done: string[] = [];
    for (let guard = 0; guard < 8; guard++) {
      const p = await loadOrRefuse(tx, orgId, proposalId);
      const subject = `proposal:${p.row.id}`;
      const phase = proposalPhase(p.record, p.charter, at);
      if (p.row.status !== 'published') break;
      if (p.row.discussionClosesAt && at >= p.row.discussionClosesAt && !(await logged(tx, orgId, subject, 'proposal.discussion_closed'))) {
        await appendLogEntry(tx, { orgId, actorId: null, kind: 'proposal.discussion_closed', subject, payload: { number: p.row.number, closedAt: p.row.discussionClosesAt.toISOString() }, at });
        done.push('discussion_closed');
        continue;
      }
      const closable = p.stages.find((s) => s.closesAt && at >= s.closesAt && !s.closedRecordedAt);
      if (closable) {
        // stageOutcomes tallies only ballots inside the stage's window, as the pure rules define it.
        const tally: TallyResult | null = stageOutcomes(p.record, p.charter, at)[closable.stageIndex]?.tally ?? null;
        if (!tally) throw new Error(`stage ${closable.stageIndex} of proposal ${p.row.id} closed without a tally`);
        await tx.update(proposalStages).set({ tally, closedRecordedAt: at }).where(and(eq(proposalStages.proposalId, p.row.id), eq(proposalStages.stageIndex, closable.stageIndex)));
        const rollCall = (await tx.select({ voteId: votes.id, seatId: votes.seatId, voterUserId: votes.voterUserId, choice: votes.choice }).from(votes).where(and(eq(votes.proposalId, p.row.id), eq(votes.stageIndex, closable.stageIndex), eq(votes.isCurrent, true)))).sort((a, b) => a.seatId.localeCompare(b.seatId));
        await appendLogEntry(tx, { orgId, actorId: null, kind: 'voting.closed', subject, payload: { number: p.row.number, stageIndex: closable.stageIndex, bodyKey: closable.bodyKey, tally, rollCall }, at });
        done.push(`stage_${closable.stageIndex}_closed`);
        continue;
      }
      if (phase.kind === 'ready_for_voting' && (await openVoting(tx, null, p, phase.stageIndex, at))) {
        done.push(`stage_${phase.stageIndex}_opened`);
        continue;
      }
      if ((phase.kind === 'passed' || phase.kind === 'rejected' || phase.kind === 'failed_quorum') && p.row.outcome === null) {
        await tx.update(proposals).set({ outcome: phase.kind, outcomeRecordedAt: at, updatedAt: at }).where(eq(proposals.id, p.row.id));
        await appendLogEntry(tx, { orgId, actorId: null, kind: 'proposal.decided', subject, payload: { number: p.row.number, outcome: phase.kind }, at });
        const lastTally = [...p.stages].reverse().find((st) => st.tally)?.tally ?? null;
        await enqueueDecision(tx, { id: p.row.id, orgId, number: p.row.number, title: p.row.title, typeKey: p.row.typeKey, charter: p.charter, outcome: phase.kind, tally: lastTally, at });
        if (phase.kind === 'passed') await applyEffect(tx, p, at);
        done.push(phase.kind);
        continue;
      }
      if (phase.kind === 'lapsed' && p.row.outcome === 'passed') {
        await tx.update(proposals).set({ outcome: 'lapsed', outcomeRecordedAt: at, updatedAt: at }).where(eq(proposals.id, p.row.id));
        await appendLogEntry(tx, { orgId, actorId: null, kind: 'proposal.lapsed', subject, payload: { number: p.row.number, reason: 'Emergency decision not ratified in time.' }, at });
        done.push('lapsed');
        continue;
      }
      break;
    }
    return done;
  });
}

async function applyEffect(tx: Executor, p: LoadedProposal & { charter: Charter }, at: Date): Promise<void> {
  const type = findType(p.charter, p.row.typeKey);
  const effect = p.row.effect as { seatId?: string; appointeeUserId?: string; proposedCharter?: Charter; ratifies?: string };
  const orgId = p.row.orgId;
  if (type.effect === 'charter_amendment' && effect.proposedCharter) {
    const active = await getActiveCharter(tx, orgId);
    const applied = applyCharterAmendment(active!.document, effect.proposedCharter);
    if (!applied.ok) {
      await appendLogEntry(tx, { orgId, actorId: null, kind: 'charter.amendment_failed', subject: `proposal:${p.row.id}`, payload: { errors: applied.errors }, at });
      return;
    }
    const plan = reconcileSeats(applied.charter, await listSeats(tx, orgId));
    if (!plan.ok) {
      await appendLogEntry(tx, { orgId, actorId: null, kind: 'charter.amendment_failed', subject: `proposal:${p.row.id}`, payload: { errors: [plan.reason] }, at });
      return;
    }
    for (const seatId of plan.plan.retire) await tx.update(seats).set({ retiredAt: at }).where(and(eq(seats.orgId, orgId), eq(seats.id, seatId)));
    for (const add of plan.plan.add) {
      const [top] = await tx.select({ n: max(seats.position) }).from(seats).where(and(eq(seats.orgId, orgId), eq(seats.bodyKey, add.bodyKey)));
      const start = (top?.n ?? 0) + 1;
      await tx.insert(seats).values(Array.from({ length: add.count }, (_, i) => ({ orgId, bodyKey: add.bodyKey, position: start + i, seatClass: add.seatClass, holderUserId: null, vacatedAt: at })));
    }
    const documentHash = charterHash(applied.charter);
    await tx.insert(charters).values({ orgId, version: applied.charter.version, document: applied.charter, documentHash, adoptedByProposalId: p.row.id, adoptedAt: at });
    await appendLogEntry(tx, { orgId, actorId: null, kind: 'charter.amended', subject: `charter:${applied.charter.version}`, payload: { version: applied.charter.version, documentHash, proposalNumber: p.row.number, seatsAdded: plan.plan.add, seatsRetired: plan.plan.retire }, at });
  }
  if ((type.effect === 'seat_appointment' || type.effect === 'seat_removal') && effect.seatId) {
    const [seat] = await tx.select().from(seats).where(and(eq(seats.orgId, orgId), eq(seats.id, effect.seatId), isNull(seats.retiredAt))).for('update');
    if (!seat) return;
    if (type.effect === 'seat_appointment' && seat.holderUserId === null && effect.appointeeUserId) {
      await tx.update(seats).set({ holderUserId: effect.appointeeUserId, vacatedAt: null, termStartedAt: at }).where(eq(seats.id, seat.id));
      await appendLogEntry(tx, { orgId, actorId: null, kind: 'seat.filled', subject: `seat:${seat.id}`, payload: { bodyKey: seat.bodyKey, position: seat.position, holderId: effect.appointeeUserId, proposalNumber: p.row.number }, at });
    } else if (type.effect === 'seat_removal' && seat.holderUserId && seat.holderUserId === p.row.subjectUserId) {
      await tx.update(seats).set({ holderUserId: null, vacatedAt: at, termEndsAt: at }).where(eq(seats.id, seat.id));
      await appendLogEntry(tx, { orgId, actorId: null, kind: 'seat.vacated', subject: `seat:${seat.id}`, payload: { bodyKey: seat.bodyKey, position: seat.position, formerHolderId: p.row.subjectUserId, proposalNumber: p.row.number }, at });
    } else {
      await appendLogEntry(tx, { orgId, actorId: null, kind: 'seat.change_skipped', subject: `seat:${seat.id}`, payload: { reason: 'The seat changed since the proposal was made.', proposalNumber: p.row.number }, at });
    }
  }
  if (effect.ratifies) {
    const [target] = await tx.select().from(proposals).where(and(eq(proposals.orgId, orgId), eq(proposals.id, effect.ratifies)));
    if (target && target.ratifiedAt === null) {
      await tx.update(proposals).set({ ratifiedAt: at }).where(eq(proposals.id, target.id));
      await appendLogEntry(tx, { orgId, actorId: null, kind: 'proposal.ratified', subject: `proposal:${target.id}`, payload: { number: target.number, byProposalNumber: p.row.number }, at });
    }
  }
}

/** One pass of the worker over every open proposal. */
export async function runTransitions(db: Database, at: Date): Promise<number> {
  const open = await listOpenProposalIds(db);
  let changes = 0;
  for (const { id, orgId } of open) changes += (await recordTransitions(db, id, orgId, at)).length;
  return changes;
}

