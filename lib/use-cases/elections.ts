import 'server-only';
import type { Database, Executor } from '@/db/client';
import { listSeats } from '@/db/queries/charters';
import { appendLogEntry } from '@/db/queries/log';
import { stakeholderGroupOf } from '@/db/queries/member-lookups';
import { answerNominationRow, findNomination, insertNomination, listNominations, renominate } from '@/db/queries/nominations';
import { updateProposal } from '@/db/queries/proposal-changes';
import { fillSeat, findSeat, seatsHeldInBody } from '@/db/queries/seats';
import { findType } from '@/lib/governance/charter';
import { ballotNames, ballotOrder, electionPlan, nominationsOpen, seatingPlan, unopposedSentence } from '@/lib/governance/election';
import type { ElectionEffect } from '@/lib/governance/election';
import { findBody } from '@/lib/governance/lookup';
import { proposalPhase } from '@/lib/governance/phase';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import { hasRole } from '@/lib/governance/roles';
import { classEligibility, defaultDeclaration, isClassSeat, seatClassLabel } from '@/lib/governance/seat-class';
import type { Charter, ProposalTypeSpec, RuleResult } from '@/lib/governance/types';
import { canAppointToBody } from '@/lib/governance/vacancy';
import { phaseParam } from '@/lib/governance/refusal-facts';
import { enqueueNotice } from '@/lib/notify/outbox';
import { getUserName } from '@/db/queries/users';
import { loadOrRefuse, logProposalAct, personName, seatHolderRoleRefusal } from './actor';
import type { Actor, ProposalInHand } from './actor';
import { requireOrganizationWritable } from './writable';

type ElectionInput = { orgId: string; proposalId: string };

/** The election's body and class as the draft names them, checked: a body this type may fill, with a vacant seat of that class now. */
export async function checkElectionDraft(
  tx: Executor,
  orgId: string,
  charter: Charter,
  type: ProposalTypeSpec,
  effect: Record<string, unknown>,
): Promise<ElectionEffect> {
  const bodyKey = typeof effect.bodyKey === 'string' ? effect.bodyKey : '';
  const seatClass = typeof effect.seatClass === 'string' ? effect.seatClass : '';
  const body = charter.bodies.find((b) => b.key === bodyKey);
  if (!body || seatClass === '') refuse('election.seats_required', undefined, 'electionSeats');
  const seats = await listSeats(tx, orgId);
  const authority = canAppointToBody({ charter, type, seatBodyKey: bodyKey, seats });
  if (!authority.ok) refuseRule(authority, 'electionSeats');
  const vacant = seats.filter((s) => s.bodyKey === bodyKey && s.seatClass === seatClass && s.holderUserId === null);
  if (vacant.length === 0) refuse('election.no_vacancy', { body: body!.name.toLowerCase(), seatClass: seatClassLabel(seatClass) }, 'electionSeats');
  return { bodyKey, seatClass };
}

/**
 * Whether the election may open now: the deciding body may still fill the elected body's
 * vacancies (the rule may have changed since publication: e.g. the other body fills them only
 * while the body is empty). Asked by the worker and a secretary's request before freezing.
 */
export async function electionReadyForVoting(tx: Executor, p: ProposalInHand): Promise<RuleResult> {
  const type = findType(p.charter, p.row.typeKey);
  if (type.effect !== 'seat_election') return { ok: true };
  const effect = p.row.effect as unknown as ElectionEffect;
  return canAppointToBody({ charter: p.charter, type, seatBodyKey: effect.bodyKey, seats: await listSeats(tx, p.row.orgId) });
}

/** The election in hand: a seat-election proposal, locked, with its effect; refuses anything else. */
async function electionInHand(tx: Executor, input: ElectionInput): Promise<{ p: ProposalInHand; effect: ElectionEffect; type: ProposalTypeSpec }> {
  const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
  const type = findType(p.charter, p.row.typeKey);
  if (type.effect !== 'seat_election') refuse('election.not_election');
  return { p, effect: p.row.effect as unknown as ElectionEffect, type };
}

function requireNominationsOpen(p: ProposalInHand, at: Date): void {
  const phase = proposalPhase(p.record, p.charter, at);
  if (!nominationsOpen(phase)) refuse('election.nominations_closed', phaseParam(phase));
}

/**
 * A member nominates a member (themselves included) for the election's seats, during the
 * comment window. The nominee is told, and must accept before voting opens to be a candidate.
 */
export async function nominateCandidate(db: Database, actor: Actor, input: ElectionInput & { nomineeUserId: string }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await requireOrganizationWritable(tx, input.orgId);
    const { p, effect } = await electionInHand(tx, input);
    requireNominationsOpen(p, at);
    if (!hasRole(actor.role, 'member')) refuse('election.nominator_not_member');
    const roleRefusal = await seatHolderRoleRefusal(tx, input.orgId, input.nomineeUserId, { advise: true });
    if (roleRefusal) refuseRule(roleRefusal, 'nomineeUserId');
    const name = await personName(tx, input.nomineeUserId);
    const held = (await seatsHeldInBody(tx, input.orgId, effect.bodyKey, input.nomineeUserId))[0];
    if (held)
      refuse('election.nominee_holds_seat', { name, position: held.position, body: findBody(p.charter, effect.bodyKey).name.toLowerCase() }, 'nomineeUserId');
    const existing = await findNomination(tx, p.row.id, input.nomineeUserId);
    if (existing && (existing.status === 'nominated' || existing.status === 'accepted')) refuse('election.already_nominated', { name }, 'nomineeUserId');
    // Someone who said no is not nominated again by others; they may stand again themselves.
    if (existing && actor.userId !== input.nomineeUserId) refuse('election.nominee_declined', { name }, 'nomineeUserId');
    if (existing) await renominate(tx, existing.id, { nominatorUserId: actor.userId, at });
    else await insertNomination(tx, { proposalId: p.row.id, nomineeUserId: input.nomineeUserId, nominatorUserId: actor.userId, at });
    await logProposalAct(tx, actor, p.row, 'nomination.made', at, { nomineeUserId: input.nomineeUserId, bodyKey: effect.bodyKey, seatClass: effect.seatClass });
    if (actor.userId !== input.nomineeUserId) {
      // The nominee is always told (a mandatory notice), so a nomination cannot go unanswered unseen.
      await enqueueNotice(tx, {
        orgId: input.orgId,
        key: `nomination:${p.row.id}:${input.nomineeUserId}:${at.getTime()}`,
        kind: 'nomination',
        payload: {
          number: p.row.number,
          title: p.row.title,
          actorName: (await getUserName(tx, actor.userId))?.name ?? null,
          closesAt: p.row.discussionClosesAt?.toISOString(),
        },
        recipients: [{ userId: input.nomineeUserId, mandatory: true }],
        at,
      });
    }
  });
}

export type NominationAnswer = 'accept' | 'decline' | 'withdraw';

/**
 * The nominee answers, in their own name, during the comment window: accepts (for a class seat,
 * making the class's declaration, which is logged), declines, or withdraws an acceptance.
 */
export async function answerNomination(
  db: Database,
  actor: Actor,
  input: ElectionInput & { answer: NominationAnswer; declarationConfirmed: boolean },
  at: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await requireOrganizationWritable(tx, input.orgId);
    const { p, effect } = await electionInHand(tx, input);
    requireNominationsOpen(p, at);
    const nomination = await findNomination(tx, p.row.id, actor.userId);
    if (!nomination || nomination.status === 'declined' || nomination.status === 'withdrawn') refuse('election.not_nominated');
    if (input.answer === 'withdraw') {
      if (nomination!.status !== 'accepted') refuse('election.nothing_to_withdraw');
      await answerNominationRow(tx, nomination!.id, { status: 'withdrawn', declaration: null, at });
      await logProposalAct(tx, actor, p.row, 'nomination.withdrawn', at, { nomineeUserId: actor.userId });
      return;
    }
    if (nomination!.status === 'accepted') refuse('election.already_accepted');
    if (input.answer === 'decline') {
      await answerNominationRow(tx, nomination!.id, { status: 'declined', declaration: null, at });
      await logProposalAct(tx, actor, p.row, 'nomination.declined', at, { nomineeUserId: actor.userId });
      return;
    }
    const roleRefusal = await seatHolderRoleRefusal(tx, input.orgId, actor.userId, { advise: false });
    if (roleRefusal) refuseRule(roleRefusal);
    const held = (await seatsHeldInBody(tx, input.orgId, effect.bodyKey, actor.userId))[0];
    if (held) {
      const body = findBody(p.charter, effect.bodyKey).name.toLowerCase();
      refuse('election.nominee_holds_seat', { name: await personName(tx, actor.userId), position: held.position, body });
    }
    let declaration: string | null = null;
    if (isClassSeat(effect.seatClass)) {
      if (!input.declarationConfirmed) refuse('election.declaration_required', { seatClass: seatClassLabel(effect.seatClass) }, 'declarationConfirmed');
      declaration = defaultDeclaration(effect.seatClass);
      const eligible = classEligibility({
        seatClass: effect.seatClass,
        attestation: { seatClass: effect.seatClass, declaration, declaredByAppointee: true },
        stakeholderGroup: await stakeholderGroupOf(tx, input.orgId, actor.userId),
      });
      if (!eligible.ok) refuseRule(eligible);
    }
    await answerNominationRow(tx, nomination!.id, { status: 'accepted', declaration, at });
    await logProposalAct(tx, actor, p.row, 'nomination.accepted', at, {
      nomineeUserId: actor.userId,
      seatClass: effect.seatClass,
      ...(declaration ? { declaration } : {}),
    });
  });
}

/**
 * Voting opens on an election: the seats are the body's vacant seats of the class now; the
 * candidates are the accepted nominees still able to take a seat, in alphabetical order. With no
 * more candidates than seats there is no vote: they are elected unopposed (logged, and the
 * proposal passes now). Otherwise the candidates become the ballot's options. Returns whether a
 * vote opens.
 */
export async function freezeElection(tx: Executor, p: ProposalInHand, at: Date): Promise<'contested' | 'unopposed'> {
  const effect = p.row.effect as unknown as ElectionEffect;
  const seats = await listSeats(tx, p.row.orgId);
  const seatIds = seats.filter((s) => s.bodyKey === effect.bodyKey && s.seatClass === effect.seatClass && s.holderUserId === null).map((s) => s.seatId);
  const accepted = (await listNominations(tx, p.row.id)).filter((n) => n.status === 'accepted');
  const candidates: { userId: string; name: string }[] = [];
  const dropped: { userId: string; reason: string }[] = [];
  for (const n of accepted) {
    const refusal = await seatHolderRoleRefusal(tx, p.row.orgId, n.nomineeUserId, { advise: false });
    const held = seats.find((s) => s.bodyKey === effect.bodyKey && s.holderUserId === n.nomineeUserId);
    if (refusal) dropped.push({ userId: n.nomineeUserId, reason: refusal.reason });
    else if (held) dropped.push({ userId: n.nomineeUserId, reason: `Holds seat ${held.position} of the body already.` });
    else candidates.push({ userId: n.nomineeUserId, name: n.nomineeName?.trim() || (await personName(tx, n.nomineeUserId)) });
  }
  const ordered = ballotOrder(candidates);
  const names = ballotNames(ordered);
  const plan = electionPlan(
    seatIds.length,
    ordered.map((c) => c.userId),
  );
  const frozen: ElectionEffect = { ...effect, seatIds, candidates: ordered.map((c) => c.userId), unopposed: plan.kind === 'unopposed' };
  const payload = {
    bodyKey: effect.bodyKey,
    seatClass: effect.seatClass,
    seats: seatIds.length,
    seatIds,
    candidates: ordered.map((c, i) => ({ userId: c.userId, name: names[i] })),
    ...(dropped.length ? { dropped } : {}),
  };
  const unopposed = plan.kind === 'unopposed';
  await updateProposal(tx, p.row.id, {
    effect: frozen as unknown as Record<string, unknown>,
    ...(unopposed ? { decidedUnopposedAt: at } : { options: names }),
    updatedAt: at,
  });
  await appendLogEntry(tx, {
    orgId: p.row.orgId,
    actorId: null,
    kind: unopposed ? 'election.unopposed' : 'election.candidates_frozen',
    subject: `proposal:${p.row.id}`,
    payload: {
      number: p.row.number,
      ...payload,
      ...(unopposed ? { leftVacant: plan.leftVacant, statement: unopposedSentence(names, plan.leftVacant) } : {}),
    },
    at,
  });
  return unopposed ? 'unopposed' : 'contested';
}

/**
 * A passed election seats the elected, in order of election, in the frozen seats in order of
 * position — each re-checked now: a seat filled meanwhile, or a person who left, took another
 * seat of the body or became an observer, is skipped, with the reason logged.
 */
export async function seatElected(tx: Executor, p: ProposalInHand, at: Date): Promise<void> {
  const effect = p.row.effect as unknown as ElectionEffect;
  const candidates = effect.candidates ?? [];
  const elected = effect.unopposed
    ? candidates
    : ((p.stages[0]?.tally?.choice?.count?.result.elected ?? []) as readonly number[]).map((i) => candidates[i]).filter((u): u is string => u !== undefined);
  const orgId = p.row.orgId;
  const skipped = (subject: string, reason: string) =>
    appendLogEntry(tx, { orgId, actorId: null, kind: 'seat.change_skipped', subject, payload: { reason, proposalNumber: p.row.number }, at });
  const free: string[] = [];
  for (const seatId of effect.seatIds ?? []) {
    const seat = await findSeat(tx, orgId, seatId, { forUpdate: true });
    if (seat && seat.holderUserId === null && seat.retiredAt === null) free.push(seat.id);
  }
  const plan = seatingPlan(free, elected);
  for (const userId of elected.slice(plan.length))
    await skipped(`user:${userId}`, `${await personName(tx, userId)} was elected, but no seat of the election is still vacant.`);
  for (const { seatId, userId } of plan) {
    const seat = (await findSeat(tx, orgId, seatId, { forUpdate: true }))!;
    const roleRefusal = await seatHolderRoleRefusal(tx, orgId, userId, { advise: false });
    const heldElsewhere = (await seatsHeldInBody(tx, orgId, seat.bodyKey, userId))[0];
    if (roleRefusal) await skipped(`seat:${seat.id}`, roleRefusal.reason);
    else if (heldElsewhere)
      await skipped(
        `seat:${seat.id}`,
        `${await personName(tx, userId)} already holds seat ${heldElsewhere.position} of the body; one person holds one seat per body.`,
      );
    else {
      await fillSeat(tx, seat.id, userId, at);
      await appendLogEntry(tx, {
        orgId,
        actorId: null,
        kind: 'seat.filled',
        subject: `seat:${seat.id}`,
        payload: { bodyKey: seat.bodyKey, position: seat.position, holderId: userId, proposalNumber: p.row.number, elected: true },
        at,
      });
    }
  }
}
