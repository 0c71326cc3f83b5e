import 'server-only';
import type { Database, Executor } from '@/db/client';
import { listSeats } from '@/db/queries/charters';
import { hasLogEntry } from '@/db/queries/log-lookups';
import { stakeholderGroupOf } from '@/db/queries/member-lookups';
import { findType } from '@/lib/governance/charter';
import type { MessageParams, RefusalCode } from '@/lib/governance/messages';
import { proposalPhase } from '@/lib/governance/phase';
import { refuse, refused } from '@/lib/governance/refusal';
import { classEligibility, isClassSeat } from '@/lib/governance/seat-class';
import type { Charter, RuleResult } from '@/lib/governance/types';
import { canAppointToBody, oneSeatPerBody } from '@/lib/governance/vacancy';
import { loadOrRefuse, logProposalAct, personName, seatHolderRoleRefusal } from './actor';
import type { Actor, ProposalInHand } from './actor';
import { requireOrganizationWritable } from './writable';

export const APPOINTEE_DECLARED = 'appointment.declared';

export type AppointmentEffect = { seatId?: unknown; appointeeUserId?: unknown; seatClass?: unknown; declaration?: unknown };

/** Why an appointment cannot go ahead: the refusal (its code when it has one, its words) and the form field it concerns. */
export type AppointmentRefusal = { ok: false; reason: string; code?: RefusalCode; params?: MessageParams; field: string };

const onField = (result: { ok: false; reason: string; code?: RefusalCode; params?: MessageParams }, field: string): AppointmentRefusal => ({
  ...result,
  field,
});

/**
 * Why this seat appointment cannot go ahead now (null: it can). Checked when drafted, at
 * publication, when voting opens and (the seat-holding parts) when applied: the seat is vacant,
 * the deciding body may fill it, the appointee holds no other seat of the body, and a class
 * seat's appointee is eligible — by their own declaration, logged before voting opens
 * (`requireDeclaration`).
 */
export async function appointmentRefusal(
  tx: Executor,
  orgId: string,
  charter: Charter,
  typeKey: string,
  effect: AppointmentEffect,
  opts: { requireDeclaration: boolean; proposalId?: string },
): Promise<AppointmentRefusal | null> {
  const type = findType(charter, typeKey);
  const seatsNow = await listSeats(tx, orgId);
  const seat = seatsNow.find((s) => s.seatId === effect.seatId);
  if (!seat) return onField(refused('appointment.seat_gone'), 'seatId');
  if (seat.holderUserId !== null) return onField(refused('appointment.seat_taken', { position: seat.position }), 'seatId');
  const body = charter.bodies.find((b) => b.key === seat.bodyKey);
  if (!body) return onField(refused('appointment.body_unknown'), 'seatId');
  const authority = canAppointToBody({ charter, type, seatBodyKey: body.key, seats: seatsNow });
  if (!authority.ok) return onField(authority, 'seatId');
  const appointee = typeof effect.appointeeUserId === 'string' ? effect.appointeeUserId : null;
  if (!appointee) return onField(refused('appointment.appointee_missing'), 'appointeeUserId');
  // Asked again at every step up to the seat being filled: a person removed from the organization
  // (or made an observer) meanwhile must not be seated by an appointment passed before.
  const roleRefusal = await seatHolderRoleRefusal(tx, orgId, appointee, { advise: true });
  if (roleRefusal) return onField(roleRefusal, 'appointeeUserId');
  const oneSeat = oneSeatPerBody({ seats: seatsNow, seat, appointeeUserId: appointee, appointeeName: await personName(tx, appointee), bodyName: body.name });
  if (!oneSeat.ok) return onField(oneSeat, 'appointeeUserId');
  if (isClassSeat(seat.seatClass)) {
    const stakeholderGroup = await stakeholderGroupOf(tx, orgId, appointee);
    const declaredByAppointee =
      opts.requireDeclaration && opts.proposalId
        ? await hasLogEntry(tx, orgId, `proposal:${opts.proposalId}`, APPOINTEE_DECLARED, appointee)
        : !opts.requireDeclaration;
    const declaration = typeof effect.declaration === 'string' ? effect.declaration : '';
    const eligible = classEligibility({
      seatClass: seat.seatClass,
      attestation: typeof effect.seatClass === 'string' ? { seatClass: effect.seatClass, declaration, declaredByAppointee } : null,
      stakeholderGroup,
    });
    if (!eligible.ok) return onField(eligible, 'appointeeUserId');
  }
  return null;
}

/** A seat appointment opens for voting only while it could still be carried out, and a class seat's appointee has declared. */
export async function appointmentReadyForVoting(tx: Executor, p: ProposalInHand): Promise<RuleResult | AppointmentRefusal> {
  if (findType(p.charter, p.row.typeKey).effect !== 'seat_appointment') return { ok: true };
  const refusal = await appointmentRefusal(tx, p.row.orgId, p.charter, p.row.typeKey, p.row.effect as AppointmentEffect, {
    requireDeclaration: true,
    proposalId: p.row.id,
  });
  return refusal ?? { ok: true };
}

/**
 * The appointee of a class seat declares, in their own name, that they qualify (e.g. that they
 * are independent of management). The declaration is its own log entry; voting cannot open
 * without it.
 */
export async function declareAppointeeEligibility(db: Database, actor: Actor, input: { orgId: string; proposalId: string }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    // Archived organizations take no new writes (organizationWritable).
    await requireOrganizationWritable(tx, input.orgId);
    const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
    const type = findType(p.charter, p.row.typeKey);
    const effect = p.row.effect as AppointmentEffect;
    if (
      type.effect !== 'seat_appointment' ||
      typeof effect.seatClass !== 'string' ||
      !isClassSeat(effect.seatClass) ||
      typeof effect.declaration !== 'string'
    ) {
      refuse('appointment.nothing_to_declare');
    }
    if (effect.appointeeUserId !== actor.userId) refuse('appointment.declarer_not_appointee');
    const phase = proposalPhase(p.record, p.charter, at);
    if (phase.kind !== 'discussion' && phase.kind !== 'awaiting_reply' && phase.kind !== 'awaiting_answers' && phase.kind !== 'ready_for_voting') {
      refuse(phase.kind === 'draft' ? 'appointment.declaration_before_publication' : 'appointment.declaration_after_voting');
    }
    if (await hasLogEntry(tx, input.orgId, `proposal:${p.row.id}`, APPOINTEE_DECLARED, actor.userId)) refuse('appointment.already_declared');
    await logProposalAct(tx, actor, p.row, APPOINTEE_DECLARED, at, { seatId: effect.seatId, seatClass: effect.seatClass, declaration: effect.declaration });
  });
}
