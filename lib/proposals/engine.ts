import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { and, count, desc, eq, isNotNull, isNull, max, ne } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import {
  charters,
  commentRevisions,
  comments,
  decisionLog,
  memberships,
  proposalRevisions,
  proposalStages,
  proposals,
  recusals,
  seats,
  users,
  votes,
} from '@/db/schema';
import { getActiveCharter, getCharterVersion, listSeats, listSeatsWhoseHoldersAct } from '@/db/queries/charters';
import { appendAfterLockedHead, appendLogEntry, lockLogHead } from '@/db/queries/log';
import { latestRevisionNumber, listOpenProposalIds, loadProposal, loadProposalForChange, nextProposalNumber, writeCurrentBallot } from '@/db/queries/proposals';
import type { LoadForChangeOptions, LoadedProposal } from '@/db/queries/proposals';
import { RuleRefusal, refused } from '@/lib/governance/refusal';
import { applyCharterAmendment, findBody, findType, validateCharter } from '@/lib/governance/charter';
import { checkCommentChange } from '@/lib/governance/comments';
import { canBeRatified, canRatifyWith, checkEmergencyMotion, emergencyStatus } from '@/lib/governance/emergency';
import { seatChangeAllowed } from '@/lib/governance/effects';
import { canFoundingAppoint } from '@/lib/governance/founding';
import { checkSeatReconciliation, reconcileSeats } from '@/lib/governance/reconcile';
import { classEligibility, defaultDeclaration, isClassSeat } from '@/lib/governance/seat-class';
import { canAppointToBody, isStranded, oneSeatPerBody, remainingMajorityBase } from '@/lib/governance/vacancy';
import { allowedProposalActions, mayAct } from '@/lib/governance/permissions';
import type { ProposalAction, ProposalActor } from '@/lib/governance/permissions';
import { proposalPhase, stageOutcomes } from '@/lib/governance/phase';
import type { Role } from '@/lib/governance/roles';
import { bodyStrength } from '@/lib/governance/strength';
import type { BallotChoice, Charter, Phase, ProposalTypeSpec, RuleResult, SeatState, TallyResult } from '@/lib/governance/types';
import { canCastBallot, canOpenVoting, canRecuse, votingWindow } from '@/lib/governance/voting';
import { classifyRevision } from '@/lib/governance/revisions';
import { discussionClosesAtOnPublish, extendForRevision } from '@/lib/governance/windows';
import { canonicalJson } from '@/lib/log/canonical';
import { enqueueDecision, enqueuePublished, enqueueVotingOpen } from '@/lib/notify/outbox';
import { BALLOT_COMMITMENT_SCHEME } from '@/lib/log/ballot-commitment';
import { ballotCommitment, newBallotNonce, recipientListHash } from './notice';
import { enqueueLapsed } from './ratification';

export type Actor = { userId: string; role: Role | null };

// Until each refusal here has its own code: the wording travels as the generic code's parameter.
const refuse = (reason: string, field?: string): never => {
  throw new RuleRefusal('rule.refused', { reason }, field);
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
export async function adoptFoundingCharter(
  tx: Executor,
  params: { orgId: string; actorId: string; templateKey: string | null; charter: Charter; at: Date },
): Promise<void> {
  const valid = validateCharter(params.charter);
  if (!valid.ok) refuse(`The charter is not valid: ${valid.errors.join(' ')}`);
  const document = { ...params.charter, version: 1 };
  const documentHash = charterHash(document);
  await tx.insert(charters).values({ orgId: params.orgId, version: 1, templateKey: params.templateKey, document, documentHash, adoptedAt: params.at });
  for (const body of document.bodies) {
    const classes = seatClassesFor(body);
    await tx
      .insert(seats)
      .values(
        classes.map((seatClass, i) => ({ orgId: params.orgId, bodyKey: body.key, position: i + 1, seatClass, holderUserId: null, vacatedAt: params.at })),
      );
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
  const [row] = await tx
    .select({ n: count() })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), ne(proposals.status, 'draft')));
  return (row?.n ?? 0) > 0;
}

async function roleOf(tx: Executor, orgId: string, userId: string): Promise<Role | null> {
  const [row] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

async function isMember(tx: Executor, orgId: string, userId: string): Promise<boolean> {
  return (await roleOf(tx, orgId, userId)) !== null;
}

/**
 * Why this person cannot hold a seat now (null when they can): a seat votes, so it is held by a
 * member who is not an observer. Asked at every step up to the seat being filled.
 */
async function seatHolderRoleRefusal(tx: Executor, orgId: string, userId: string, { advise }: { advise: boolean }): Promise<string | null> {
  const role = await roleOf(tx, orgId, userId);
  if (role === null) return `${await personName(tx, userId)} is not a member of this organization, so they cannot hold a seat.`;
  if (role === 'observer')
    return `${await personName(tx, userId)} is an observer; observers cannot vote, so they cannot hold a seat.${advise ? ' Change their role first.' : ''}`;
  return null;
}

/** Founding appointments: only before the first proposal is published, by an admin, logged. */
export async function foundingAppoint(db: Database, actor: Actor, input: { orgId: string; seatId: string; userId: string }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [seat] = await tx
      .select()
      .from(seats)
      .where(and(eq(seats.orgId, input.orgId), eq(seats.id, input.seatId), isNull(seats.retiredAt)))
      .for('update');
    if (!seat) refuse('That seat does not exist in this organization.');
    const holdsInBody = await tx
      .select({ id: seats.id })
      .from(seats)
      .where(and(eq(seats.orgId, input.orgId), eq(seats.bodyKey, seat!.bodyKey), eq(seats.holderUserId, input.userId), isNull(seats.retiredAt)));
    const published = await anyProposalPublished(tx, input.orgId);
    // After the founding period, only a body nobody in office may refill reopens to founding appointments.
    const charter = published ? await getActiveCharter(tx, input.orgId) : null;
    const stranded = Boolean(
      charter &&
      charter.document.bodies.some((b) => b.key === seat!.bodyKey) &&
      isStranded(charter.document, seat!.bodyKey, await listSeatsWhoseHoldersAct(tx, input.orgId)),
    );
    const rule = canFoundingAppoint({
      role: actor.role,
      anyProposalPublished: published,
      seatVacant: seat!.holderUserId === null,
      // A seat votes: an observer (who never votes) cannot be seated, even at the founding.
      appointeeIsMember: (await seatHolderRoleRefusal(tx, input.orgId, input.userId, { advise: false })) === null,
      appointeeHoldsSeatInBody: holdsInBody.length > 0,
      bodyStranded: stranded,
    });
    if (!rule.ok) refuse(rule.reason);
    await tx.update(seats).set({ holderUserId: input.userId, vacatedAt: null, termStartedAt: at }).where(eq(seats.id, seat!.id));
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: 'seat.founding_appointment',
      subject: `seat:${seat!.id}`,
      payload: {
        bodyKey: seat!.bodyKey,
        position: seat!.position,
        seatClass: seat!.seatClass,
        holderId: input.userId,
        // Said in the log itself: this appointment was made after the founding period closed.
        ...(published ? { reopened: true, reason: 'Nobody in office could fill this body’s vacancies, so founding appointments reopened for it.' } : {}),
      },
      at,
    });
  });
}

/** A holder's own resignation: the seat empties and its vacancy clock starts. */
export async function resignSeat(db: Database, actor: Actor, input: { orgId: string; seatId: string }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [seat] = await tx
      .select()
      .from(seats)
      .where(and(eq(seats.orgId, input.orgId), eq(seats.id, input.seatId), isNull(seats.retiredAt)))
      .for('update');
    if (!seat || seat.holderUserId !== actor.userId) refuse('You can only resign a seat you hold.');
    await tx.update(seats).set({ holderUserId: null, vacatedAt: at, termEndsAt: at }).where(eq(seats.id, seat!.id));
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: 'seat.resigned',
      subject: `seat:${seat!.id}`,
      payload: { bodyKey: seat!.bodyKey, position: seat!.position, formerHolderId: actor.userId },
      at,
    });
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
    if (input.subjectUserId && !(await isMember(tx, input.orgId, input.subjectUserId)))
      refuse('The subject must be a member of this organization.', 'subjectUserId');
    if (input.emergency && !type!.emergency) refuse(`The charter allows no emergency procedure for a ${type!.name.toLowerCase()}.`, 'emergency');
    const effectAdditions = await checkEffect(tx, input.orgId, charter!.document, type!.effect, input);
    if (input.effect.ratifies !== undefined) await checkRatification(tx, input.orgId, type!, input.emergency, input.effect.ratifies, at);
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
        effect: { ...input.effect, ...effectAdditions, emergency: input.emergency },
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: proposals.id, number: proposals.number });
    await tx.insert(proposalRevisions).values({
      proposalId: row!.id,
      revision: 1,
      title: input.title,
      body: input.body,
      changeNote: 'First draft',
      substantive: true,
      authorId: actor.userId,
      createdAt: at,
    });
    return row!;
  });
}

async function checkEffect(tx: Executor, orgId: string, charter: Charter, effect: string, input: DraftInput): Promise<Record<string, unknown>> {
  const additions: Record<string, unknown> = {};
  if (effect === 'seat_appointment' || effect === 'seat_removal') {
    const seatId = typeof input.effect.seatId === 'string' ? input.effect.seatId : '';
    const [seat] = seatId
      ? await tx
          .select()
          .from(seats)
          .where(and(eq(seats.orgId, orgId), eq(seats.id, seatId), isNull(seats.retiredAt)))
      : [];
    if (!seat) refuse('Choose the seat this proposal is about.', 'seatId');
    const appointee = typeof input.effect.appointeeUserId === 'string' ? input.effect.appointeeUserId : null;
    if (effect === 'seat_appointment' && (!appointee || !(await isMember(tx, orgId, appointee)))) refuse('Choose a member to appoint.', 'appointeeUserId');
    const rule = seatChangeAllowed({
      effect,
      seat: { seatId: seat!.id, bodyKey: seat!.bodyKey, seatClass: seat!.seatClass, holderUserId: seat!.holderUserId, vacatedAt: seat!.vacatedAt },
      subjectUserId: input.subjectUserId,
      appointeeUserId: appointee,
      bodyKey: seat!.bodyKey,
      // One person, one seat per body is checked by appointmentRefusal below, which names the person and seat.
    });
    if (!rule.ok) refuse(rule.reason, 'seatId');
    if (effect === 'seat_appointment') {
      // The appointment names the seat's class and the declaration the appointee will make.
      if (isClassSeat(seat!.seatClass)) {
        const declaration =
          typeof input.effect.declaration === 'string' && input.effect.declaration.trim()
            ? input.effect.declaration.trim()
            : defaultDeclaration(seat!.seatClass);
        additions.seatClass = seat!.seatClass;
        additions.declaration = declaration;
      } else {
        additions.seatClass = seat!.seatClass;
        additions.declaration = null;
      }
      const refusal = await appointmentRefusal(tx, orgId, charter, input.typeKey, { ...input.effect, ...additions }, { requireDeclaration: false });
      if (refusal) refuse(refusal.reason, refusal.field);
    }
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
  return additions;
}

type AppointmentEffect = { seatId?: unknown; appointeeUserId?: unknown; seatClass?: unknown; declaration?: unknown };

async function personName(tx: Executor, userId: string): Promise<string> {
  const [row] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
  return row?.name?.trim() || row?.email || 'This person';
}

export const APPOINTEE_DECLARED = 'appointment.declared';

/**
 * Why this seat appointment cannot go ahead now, in words for members (null: it can). Checked
 * when drafted, at publication, when voting opens and (the seat-holding parts) when applied:
 * the seat is vacant, the deciding body may fill it, the appointee holds no other seat of the
 * body, and a class seat's appointee is eligible — by their own declaration, logged before voting
 * opens (`requireDeclaration`).
 */
export async function appointmentRefusal(
  tx: Executor,
  orgId: string,
  charter: Charter,
  typeKey: string,
  effect: AppointmentEffect,
  opts: { requireDeclaration: boolean; proposalId?: string },
): Promise<{ reason: string; field: string } | null> {
  const type = findType(charter, typeKey);
  const seatsNow = await listSeats(tx, orgId);
  const seat = seatsNow.find((s) => s.seatId === effect.seatId);
  if (!seat) return { reason: 'The seat this appointment fills no longer exists.', field: 'seatId' };
  if (seat.holderUserId !== null) return { reason: `Seat ${seat.position} is no longer vacant: someone was appointed to it meanwhile.`, field: 'seatId' };
  const body = charter.bodies.find((b) => b.key === seat.bodyKey);
  if (!body) return { reason: 'This seat belongs to a body the charter does not define.', field: 'seatId' };
  const authority = canAppointToBody({ charter, type, seatBodyKey: body.key, seats: seatsNow });
  if (!authority.ok) return { reason: authority.reason, field: 'seatId' };
  const appointee = typeof effect.appointeeUserId === 'string' ? effect.appointeeUserId : null;
  if (!appointee) return { reason: 'An appointment must name the person appointed.', field: 'appointeeUserId' };
  // Asked again at every step up to the seat being filled: a person removed from the organization
  // (or made an observer) meanwhile must not be seated by an appointment passed before.
  const roleRefusal = await seatHolderRoleRefusal(tx, orgId, appointee, { advise: true });
  if (roleRefusal) return { reason: roleRefusal, field: 'appointeeUserId' };
  const oneSeat = oneSeatPerBody({ seats: seatsNow, seat, appointeeUserId: appointee, appointeeName: await personName(tx, appointee), bodyName: body.name });
  if (!oneSeat.ok) return { reason: oneSeat.reason, field: 'appointeeUserId' };
  if (isClassSeat(seat.seatClass)) {
    const [membership] = await tx
      .select({ group: memberships.stakeholderGroup })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, appointee)));
    const declaredByAppointee = opts.requireDeclaration && opts.proposalId ? await declaredBy(tx, orgId, opts.proposalId, appointee) : !opts.requireDeclaration;
    const declaration = typeof effect.declaration === 'string' ? effect.declaration : '';
    const eligible = classEligibility({
      seatClass: seat.seatClass,
      attestation: typeof effect.seatClass === 'string' ? { seatClass: effect.seatClass, declaration, declaredByAppointee } : null,
      stakeholderGroup: membership?.group ?? null,
    });
    if (!eligible.ok) return { reason: eligible.reason, field: 'appointeeUserId' };
  }
  return null;
}

async function declaredBy(tx: Executor, orgId: string, proposalId: string, userId: string): Promise<boolean> {
  const rows = await tx
    .select({ seq: decisionLog.seq })
    .from(decisionLog)
    .where(
      and(
        eq(decisionLog.orgId, orgId),
        eq(decisionLog.subject, `proposal:${proposalId}`),
        eq(decisionLog.kind, APPOINTEE_DECLARED),
        eq(decisionLog.actorId, userId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/**
 * The appointee of a class seat declares, in their own name, that they qualify (e.g. that they
 * are independent of management). The declaration is its own log entry; voting cannot open
 * without it.
 */
export async function declareAppointeeEligibility(db: Database, actor: Actor, input: { orgId: string; proposalId: string }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
    const type = findType(p.charter, p.row.typeKey);
    const effect = p.row.effect as AppointmentEffect;
    if (
      type.effect !== 'seat_appointment' ||
      typeof effect.seatClass !== 'string' ||
      !isClassSeat(effect.seatClass) ||
      typeof effect.declaration !== 'string'
    ) {
      refuse('This proposal fills no seat with a class requirement; there is nothing to declare.');
    }
    if (effect.appointeeUserId !== actor.userId) refuse('Only the person this proposal appoints can make the declaration.');
    const phase = proposalPhase(p.record, p.charter, at);
    if (phase.kind !== 'discussion' && phase.kind !== 'awaiting_reply' && phase.kind !== 'ready_for_voting') {
      refuse(phase.kind === 'draft' ? 'The declaration is made once the proposal is published.' : 'The declaration is made before voting opens.');
    }
    if (await declaredBy(tx, input.orgId, p.row.id, actor.userId)) refuse('You have already made this declaration.');
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: APPOINTEE_DECLARED,
      subject: `proposal:${p.row.id}`,
      payload: { number: p.row.number, seatId: effect.seatId, seatClass: effect.seatClass, declaration: effect.declaration },
      at,
    });
  });
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A ratifying proposal names a passed, unlapsed, unratified emergency decision of the same
 * organization, and is itself a normal proposal. Checked at draft, at publication and again when
 * it passes (the emergency decision may have lapsed meanwhile). Returns the target's number.
 */
async function checkRatification(
  tx: Executor,
  orgId: string,
  type: ProposalTypeSpec,
  emergencyRequested: boolean,
  ratifies: unknown,
  at: Date,
): Promise<number> {
  const normal = canRatifyWith(type, emergencyRequested);
  if (!normal.ok) refuse(normal.reason, 'ratifiesProposalId');
  const target = typeof ratifies === 'string' && uuidShape.test(ratifies) ? await loadProposalForChange(tx, orgId, ratifies) : null;
  if (!target?.charter) refuse('Choose the emergency decision this proposal ratifies from the list.', 'ratifiesProposalId');
  const rule = canBeRatified(target!.record, target!.charter!, at);
  if (!rule.ok) refuse(rule.reason, 'ratifiesProposalId');
  return target!.row.number;
}

/** Passed, unlapsed, unratified emergency decisions of the organization, newest first: what a new proposal may ratify. */
export async function listRatifiableDecisions(db: Executor, orgId: string, at: Date): Promise<{ id: string; number: number; title: string; deadline: Date }[]> {
  const candidates = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), eq(proposals.status, 'published'), isNotNull(proposals.emergencyApprovedAt), isNull(proposals.ratifiedAt)));
  const out: { id: string; number: number; title: string; deadline: Date }[] = [];
  for (const c of candidates) {
    const loaded = await loadProposal(db, orgId, c.id);
    if (!loaded) continue;
    const charter = await getCharterVersion(db, orgId, loaded.row.charterVersion);
    if (!charter || !canBeRatified(loaded.record, charter, at).ok) continue;
    const deadline = emergencyStatus(loaded.record, charter, at).deadline;
    if (deadline) out.push({ id: loaded.row.id, number: loaded.row.number, title: loaded.row.title, deadline });
  }
  return out.sort((a, b) => b.number - a.number);
}

/** The proposal locked for this transaction, with its charter version (and optionally one person's seats): one round trip. */
async function loadOrRefuse(
  tx: Executor,
  orgId: string,
  proposalId: string,
  opts: LoadForChangeOptions = {},
): Promise<LoadedProposal & { charter: Charter; seats: SeatState[] | null }> {
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
  // Before any stage opens, the body that decides next is the first stage's (recusal and the
  // emergency motion happen then).
  const stageIndex = 'stageIndex' in phase ? phase.stageIndex : 0;
  const type = findType(charter, loaded.row.typeKey);
  const stageBody = loaded.record.stages[stageIndex]?.bodyKey ?? type.stages[stageIndex]?.bodyKey;
  const ownSeats = viewer.userId ? (await listSeats(tx, orgId)).filter((s) => s.holderUserId === viewer.userId) : [];
  const seatInStage = stageBody ? ownSeats.find((s) => s.bodyKey === stageBody) : undefined;
  const isRecused = Boolean(seatInStage && loaded.record.stages[stageIndex]?.recusedSeatIds.includes(seatInStage.seatId));
  const actor: ProposalActor = {
    role: viewer.role,
    isAuthor: viewer.userId === loaded.row.authorId,
    isSubject: viewer.userId !== null && viewer.userId === loaded.row.subjectUserId,
    holdsSeatInStageBody: Boolean(seatInStage),
    isRecused,
    phase,
    emergencyMotionOpen: Boolean(type.emergency && (loaded.row.effect as { emergency?: boolean }).emergency && !loaded.row.emergencyApprovedAt),
  };
  const actions = allowedProposalActions(actor);
  return { phase, actions, seatInStage, isRecused, actor };
}

function requireAction(actions: Set<ProposalAction>, action: ProposalAction, phase: Phase, message: string): void {
  if (!actions.has(action)) refuse(`${message} (the proposal is ${phase.kind.replace(/_/g, ' ')}).`);
}

export async function reviseProposal(
  db: Database,
  actor: Actor,
  input: { orgId: string; proposalId: string; title: string; body: string; changeNote: string; substantive: boolean },
  at: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
    const { phase, actions } = await proposalContext(tx, input.orgId, p, p.charter, actor, at);
    requireAction(actions, 'edit', phase, 'Only the author can revise, and only before voting');
    const revision = (await latestRevisionNumber(tx, p.row.id)) + 1;
    // The change itself decides; the author's "editorial only" tick can never make it less substantive.
    // Measured against the previous revision and against the last text readers were given time
    // for (the last substantive revision): small "editorial" steps cannot add up to a rewrite.
    const earlier = await tx
      .select({
        revision: proposalRevisions.revision,
        title: proposalRevisions.title,
        body: proposalRevisions.body,
        substantive: proposalRevisions.substantive,
      })
      .from(proposalRevisions)
      .where(eq(proposalRevisions.proposalId, p.row.id))
      .orderBy(desc(proposalRevisions.revision));
    const previous = earlier[0] ?? { title: '', body: '' };
    const baseline = earlier.find((r) => r.substantive) ?? previous;
    const next = { title: input.title, body: input.body };
    const step = classifyRevision(previous, next, input.substantive);
    const drift = classifyRevision(baseline, next);
    const reasons = [...new Set([...step.reasons, ...drift.reasons])];
    const classification = { substantive: reasons.length > 0, reasons };
    await tx.insert(proposalRevisions).values({
      proposalId: p.row.id,
      revision,
      title: input.title,
      body: input.body,
      changeNote: input.changeNote || null,
      substantive: classification.substantive,
      substantiveReasons: classification.reasons,
      authorMarkedEditorial: !input.substantive,
      authorId: actor.userId,
      createdAt: at,
    });
    let discussionClosesAt = p.row.discussionClosesAt;
    if (p.row.status === 'published' && discussionClosesAt) {
      const type = findType(p.charter, p.row.typeKey);
      discussionClosesAt = extendForRevision({ discussionClosesAt, revisedAt: at, substantive: classification.substantive, type });
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
          substantive: classification.substantive,
          substantiveReasons: classification.reasons,
          authorMarkedEditorial: !input.substantive,
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
    if (type.effect === 'seat_appointment') {
      // The seats may have changed since the draft: the appointee may have taken another seat of the body.
      const refusal = await appointmentRefusal(tx, input.orgId, p.charter, p.row.typeKey, p.row.effect as AppointmentEffect, { requireDeclaration: false });
      if (refusal) refuse(refusal.reason);
    }
    const emergency = Boolean((p.row.effect as { emergency?: boolean }).emergency);
    const ratifies = (p.row.effect as { ratifies?: unknown }).ratifies;
    if (ratifies !== undefined) await checkRatification(tx, input.orgId, type, emergency, ratifies, at);
    // An emergency proposal starts with the normal window; only a recorded supermajority motion
    // of the deciding body's seat holders (backEmergencyMotion) can shorten it.
    const discussionClosesAt = discussionClosesAtOnPublish(type, at, false);
    const allSeats = await listSeats(tx, input.orgId);
    const stageBodies = type.stages.map((s) => s.bodyKey);
    const seatHolders = [...new Set(allSeats.filter((s) => stageBodies.includes(s.bodyKey) && s.holderUserId).map((s) => s.holderUserId!))];
    const members =
      type.consultationAudience === 'seat_holders'
        ? []
        : (await tx.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.orgId, input.orgId))).map((m) => m.userId);
    const recipients = [...new Set([...seatHolders, ...members])];
    await tx
      .update(proposals)
      .set({
        status: 'published',
        publishedAt: at,
        discussionClosesAt,
        noticeRecipients: recipients.length,
        noticeSeatHolders: seatHolders.length,
        updatedAt: at,
      })
      .where(eq(proposals.id, p.row.id));
    await tx
      .insert(proposalStages)
      .values(
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
export async function backEmergencyMotion(
  db: Database,
  actor: Actor,
  input: { orgId: string; proposalId: string },
  at: Date,
): Promise<{ approved: boolean; backers: number }> {
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
    const permitted = mayAct(
      {
        role: actor.role,
        isAuthor: actor.userId === p.row.authorId,
        isSubject: actor.userId === p.row.subjectUserId,
        holdsSeatInStageBody: true,
        isRecused: false,
        phase,
        emergencyMotionOpen: true,
      },
      'back_emergency',
    );
    if (!permitted.ok) refuse(permitted.reason);
    const before = await emergencyBackers(tx, input.orgId, p.row.id);
    if (before.includes(actor.userId)) refuse('You have already backed this emergency motion.');
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: 'emergency.backed',
      subject: `proposal:${p.row.id}`,
      payload: { number: p.row.number, seatId: seat!.seatId },
      at,
    });
    const backers = before.length + 1;
    const motion = checkEmergencyMotion({ type, body, charterSeats: body.charterSeats, yesVotes: backers });
    if (!motion.ok) return { approved: false, backers };
    const shortened = discussionClosesAtOnPublish(type, p.row.publishedAt!, true);
    const discussionClosesAt = shortened > at ? shortened : at;
    await tx.update(proposals).set({ emergencyApprovedAt: at, discussionClosesAt, updatedAt: at }).where(eq(proposals.id, p.row.id));
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: null,
      kind: 'emergency.approved',
      subject: `proposal:${p.row.id}`,
      payload: { number: p.row.number, backers, charterSeats: body.charterSeats, discussionClosesAt: discussionClosesAt.toISOString() },
      at,
    });
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
      await appendLogEntry(tx, {
        orgId: input.orgId,
        actorId: actor.userId,
        kind: 'proposal.withdrawn',
        subject: `proposal:${p.row.id}`,
        payload: { number: p.row.number, reason: input.reason },
        at,
      });
    }
  });
}

export async function postComment(
  db: Database,
  actor: Actor,
  input: { orgId: string; proposalId: string; parentId: string | null; body: string; stance: 'support' | 'concern' | 'object' | 'none'; asReply: boolean },
  at: Date,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
    const context = await proposalContext(tx, input.orgId, p, p.charter, actor, at);
    const permitted = mayAct(context.actor, input.asReply ? 'reply' : 'comment');
    if (!permitted.ok) refuse(permitted.reason);
    if (input.parentId) {
      const [parent] = await tx
        .select({ id: comments.id })
        .from(comments)
        .where(and(eq(comments.id, input.parentId), eq(comments.proposalId, p.row.id)));
      if (!parent) refuse('The comment you are replying to is not on this proposal.');
    }
    const [row] = await tx
      .insert(comments)
      .values({
        orgId: input.orgId,
        proposalId: p.row.id,
        parentId: input.parentId,
        authorId: actor.userId,
        body: input.body,
        stance: input.asReply ? 'none' : input.stance,
        isSubjectReply: input.asReply,
        createdAt: at,
      })
      .returning({ id: comments.id });
    if (input.asReply)
      await tx
        .update(proposals)
        .set({ replyPostedAt: p.row.replyPostedAt ?? at, updatedAt: at })
        .where(eq(proposals.id, p.row.id));
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: input.asReply ? 'proposal.subject_replied' : 'comment.posted',
      subject: `proposal:${p.row.id}`,
      payload: {
        number: p.row.number,
        commentId: row!.id,
        parentId: input.parentId,
        stance: input.asReply ? 'none' : input.stance,
        bodyHash: createHash('sha256').update(input.body).digest('hex'),
      },
      at,
    });
    return row!;
  });
}

/** The comment, locked for this transaction, if it is on this proposal of this organization. */
async function lockComment(tx: Executor, orgId: string, proposalId: string, commentId: string) {
  const [row] = await tx
    .select()
    .from(comments)
    .where(and(eq(comments.id, commentId), eq(comments.proposalId, proposalId), eq(comments.orgId, orgId)))
    .for('update');
  if (!row) refuse('That comment is not on this proposal.');
  return row!;
}

/** The author rewrites their comment while comments are open; every version is kept (the original is revision 1) and the edit logged. */
export async function editComment(
  db: Database,
  actor: Actor,
  input: { orgId: string; proposalId: string; commentId: string; body: string },
  at: Date,
): Promise<{ revision: number }> {
  return db.transaction(async (tx) => {
    const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
    const { actions } = await proposalContext(tx, input.orgId, p, p.charter, actor, at);
    const c = await lockComment(tx, input.orgId, p.row.id, input.commentId);
    const rule = checkCommentChange({
      change: 'edit',
      isAuthor: c.authorId === actor.userId,
      commentsOpen: actions.has(c.isSubjectReply ? 'reply' : 'comment'),
      deleted: c.deletedAt !== null,
      isSubjectReply: c.isSubjectReply,
      unchanged: c.body === input.body,
    });
    if (!rule.ok) refuse(rule.reason);
    const [last] = await tx
      .select({ n: max(commentRevisions.revision) })
      .from(commentRevisions)
      .where(eq(commentRevisions.commentId, c.id));
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
    const rule = checkCommentChange({
      change: 'delete',
      isAuthor: c.authorId === actor.userId,
      commentsOpen: actions.has(c.isSubjectReply ? 'reply' : 'comment'),
      deleted: c.deletedAt !== null,
      isSubjectReply: c.isSubjectReply,
    });
    if (!rule.ok) refuse(rule.reason);
    await tx.update(comments).set({ deletedAt: at }).where(eq(comments.id, c.id));
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: 'comment.deleted',
      subject: `proposal:${p.row.id}`,
      payload: { number: p.row.number, commentId: c.id },
      at,
    });
  });
}

async function strengths(tx: Executor, orgId: string, charter: Charter, at: Date) {
  const seatRows = await listSeats(tx, orgId);
  return Object.fromEntries(charter.bodies.map((b) => [b.key, bodyStrength(b, seatRows, at)]));
}

/** Opens voting for the stage that is ready, if the rules allow. Used by the worker and by secretaries. */
export async function openVoting(
  tx: Executor,
  actorId: string | null,
  p: LoadedProposal & { charter: Charter },
  stageIndex: number,
  at: Date,
): Promise<boolean> {
  const rule = canOpenVoting({ record: p.record, charter: p.charter, stageIndex, strengths: await strengths(tx, p.row.orgId, p.charter, at), now: at });
  if (!rule.ok) return false;
  if (!(await appointmentReadyForVoting(tx, p)).ok) return false;
  const type = findType(p.charter, p.row.typeKey);
  const window = votingWindow(type, stageIndex, at);
  // A body filling vacancies by remaining majority: the number in office now is the base of this vote.
  // Those remaining in office are the holders who can act with their seat (observers' seats do not vote).
  const holdersInOffice = remainingMajorityBase({ charter: p.charter, type, stageIndex, seats: await listSeatsWhoseHoldersAct(tx, p.row.orgId) });
  await tx
    .update(proposalStages)
    .set({ opensAt: window.opensAt, closesAt: window.closesAt, holdersInOffice })
    .where(and(eq(proposalStages.proposalId, p.row.id), eq(proposalStages.stageIndex, stageIndex)));
  await appendLogEntry(tx, {
    orgId: p.row.orgId,
    actorId,
    kind: 'voting.opened',
    subject: `proposal:${p.row.id}`,
    payload: {
      number: p.row.number,
      stageIndex,
      bodyKey: type.stages[stageIndex]!.bodyKey,
      opensAt: window.opensAt.toISOString(),
      closesAt: window.closesAt.toISOString(),
      ...(holdersInOffice !== null ? { holdersInOffice } : {}),
    },
    at,
  });
  await enqueueVotingOpen(tx, {
    id: p.row.id,
    orgId: p.row.orgId,
    number: p.row.number,
    title: p.row.title,
    charter: p.charter,
    bodyKey: type.stages[stageIndex]!.bodyKey,
    stageIndex,
    closesAt: window.closesAt,
    at,
  });
  return true;
}

/** A seat appointment opens for voting only while it could still be carried out, and a class seat's appointee has declared. */
async function appointmentReadyForVoting(tx: Executor, p: LoadedProposal & { charter: Charter }): Promise<RuleResult> {
  if (findType(p.charter, p.row.typeKey).effect !== 'seat_appointment') return { ok: true };
  const refusal = await appointmentRefusal(tx, p.row.orgId, p.charter, p.row.typeKey, p.row.effect as AppointmentEffect, {
    requireDeclaration: true,
    proposalId: p.row.id,
  });
  return refusal ? refused('rule.refused', { reason: refusal.reason }) : { ok: true };
}

export async function requestOpenVoting(db: Database, actor: Actor, input: { orgId: string; proposalId: string }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
    const { phase, actions } = await proposalContext(tx, input.orgId, p, p.charter, actor, at);
    if (phase.kind !== 'ready_for_voting') {
      if (phase.kind === 'discussion' || phase.kind === 'awaiting_reply') {
        const rule = canOpenVoting({
          record: p.record,
          charter: p.charter,
          stageIndex: 0,
          strengths: await strengths(tx, input.orgId, p.charter, at),
          now: at,
        });
        if (!rule.ok) refuse(rule.reason);
      }
      refuse(`Voting cannot be opened: the proposal is ${phase.kind.replace(/_/g, ' ')}.`);
    }
    requireAction(actions, 'open_voting', phase, 'Only a secretary or admin can open voting');
    const rule = canOpenVoting({
      record: p.record,
      charter: p.charter,
      stageIndex: (phase as { stageIndex: number }).stageIndex,
      strengths: await strengths(tx, input.orgId, p.charter, at),
      now: at,
    });
    if (!rule.ok) refuse(rule.reason);
    const appointment = await appointmentReadyForVoting(tx, p);
    if (!appointment.ok) refuse(appointment.reason);
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
export async function castBallot(
  db: Database,
  actor: Actor,
  input: { orgId: string; proposalId: string; choice: BallotChoice; rationale: string | null },
  at: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    // Sent in this order, answered in one round trip: the proposal's lock and read, then the head's lock.
    // Only the ballots the rules read at `at` (not the open stage's, however many): nothing here counts them.
    const [p, head] = await settleBoth(
      loadOrRefuse(tx, input.orgId, input.proposalId, { seatsHeldBy: actor.userId, ballotsClosedBy: at }),
      lockLogHead(tx, input.orgId),
    );
    const phase = proposalPhase(p.record, p.charter, at);
    if (phase.kind !== 'voting') {
      const rule =
        phase.kind === 'discussion' || phase.kind === 'awaiting_reply' || phase.kind === 'ready_for_voting'
          ? canOpenVoting({
              record: p.record,
              charter: p.charter,
              stageIndex: 'stageIndex' in phase ? phase.stageIndex : 0,
              strengths: await strengths(tx, input.orgId, p.charter, at),
              now: at,
            })
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
    // Role, seat and phase here; canCastBallot then says why a recused seat does not vote.
    const permitted = mayAct(
      {
        role: actor.role,
        isAuthor: actor.userId === p.row.authorId,
        isSubject: actor.userId === p.row.subjectUserId,
        holdsSeatInStageBody: true,
        isRecused: false,
        phase,
      },
      'vote',
    );
    if (!permitted.ok) refuse(permitted.reason);
    const rule = canCastBallot({ record: p.record, charter: p.charter, stageIndex, seat: seat!, voterUserId: actor.userId, now: at });
    if (!rule.ok) refuse(rule.reason);
    // The id is made here so the log entry can name it without waiting for the INSERT.
    const voteId = randomUUID();
    const nonce = newBallotNonce();
    const writeBallot = writeCurrentBallot(tx, {
      id: voteId,
      proposalId: p.row.id,
      stageIndex,
      seatId: seat!.seatId,
      voterUserId: actor.userId,
      choice: input.choice,
      rationale: input.rationale,
      nonce,
      castAt: at,
    });
    const logBallot = appendAfterLockedHead(tx, head, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: 'ballot.cast',
      subject: `proposal:${p.row.id}`,
      // The choice stays sealed until the stage closes: the commitment hides it behind the secret
      // nonce (so trying the three choices reveals nothing), and binds it, so the roll call at
      // close cannot change it. Every field has the same length whatever the choice.
      payload: {
        number: p.row.number,
        stageIndex,
        seatId: seat!.seatId,
        voteId,
        commitmentScheme: BALLOT_COMMITMENT_SCHEME,
        commitment: ballotCommitment(voteId, input.choice, nonce),
      },
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
    const permitted = mayAct(
      {
        role: actor.role,
        isAuthor: actor.userId === p.row.authorId,
        isSubject: actor.userId === p.row.subjectUserId,
        holdsSeatInStageBody: true,
        isRecused: false,
        phase,
      },
      'recuse',
    );
    if (!permitted.ok) refuse(permitted.reason);
    const rule = canRecuse({ record: p.record, charter: p.charter, stageIndex, seat: seat!, voterUserId: actor.userId, now: at });
    if (!rule.ok) refuse(rule.reason);
    // As for ballots: `at` was read before the proposal's lock was granted, and the worker may
    // have recorded this stage's tally meanwhile; a recusal then would change a recorded result.
    if (p.stages.find((s) => s.stageIndex === stageIndex)?.closedRecordedAt) refuse('Voting has closed: the result has already been recorded.');
    const inserted = await tx
      .insert(recusals)
      .values({ proposalId: p.row.id, seatId: seat!.seatId, userId: actor.userId, reason: input.reason, createdAt: at })
      .onConflictDoNothing()
      .returning({ seatId: recusals.seatId });
    if (inserted.length === 0) refuse('You have already recused yourself from this proposal.');
    // A recused seat never votes: any ballot already cast from it stops counting.
    await tx
      .update(votes)
      .set({ isCurrent: false })
      .where(and(eq(votes.proposalId, p.row.id), eq(votes.seatId, seat!.seatId), eq(votes.isCurrent, true)));
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: 'recusal.declared',
      subject: `proposal:${p.row.id}`,
      payload: { number: p.row.number, seatId: seat!.seatId, reason: input.reason, phase: phase.kind },
      at,
    });
  });
}

async function logged(tx: Executor, orgId: string, subject: string, kind: string): Promise<boolean> {
  const rows = await tx
    .select({ seq: decisionLog.seq })
    .from(decisionLog)
    .where(and(eq(decisionLog.orgId, orgId), eq(decisionLog.subject, subject), eq(decisionLog.kind, kind)))
    .limit(1);
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
        await appendLogEntry(tx, {
          orgId,
          actorId: null,
          kind: 'proposal.discussion_closed',
          subject,
          payload: { number: p.row.number, closedAt: p.row.discussionClosesAt.toISOString() },
          at,
        });
        done.push('discussion_closed');
        continue;
      }
      const closable = p.stages.find((s) => s.closesAt && at >= s.closesAt && !s.closedRecordedAt);
      if (closable) {
        // stageOutcomes tallies only ballots inside the stage's window, as the pure rules define it.
        const tally: TallyResult | null = stageOutcomes(p.record, p.charter, at)[closable.stageIndex]?.tally ?? null;
        if (!tally) throw new Error(`stage ${closable.stageIndex} of proposal ${p.row.id} closed without a tally`);
        await tx
          .update(proposalStages)
          .set({ tally, closedRecordedAt: at })
          .where(and(eq(proposalStages.proposalId, p.row.id), eq(proposalStages.stageIndex, closable.stageIndex)));
        // The roll call discloses each current ballot's choice, the nonce that opens its commitment
        // (null for ballots cast before commitments had one) and its rationale, promised public
        // after close. Anyone can then check each against its `ballot.cast` entry.
        const rollCall = (
          await tx
            .select({
              voteId: votes.id,
              seatId: votes.seatId,
              voterUserId: votes.voterUserId,
              choice: votes.choice,
              nonce: votes.nonce,
              rationale: votes.rationale,
            })
            .from(votes)
            .where(and(eq(votes.proposalId, p.row.id), eq(votes.stageIndex, closable.stageIndex), eq(votes.isCurrent, true)))
        ).sort((a, b) => a.seatId.localeCompare(b.seatId));
        await appendLogEntry(tx, {
          orgId,
          actorId: null,
          kind: 'voting.closed',
          subject,
          payload: {
            number: p.row.number,
            stageIndex: closable.stageIndex,
            bodyKey: closable.bodyKey,
            tally,
            rollCall,
            ...(await charterReference(tx, orgId, p.row.charterVersion)),
          },
          at,
        });
        done.push(`stage_${closable.stageIndex}_closed`);
        continue;
      }
      if (phase.kind === 'ready_for_voting' && (await openVoting(tx, null, p, phase.stageIndex, at))) {
        done.push(`stage_${phase.stageIndex}_opened`);
        continue;
      }
      if ((phase.kind === 'passed' || phase.kind === 'rejected' || phase.kind === 'failed_quorum') && p.row.outcome === null) {
        await tx.update(proposals).set({ outcome: phase.kind, outcomeRecordedAt: at, updatedAt: at }).where(eq(proposals.id, p.row.id));
        await appendLogEntry(tx, {
          orgId,
          actorId: null,
          kind: 'proposal.decided',
          subject,
          payload: { number: p.row.number, outcome: phase.kind, ...(await charterReference(tx, orgId, p.row.charterVersion)) },
          at,
        });
        const lastTally = [...p.stages].reverse().find((st) => st.tally)?.tally ?? null;
        await enqueueDecision(tx, {
          id: p.row.id,
          orgId,
          number: p.row.number,
          title: p.row.title,
          typeKey: p.row.typeKey,
          charter: p.charter,
          outcome: phase.kind,
          tally: lastTally,
          at,
        });
        if (phase.kind === 'passed') await applyEffect(tx, p, at);
        done.push(phase.kind);
        continue;
      }
      if (phase.kind === 'lapsed' && p.row.outcome === 'passed') {
        await tx.update(proposals).set({ outcome: 'lapsed', outcomeRecordedAt: at, updatedAt: at }).where(eq(proposals.id, p.row.id));
        await appendLogEntry(tx, {
          orgId,
          actorId: null,
          kind: 'proposal.lapsed',
          subject,
          payload: { number: p.row.number, reason: 'Emergency decision not ratified in time.' },
          at,
        });
        await enqueueLapsed(tx, {
          id: p.row.id,
          orgId,
          number: p.row.number,
          title: p.row.title,
          typeKey: p.row.typeKey,
          charter: p.charter,
          deadline: emergencyStatus(p.record, p.charter, at).deadline,
          at,
        });
        done.push('lapsed');
        continue;
      }
      break;
    }
    return done;
  });
}

/**
 * The charter a decision was taken under, as the log names it: the version the proposal ran
 * under and that version's stored document hash, which the verifier matches against the entry
 * that adopted the version.
 */
async function charterReference(tx: Executor, orgId: string, version: number): Promise<{ charterVersion: number; charterDocumentHash: string }> {
  const [row] = await tx
    .select({ documentHash: charters.documentHash })
    .from(charters)
    .where(and(eq(charters.orgId, orgId), eq(charters.version, version)));
  if (!row) throw new Error(`charter version ${version} missing`);
  return { charterVersion: version, charterDocumentHash: row.documentHash };
}

async function applyEffect(tx: Executor, p: LoadedProposal & { charter: Charter }, at: Date): Promise<void> {
  const type = findType(p.charter, p.row.typeKey);
  const effect = p.row.effect as { seatId?: string; appointeeUserId?: string; proposedCharter?: Charter; ratifies?: string };
  const orgId = p.row.orgId;
  if (type.effect === 'charter_amendment' && effect.proposedCharter) {
    const active = await getActiveCharter(tx, orgId);
    const applied = applyCharterAmendment(active!.document, effect.proposedCharter);
    if (!applied.ok) {
      await appendLogEntry(tx, {
        orgId,
        actorId: null,
        kind: 'charter.amendment_failed',
        subject: `proposal:${p.row.id}`,
        payload: { errors: applied.errors },
        at,
      });
      return;
    }
    const plan = reconcileSeats(applied.charter, await listSeats(tx, orgId));
    if (!plan.ok) {
      await appendLogEntry(tx, {
        orgId,
        actorId: null,
        kind: 'charter.amendment_failed',
        subject: `proposal:${p.row.id}`,
        payload: { errors: [plan.reason] },
        at,
      });
      return;
    }
    for (const seatId of plan.plan.retire)
      await tx
        .update(seats)
        .set({ retiredAt: at })
        .where(and(eq(seats.orgId, orgId), eq(seats.id, seatId)));
    // Only vacant seats change class: a holder was not appointed for the new class.
    for (const r of plan.plan.reclassify)
      await tx
        .update(seats)
        .set({ seatClass: r.seatClass })
        .where(and(eq(seats.orgId, orgId), eq(seats.id, r.seatId), isNull(seats.holderUserId)));
    for (const add of plan.plan.add) {
      const [top] = await tx
        .select({ n: max(seats.position) })
        .from(seats)
        .where(and(eq(seats.orgId, orgId), eq(seats.bodyKey, add.bodyKey)));
      const start = (top?.n ?? 0) + 1;
      await tx.insert(seats).values(
        Array.from({ length: add.count }, (_, i) => ({
          orgId,
          bodyKey: add.bodyKey,
          position: start + i,
          seatClass: add.seatClass,
          holderUserId: null,
          vacatedAt: at,
        })),
      );
    }
    const documentHash = charterHash(applied.charter);
    await tx
      .insert(charters)
      .values({ orgId, version: applied.charter.version, document: applied.charter, documentHash, adoptedByProposalId: p.row.id, adoptedAt: at });
    await appendLogEntry(tx, {
      orgId,
      actorId: null,
      kind: 'charter.amended',
      subject: `charter:${applied.charter.version}`,
      payload: {
        version: applied.charter.version,
        documentHash,
        proposalNumber: p.row.number,
        seatsAdded: plan.plan.add,
        seatsRetired: plan.plan.retire,
        seatsReclassified: plan.plan.reclassify,
      },
      at,
    });
  }
  if ((type.effect === 'seat_appointment' || type.effect === 'seat_removal') && effect.seatId) {
    const [seat] = await tx
      .select()
      .from(seats)
      .where(and(eq(seats.orgId, orgId), eq(seats.id, effect.seatId), isNull(seats.retiredAt)))
      .for('update');
    if (!seat) return;
    let roleRefusal: string | null = null;
    const heldElsewhere =
      type.effect === 'seat_appointment' && effect.appointeeUserId
        ? (
            await tx
              .select({ position: seats.position })
              .from(seats)
              .where(and(eq(seats.orgId, orgId), eq(seats.bodyKey, seat.bodyKey), eq(seats.holderUserId, effect.appointeeUserId), isNull(seats.retiredAt)))
          )[0]
        : undefined;
    if (heldElsewhere) {
      // The appointee took another seat of this body after the vote opened: one person, one seat.
      const bodyName = p.charter.bodies.find((b) => b.key === seat.bodyKey)?.name.toLowerCase() ?? 'body';
      await appendLogEntry(tx, {
        orgId,
        actorId: null,
        kind: 'seat.change_skipped',
        subject: `seat:${seat.id}`,
        payload: {
          reason: `${await personName(tx, effect.appointeeUserId!)} already holds seat ${heldElsewhere.position} of the ${bodyName}; one person holds one seat per body.`,
          proposalNumber: p.row.number,
        },
        at,
      });
    } else if (
      type.effect === 'seat_appointment' &&
      effect.appointeeUserId &&
      (roleRefusal = await seatHolderRoleRefusal(tx, orgId, effect.appointeeUserId, { advise: false }))
    ) {
      // Removed, gone or made an observer while the appointment was decided: the seat is not filled.
      await appendLogEntry(tx, {
        orgId,
        actorId: null,
        kind: 'seat.change_skipped',
        subject: `seat:${seat.id}`,
        payload: { reason: roleRefusal, proposalNumber: p.row.number },
        at,
      });
    } else if (type.effect === 'seat_appointment' && seat.holderUserId === null && effect.appointeeUserId) {
      await tx.update(seats).set({ holderUserId: effect.appointeeUserId, vacatedAt: null, termStartedAt: at }).where(eq(seats.id, seat.id));
      await appendLogEntry(tx, {
        orgId,
        actorId: null,
        kind: 'seat.filled',
        subject: `seat:${seat.id}`,
        payload: { bodyKey: seat.bodyKey, position: seat.position, holderId: effect.appointeeUserId, proposalNumber: p.row.number },
        at,
      });
    } else if (type.effect === 'seat_removal' && seat.holderUserId && seat.holderUserId === p.row.subjectUserId) {
      await tx.update(seats).set({ holderUserId: null, vacatedAt: at, termEndsAt: at }).where(eq(seats.id, seat.id));
      await appendLogEntry(tx, {
        orgId,
        actorId: null,
        kind: 'seat.vacated',
        subject: `seat:${seat.id}`,
        payload: { bodyKey: seat.bodyKey, position: seat.position, formerHolderId: p.row.subjectUserId, proposalNumber: p.row.number },
        at,
      });
    } else {
      await appendLogEntry(tx, {
        orgId,
        actorId: null,
        kind: 'seat.change_skipped',
        subject: `seat:${seat.id}`,
        payload: { reason: 'The seat changed since the proposal was made.', proposalNumber: p.row.number },
        at,
      });
    }
  }
  if (effect.ratifies !== undefined) {
    // Re-checked at this instant: only a passed emergency decision that has not lapsed (nor been
    // ratified) is ratified; otherwise the log says why nothing was.
    const target = typeof effect.ratifies === 'string' && uuidShape.test(effect.ratifies) ? await loadProposalForChange(tx, orgId, effect.ratifies) : null;
    const normal = canRatifyWith(type, Boolean((p.row.effect as { emergency?: boolean }).emergency));
    const rule = !target?.charter
      ? { ok: false as const, reason: 'The proposal named for ratification does not exist in this organization.' }
      : !normal.ok
        ? normal
        : canBeRatified(target.record, target.charter, at);
    if (rule.ok && target) {
      await tx.update(proposals).set({ ratifiedAt: at, updatedAt: at }).where(eq(proposals.id, target.row.id));
      await appendLogEntry(tx, {
        orgId,
        actorId: null,
        kind: 'proposal.ratified',
        subject: `proposal:${target.row.id}`,
        payload: { number: target.row.number, byProposalNumber: p.row.number },
        at,
      });
    } else if (!rule.ok) {
      await appendLogEntry(tx, {
        orgId,
        actorId: null,
        kind: 'proposal.ratification_refused',
        subject: `proposal:${p.row.id}`,
        payload: { number: p.row.number, ratifiesNumber: target?.row.number ?? null, reason: rule.reason },
        at,
      });
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
