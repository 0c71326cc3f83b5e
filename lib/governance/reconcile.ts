import type { Charter, RuleResult, SeatState } from './types';

export type SeatPlan = {
  /** New vacant seats to create, per body: the next positions after the current highest. */
  add: { bodyKey: string; seatClass: string; count: number }[];
  /** Vacant seats to retire (highest positions first) because the charter now has fewer. */
  retire: string[];
};

/**
 * What a charter amendment does to the seats (DESIGN §3.10). Growing a body adds vacant seats —
 * their vacancy clocks start at once. Shrinking retires only vacant seats: an amendment can
 * never unseat a holder by deleting their seat (removal has its own proposal, with a reply).
 */
export function reconcileSeats(charter: Charter, seats: (SeatState & { position: number })[]): { ok: true; plan: SeatPlan } | { ok: false; reason: string } {
  const plan: SeatPlan = { add: [], retire: [] };
  const bodyKeys = new Set(charter.bodies.map((b) => b.key));
  for (const seat of seats) {
    if (!bodyKeys.has(seat.bodyKey)) {
      if (seat.holderUserId) return { ok: false, reason: `The amendment removes the body "${seat.bodyKey}", but its seat ${seat.position} is held. Seat holders leave by removal or resignation first.` };
      plan.retire.push(seat.seatId);
    }
  }
  for (const body of charter.bodies) {
    const current = seats.filter((s) => s.bodyKey === body.key).sort((a, b) => b.position - a.position);
    const difference = body.charterSeats - current.length;
    if (difference > 0) plan.add.push({ bodyKey: body.key, seatClass: 'general', count: difference });
    if (difference < 0) {
      const vacant = current.filter((s) => !s.holderUserId);
      if (vacant.length < -difference) {
        return { ok: false, reason: `The amendment gives the ${body.name} ${body.charterSeats} seats, but ${current.length - vacant.length} are held. Only vacant seats can be retired.` };
      }
      plan.retire.push(...vacant.slice(0, -difference).map((s) => s.seatId));
    }
  }
  return { ok: true, plan };
}

export function checkSeatReconciliation(charter: Charter, seats: (SeatState & { position: number })[]): RuleResult {
  const result = reconcileSeats(charter, seats);
  return result.ok ? { ok: true } : { ok: false, reason: result.reason };
}
