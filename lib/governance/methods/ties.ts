import { lotOrder } from './lot';
import type { Contest, MethodKey, TieBreak } from './types';

/**
 * The purpose string a method's lot is drawn under (see `lotTicket` in ./lot.ts): the method's
 * key, what the draw decides and the round it is drawn in, e.g. `irv exclude round 3`. Anyone
 * with the seed can draw the same tickets again.
 */
export function lotPurpose(method: MethodKey, purpose: TieBreak['purpose'], round: number): string {
  return `${method} ${purpose} round ${round}`;
}

/**
 * Draws `take` of the tied candidates by the public lot, first drawn first, and records one
 * `TieBreak` per draw (each among those not drawn yet). Tickets depend on the seed, the purpose
 * and the name only, so drawing one at a time gives the same order as drawing all at once.
 */
export function drawByLot(
  contest: Contest,
  method: MethodKey,
  purpose: TieBreak['purpose'],
  round: number,
  among: readonly number[],
  take: number,
): { chosen: number[]; ties: TieBreak[] } {
  const order = lotOrder(contest.lotSeed, lotPurpose(method, purpose, round), among, contest.candidates);
  const chosen = order.slice(0, take);
  const ties = chosen.map((c, i): TieBreak => ({ round, among: order.slice(i).sort((a, b) => a - b), chosen: c, by: 'lot', purpose }));
  return { chosen, ties };
}
