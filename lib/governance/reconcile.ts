import { refused } from './refusal';
import type { Refused } from './refusal';
import type { Charter, RuleResult, SeatState } from './types';

export type SeatPlan = {
  /** New vacant seats to create, per body and class: the next positions after the current highest. */
  add: { bodyKey: string; seatClass: string; count: number }[];
  /** Vacant seats to retire (highest positions first) because the charter now has fewer. */
  retire: string[];
  /** Vacant seats whose class changes so that a raised class minimum can be met. */
  reclassify: { seatId: string; seatClass: string }[];
};

/**
 * What a charter amendment does to the seats (docs/design.md §3.10). Growing a body adds vacant seats —
 * their vacancy clocks start at once. Shrinking retires only vacant seats: an amendment can
 * never unseat a holder by deleting their seat (removal has its own proposal, with a reply).
 *
 * Seat classes: a raised class minimum must be reachable, or the body could never be at full
 * strength. New seats take the classes still short first; then vacant general seats are
 * reclassified. A held seat never changes class (its holder was not appointed for that class).
 */
export function reconcileSeats(charter: Charter, seats: (SeatState & { position: number })[]): { ok: true; plan: SeatPlan } | Refused {
  const plan: SeatPlan = { add: [], retire: [], reclassify: [] };
  const bodyKeys = new Set(charter.bodies.map((b) => b.key));
  for (const seat of seats) {
    if (!bodyKeys.has(seat.bodyKey)) {
      if (seat.holderUserId) return refused('amendment.removes_held_body', { body: seat.bodyKey, position: seat.position });
      plan.retire.push(seat.seatId);
    }
  }
  for (const body of charter.bodies) {
    const current = seats.filter((s) => s.bodyKey === body.key).sort((a, b) => b.position - a.position);
    const difference = body.charterSeats - current.length;
    // Seats each class still lacks against its (possibly raised) minimum.
    const short = new Map<string, number>();
    for (const [seatClass, minimum] of Object.entries(body.seatClassMinimums)) {
      const have = current.filter((s) => s.seatClass === seatClass).length;
      if (minimum > have) short.set(seatClass, minimum - have);
    }
    let kept = current;
    if (difference < 0) {
      // Retire vacant seats whose class is not needed first, highest positions first.
      const needed = (s: SeatState) => (body.seatClassMinimums[s.seatClass] ?? 0) >= current.filter((c) => c.seatClass === s.seatClass).length;
      const vacant = current.filter((s) => !s.holderUserId).sort((a, b) => Number(needed(a)) - Number(needed(b)) || b.position - a.position);
      if (vacant.length < -difference) {
        return refused('amendment.retires_held_seats', { body: body.name, charterSeats: body.charterSeats, held: current.length - vacant.length });
      }
      const retired = vacant.slice(0, -difference);
      plan.retire.push(...retired.map((s) => s.seatId));
      kept = current.filter((s) => !retired.includes(s));
      for (const s of retired)
        if (
          body.seatClassMinimums[s.seatClass] !== undefined &&
          (body.seatClassMinimums[s.seatClass] ?? 0) > kept.filter((k) => k.seatClass === s.seatClass).length
        )
          short.set(s.seatClass, (body.seatClassMinimums[s.seatClass] ?? 0) - kept.filter((k) => k.seatClass === s.seatClass).length);
    }
    let toAdd = Math.max(0, difference);
    for (const [seatClass, n] of [...short.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const added = Math.min(n, toAdd);
      if (added > 0) plan.add.push({ bodyKey: body.key, seatClass, count: added });
      toAdd -= added;
      short.set(seatClass, n - added);
    }
    if (toAdd > 0) plan.add.push({ bodyKey: body.key, seatClass: 'general', count: toAdd });
    // Still short: reclassify vacant general seats, lowest positions first.
    const spare = kept.filter((s) => !s.holderUserId && !(s.seatClass in body.seatClassMinimums)).sort((a, b) => a.position - b.position);
    for (const [seatClass, n] of [...short.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      for (let i = 0; i < n; i++) {
        const seat = spare.shift();
        if (!seat) {
          return refused('amendment.class_minimum_unreachable', {
            minimum: body.seatClassMinimums[seatClass] ?? 0,
            seatClass: seatClass.replace(/_/g, ' '),
            body: body.name,
          });
        }
        plan.reclassify.push({ seatId: seat.seatId, seatClass });
      }
    }
  }
  return { ok: true, plan };
}

export function checkSeatReconciliation(charter: Charter, seats: (SeatState & { position: number })[]): RuleResult {
  const result = reconcileSeats(charter, seats);
  return result.ok ? { ok: true } : result;
}
