/**
 * Shared by the STV cross-checks (lib/governance/methods/*.reference.test.ts): random small
 * elections, and the comparison of our result with an oracle's (./droop-scotland.ts,
 * ./droop-meek-prf.ts).
 */
import fc from 'fast-check';
import type { Ballot, TallyResult } from '@/lib/governance/methods/types';
import type { OracleResult } from './droop-scotland';

export interface RandomElection {
  readonly n: number;
  readonly seats: number;
  readonly ballots: Ballot[];
}

/** 3 to 8 candidates, 1 to 4 seats (fewer than the candidates), 5 to 200 ballot lines, partial rankings. */
export const randomElection: fc.Arbitrary<RandomElection> = fc.integer({ min: 3, max: 8 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    seats: fc.integer({ min: 1, max: Math.min(4, n - 1) }),
    ballots: fc.array(
      fc.record({
        preferences: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n }),
        count: fc.integer({ min: 1, max: 3 }),
      }),
      { minLength: 5, maxLength: 200 },
    ),
  }),
);

/** Whether either count broke a tie by lot (ours) or by its own tie order (the oracle's): such cases legitimately differ. */
export function drawnByLot(ours: TallyResult, ref: OracleResult): boolean {
  return ours.ties.some((t) => t.by === 'lot') || ref.ties.some((t) => t.byLot);
}

/**
 * Pairs elected in a definite order by both counts but in opposite orders: the oracle elected x at
 * an earlier step than y, and our count elected y in an earlier round than x. Candidates elected
 * together (the same step, or the same round) have no order to compare.
 */
export function orderConflicts(ours: TallyResult, ref: OracleResult): [number, number][] {
  const ourRound = new Map<number, number>();
  ours.rounds.forEach((r, i) => r.elected.forEach((c) => ourRound.set(c, i)));
  const refStep = new Map<number, number>();
  ref.groups.forEach((g, i) => g.forEach((c) => refStep.set(c, i)));
  const out: [number, number][] = [];
  for (const x of ref.elected) for (const y of ref.elected) if (refStep.get(x)! < refStep.get(y)! && ourRound.get(y)! < ourRound.get(x)!) out.push([x, y]);
  return out;
}

export const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `C${i}`);
