import 'server-only';
import type { Executor } from '@/db/client';
import { getActiveCharter, insertCharter, listSeats } from '@/db/queries/charters';
import { appendLogEntry } from '@/db/queries/log';
import { updateProposal } from '@/db/queries/proposal-changes';
import { fillSeat, findSeat, insertVacantSeats, reclassifyVacantSeat, retireSeat, seatsHeldInBody, topSeatPosition, vacateSeat } from '@/db/queries/seats';
import type { SeatRow } from '@/db/queries/seats';
import { findType } from '@/lib/governance/charter';
import { applyCharterAmendment } from '@/lib/governance/effects';
import { canBeRatified, canRatifyWith } from '@/lib/governance/emergency';
import { reconcileSeats } from '@/lib/governance/reconcile';
import type { Charter, ProposalTypeSpec } from '@/lib/governance/types';
import { charterHash } from '@/lib/log/charter-hash';
import { personName, seatHolderRoleRefusal } from './actor';
import type { ProposalInHand } from './actor';
import { seatElected } from './elections';
import { loadRatificationTarget } from './ratification';
import { ratifyRollCall } from './roll-call-ratification';
import { applyWeightChange } from './weights';

type Effect = { seatId?: string; appointeeUserId?: string; proposedCharter?: Charter; ratifies?: string; ratifiesRollCall?: string };

/** What a passed proposal does, in the transaction that records its outcome: amend the charter, fill or empty a seat, set a member's weight, ratify. */
export async function applyEffect(tx: Executor, p: ProposalInHand, at: Date): Promise<void> {
  const type = findType(p.charter, p.row.typeKey);
  const effect = p.row.effect as Effect;
  if (type.effect === 'charter_amendment' && effect.proposedCharter) await amendCharter(tx, p, effect.proposedCharter, at);
  if ((type.effect === 'seat_appointment' || type.effect === 'seat_removal') && effect.seatId) await changeSeat(tx, p, type, effect, effect.seatId, at);
  if (type.effect === 'seat_election') await seatElected(tx, p, at);
  if (type.effect === 'membership_weight') await applyWeightChange(tx, p, at);
  if (effect.ratifies !== undefined) await ratify(tx, p, type, effect.ratifies, at);
  if (effect.ratifiesRollCall !== undefined) await ratifyRollCall(tx, p, type, effect.ratifiesRollCall, at);
}

async function amendCharter(tx: Executor, p: ProposalInHand, proposedCharter: Charter, at: Date): Promise<void> {
  const orgId = p.row.orgId;
  const active = await getActiveCharter(tx, orgId);
  const applied = applyCharterAmendment(active!.document, proposedCharter);
  const plan = applied.ok ? reconcileSeats(applied.charter, await listSeats(tx, orgId)) : null;
  if (!applied.ok || !plan!.ok) {
    await appendLogEntry(tx, {
      orgId,
      actorId: null,
      kind: 'charter.amendment_failed',
      subject: `proposal:${p.row.id}`,
      payload: { errors: !applied.ok ? applied.errors : [(plan as { reason: string }).reason] },
      at,
    });
    return;
  }
  const seatPlan = plan!.plan;
  for (const seatId of seatPlan.retire) await retireSeat(tx, orgId, seatId, at);
  // Only vacant seats change class: a holder was not appointed for the new class.
  for (const r of seatPlan.reclassify) await reclassifyVacantSeat(tx, orgId, r.seatId, r.seatClass);
  for (const add of seatPlan.add) {
    const firstPosition = (await topSeatPosition(tx, orgId, add.bodyKey)) + 1;
    await insertVacantSeats(tx, { orgId, bodyKey: add.bodyKey, firstPosition, seatClasses: Array.from({ length: add.count }, () => add.seatClass), at });
  }
  const documentHash = charterHash(applied.charter);
  await insertCharter(tx, { orgId, version: applied.charter.version, document: applied.charter, documentHash, adoptedByProposalId: p.row.id, adoptedAt: at });
  await appendLogEntry(tx, {
    orgId,
    actorId: null,
    kind: 'charter.amended',
    subject: `charter:${applied.charter.version}`,
    payload: {
      version: applied.charter.version,
      documentHash,
      proposalNumber: p.row.number,
      seatsAdded: seatPlan.add,
      seatsRetired: seatPlan.retire,
      seatsReclassified: seatPlan.reclassify,
    },
    at,
  });
}

async function changeSeat(tx: Executor, p: ProposalInHand, type: ProposalTypeSpec, effect: Effect, seatId: string, at: Date): Promise<void> {
  const orgId = p.row.orgId;
  const seat = await findSeat(tx, orgId, seatId, { forUpdate: true });
  if (!seat) return;
  const skipped = (reason: string) =>
    appendLogEntry(tx, {
      orgId,
      actorId: null,
      kind: 'seat.change_skipped',
      subject: `seat:${seat.id}`,
      payload: { reason, proposalNumber: p.row.number },
      at,
    });
  const appointee = type.effect === 'seat_appointment' && effect.appointeeUserId ? effect.appointeeUserId : null;
  const heldElsewhere = appointee ? (await seatsHeldInBody(tx, orgId, seat.bodyKey, appointee))[0] : undefined;
  if (heldElsewhere) {
    // The appointee took another seat of this body after the vote opened: one person, one seat.
    const bodyName = p.charter.bodies.find((b) => b.key === seat.bodyKey)?.name.toLowerCase() ?? 'body';
    await skipped(`${await personName(tx, appointee!)} already holds seat ${heldElsewhere.position} of the ${bodyName}; one person holds one seat per body.`);
    return;
  }
  // Removed, gone or made an observer while the appointment was decided: the seat is not filled.
  const roleRefusal = appointee ? await seatHolderRoleRefusal(tx, orgId, appointee, { advise: false }) : null;
  if (roleRefusal) await skipped(roleRefusal.reason);
  else if (appointee && seat.holderUserId === null) await fill(tx, p, seat, appointee, at);
  else if (type.effect === 'seat_removal' && seat.holderUserId && seat.holderUserId === p.row.subjectUserId) await vacate(tx, p, seat, at);
  else await skipped('The seat changed since the proposal was made.');
}

async function fill(tx: Executor, p: ProposalInHand, seat: SeatRow, holderId: string, at: Date): Promise<void> {
  await fillSeat(tx, seat.id, holderId, at);
  await appendLogEntry(tx, {
    orgId: p.row.orgId,
    actorId: null,
    kind: 'seat.filled',
    subject: `seat:${seat.id}`,
    payload: { bodyKey: seat.bodyKey, position: seat.position, holderId, proposalNumber: p.row.number },
    at,
  });
}

async function vacate(tx: Executor, p: ProposalInHand, seat: SeatRow, at: Date): Promise<void> {
  await vacateSeat(tx, seat.id, at);
  await appendLogEntry(tx, {
    orgId: p.row.orgId,
    actorId: null,
    kind: 'seat.vacated',
    subject: `seat:${seat.id}`,
    payload: { bodyKey: seat.bodyKey, position: seat.position, formerHolderId: p.row.subjectUserId, proposalNumber: p.row.number },
    at,
  });
}

/**
 * Re-checked at this instant: only a passed emergency decision that has not lapsed (nor been
 * ratified) is ratified; otherwise the log says why nothing was.
 */
async function ratify(tx: Executor, p: ProposalInHand, type: ProposalTypeSpec, ratifies: unknown, at: Date): Promise<void> {
  const orgId = p.row.orgId;
  const target = await loadRatificationTarget(tx, orgId, ratifies);
  const normal = canRatifyWith(type, Boolean((p.row.effect as { emergency?: boolean }).emergency));
  const rule = !target?.charter
    ? { ok: false as const, reason: 'The proposal named for ratification does not exist in this organization.' }
    : !normal.ok
      ? normal
      : canBeRatified(target.record, target.charter, at);
  if (rule.ok && target) {
    await updateProposal(tx, target.row.id, { ratifiedAt: at, updatedAt: at });
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
