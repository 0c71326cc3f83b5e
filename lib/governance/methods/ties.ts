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

export interface TieQuestion {
  readonly method: MethodKey;
  /** The round the choice is made in (1-based); the lot's purpose names it. */
  readonly round: number;
  readonly purpose: TieBreak['purpose'];
  /** Tied candidates, two or more. */
  readonly tied: readonly number[];
  /** Choose the candidate with the most (`highest`) or fewest (`lowest`) votes at the earlier stage. */
  readonly want: 'highest' | 'lowest';
  /** Every recorded round's votes, oldest first: whole numbers, or fixed-point units as BigInt. */
  readonly history: readonly (readonly (number | bigint)[])[];
  readonly contest: Contest;
}

/**
 * Breaks a tie the way instant-runoff and both STV rules here do: walk back from the most recent
 * round to the first; at each round where the tied candidates' votes differ, keep those with the
 * most (or fewest) and, if more than one is left, keep walking back with them. Still tied after
 * the first round: the public lot decides among those left (`drawByLot`, purpose
 * `<method> <purpose> round <n>`), and the first drawn is chosen. Records one tie in `ties`,
 * among all the tied candidates, and returns the chosen one.
 */
export function breakTie(q: TieQuestion, ties: TieBreak[]): number {
  const among = [...q.tied].sort((a, b) => a - b);
  let left = among;
  for (let stage = q.history.length - 1; stage >= 0 && left.length > 1; stage--) {
    const votes = q.history[stage]!;
    const best = left.map((c) => votes[c]!).reduce((m, v) => (q.want === 'highest' ? (v > m ? v : m) : v < m ? v : m));
    left = left.filter((c) => votes[c] === best);
  }
  const by: TieBreak['by'] = left.length === 1 ? 'earlier_rounds' : 'lot';
  const chosen = left.length === 1 ? left[0]! : drawByLot(q.contest, q.method, q.purpose, q.round, left, 1).chosen[0]!;
  ties.push({ round: q.round, among, chosen, by, purpose: q.purpose });
  return chosen;
}
