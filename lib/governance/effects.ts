/**
 * What a passed proposal changes (docs/design.md §3.10): a new charter version, or a seat filled or emptied.
 */
import { validateCharter } from './charter';
import { refused } from './refusal';
import type { Charter, ProposalEffect, RuleResult, SeatState } from './types';

export type AmendmentResult = { ok: true; charter: Charter } | { ok: false; errors: string[] };

/**
 * The charter after a passed charter_amendment. The amendment must have been drafted against
 * the current version (so a stale draft cannot silently undo an amendment passed meanwhile),
 * and the result must itself be a valid charter: an amendment cannot remove the protections.
 */
export function applyCharterAmendment(current: Charter, proposed: Charter): AmendmentResult {
  const next = current.version + 1;
  if (proposed.version !== current.version && proposed.version !== next) {
    return {
      ok: false,
      errors: [
        `This amendment was drafted against charter version ${proposed.version}, but the charter is at version ${current.version}. Redraft it against the current charter.`,
      ],
    };
  }
  const charter: Charter = { ...structuredClone(proposed), version: next };
  const validation = validateCharter(charter);
  if (!validation.ok) return { ok: false, errors: validation.errors };
  return { ok: true, charter };
}

export type SeatChangeInput = {
  effect: ProposalEffect;
  seat: SeatState;
  subjectUserId: string | null;
  appointeeUserId: string | null;
  /** The body the proposal fills or empties a seat of; when given, the seat must belong to it. */
  bodyKey?: string;
  /** The body's other seats: when given, an appointee may not already hold one (one person, one seat). */
  bodySeats?: SeatState[];
};

export function seatChangeAllowed({ effect, seat, subjectUserId, appointeeUserId, bodyKey, bodySeats }: SeatChangeInput): RuleResult {
  if (bodyKey !== undefined && seat.bodyKey !== bodyKey) return refused('seat.wrong_body', { body: bodyKey });
  if (effect === 'seat_appointment') {
    if (!appointeeUserId) return refused('seat.appointee_missing');
    if (seat.holderUserId !== null) return refused('seat.held');
    // Doubling a vote through two seats would be the quiet way to shrink a body.
    if (bodySeats?.some((s) => s.bodyKey === seat.bodyKey && s.seatId !== seat.seatId && s.holderUserId === appointeeUserId)) {
      return refused('seat.appointee_holds_seat');
    }
    return { ok: true };
  }
  if (effect === 'seat_removal') {
    if (!subjectUserId) return refused('seat.removal_subject_missing');
    if (seat.holderUserId !== subjectUserId) return refused('seat.not_held_by_subject');
    return { ok: true };
  }
  return refused('seat.no_seat_effect');
}
