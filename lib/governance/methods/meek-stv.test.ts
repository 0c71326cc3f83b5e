import { describe, expect, it } from 'vitest';
import { InvalidBallotError } from './ballots';
import { lotOrder } from './lot';
import { meekStv } from './meek-stv';
import type { Ballot, Contest } from './types';

const contest = (candidates: string[], seats: number, lotSeed = 'seed'): Contest => ({ candidates, seats, lotSeed });
const b = (count: number, ...preferences: number[]): Ballot => ({ count, preferences });
const [A, B, C, D] = [0, 1, 2, 3];

// All figures to 9 decimal places. Distribution: a ballot starts at 1; a candidate with keep factor
// k is credited floor(w × k) of the w reaching it, the rest goes on; the rest after the last
// preference is excess. Quota = trunc((total − excess) / (seats + 1)) + 0.000000001. New keep
// factor = ceil(k × quota / vote). Converged when every elected vote − quota ≤ trunc(quota / 100000).
describe('meekStv worked examples (Hill, Wichmann and Woodall, Algorithm 123)', () => {
  it('spreads a surplus through the keep factor, then excludes the lowest', () => {
    // 6 ballots, 2 seats: 4 "A B", 2 "C".
    // Round 1: A 4, B 0, C 2; quota = 6 / 3 = 2.000000000 + 0.000000001 = 2.000000001; A is elected.
    // Iteration: k(A) = ceil(1 × 2.000000001 / 4) = ceil(0.50000000025) = 0.500000001.
    //   A = 4 × 0.500000001 = 2.000000004; each "A B" passes 0.499999999 on: B = 1.999999996; C 2.
    //   Excess 0, quota 2.000000001; A's surplus 0.000000003 ≤ trunc(2.000000001 / 100000) = 0.000020000.
    // Converged with nobody new at the quota: B (1.999999996) is lowest and is excluded. (With exact
    //   arithmetic B and C would tie at 2; the rule's rounding decides.)
    // Round 3: "A B" ballots now end after A: excess 4 × 0.499999999 = 1.999999996;
    //   quota = trunc((6 − 1.999999996) / 3) + 0.000000001 = 1.333333334 + 0.000000001 = 1.333333335; C (2) is elected.
    const r = meekStv.tally([b(4, A, B), b(2, C)], contest(['A', 'B', 'C'], 2));
    expect(r.elected).toEqual([A, C]);
    expect(r.ties).toEqual([]);
    expect(r.rounds.map((x) => [x.action.kind, x.votes, x.nonTransferable, x.quota, x.keepFactors, x.elected, x.excluded])).toEqual([
      ['first_count', ['4.000000000', '0.000000000', '2.000000000'], '0.000000000', '2.000000001', ['1.000000000', '1.000000000', '1.000000000'], [A], []],
      ['iteration', ['2.000000004', '1.999999996', '2.000000000'], '0.000000000', '2.000000001', ['0.500000001', '1.000000000', '1.000000000'], [], []],
      ['exclusion', ['2.000000004', '0.000000000', '2.000000000'], '1.999999996', '1.333333335', ['0.500000001', '0.000000000', '1.000000000'], [C], [B]],
    ]);
    expect(r.rounds.every((x) => x.residue === '0.000000000')).toBe(true);
  });

  it('iterates until the total surplus is below omega, and breaks a tie for exclusion by an earlier round', () => {
    // 10 ballots, 2 seats: 3 "A", 2 "B", 1 "C B", 4 "D". Round 1: quota 10 / 3 → 3.333333334; D (4) elected.
    // D's ballots end with D, so what D passes on is excess and the quota falls (k → 3/4, quota → 3).
    // Each iteration: k(D) = ceil(ceil(k × quota) / D's vote); D = 4 × ceil(1 × k); excess 4 − D;
    // quota trunc((10 − excess) / 3) + 0.000000001; surplus D − quota. E.g. the first:
    // k = ceil(3.333333334 / 4) = 0.833333334, D 3.333333336, excess 0.666666664, quota 3.111111113.
    // It stops when the surplus is below 0.000001: k 0.750000158, D 3.000000632, excess 0.999999368,
    // quota 3.000000211, surplus 0.000000421 (these figures are Droop's meek-prf count's too).
    // Nobody else reaches the quota: C (1) is lowest and is excluded; its ballot goes to B: A 3, B 3.
    // A and B tie; in round 2 (the most recent earlier round where they differ) B had 2 < 3: B is excluded.
    // B's 3 ballots end: excess 3.999999368, quota trunc(6.000000632 / 3) + 0.000000001 = 2.000000211: A elected.
    // (Corrected from an earlier version that stopped at a per-candidate tolerance of quota / 100000.)
    const r = meekStv.tally([b(3, A), b(2, B), b(1, C, B), b(4, D)], contest(['A', 'B', 'C', 'D'], 2));
    expect(r.elected).toEqual([D, A]);
    expect(r.ties).toEqual([{ round: 4, among: [A, B], chosen: B, by: 'earlier_rounds', purpose: 'exclude' }]);
    expect(r.rounds.map((x) => [x.action.kind, x.votes, x.nonTransferable, x.quota, x.keepFactors![D], x.excluded])).toEqual([
      ['first_count', ['3.000000000', '2.000000000', '1.000000000', '4.000000000'], '0.000000000', '3.333333334', '1.000000000', []],
      ['iteration', ['3.000000000', '2.000000000', '1.000000000', '3.000000632'], '0.999999368', '3.000000211', '0.750000158', []],
      ['exclusion', ['3.000000000', '3.000000000', '0.000000000', '3.000000632'], '0.999999368', '3.000000211', '0.750000158', [C]],
      ['exclusion', ['3.000000000', '0.000000000', '0.000000000', '3.000000632'], '3.999999368', '2.000000211', '0.750000158', [B]],
    ]);
  });

  it('draws the public lot when tied candidates were equal in every round', () => {
    // 13 ballots, 2 seats: 7 "A", 3 "B", 3 "C". A is elected; its surplus is excess, the quota falls
    // towards 3 but stays above it, so B and C (3 each, in every round) never reach it: lot.
    const names = ['A', 'B', 'C'];
    const ballots = [b(7, A), b(3, B), b(3, C)];
    const chosen = new Set<number>();
    for (const seed of ['one', 'two', 'three', 'four', 'five']) {
      const r = meekStv.tally(ballots, contest(names, 2, seed));
      const drawn = lotOrder(seed, 'meek_stv exclude round 3', [B, C], names)[0]!;
      expect(r.ties).toEqual([{ round: 3, among: [B, C], chosen: drawn, by: 'lot', purpose: 'exclude' }]);
      expect(r.elected).toEqual([A, drawn === B ? C : B]);
      chosen.add(drawn);
    }
    expect(chosen).toEqual(new Set([B, C]));
  });

  it('elects the hopefuls when they are no more than the seats left', () => {
    // 1 ballot "A", 2 seats: A (1) reaches the quota 0.333333334; B, the one hopeful left, takes the last seat.
    const r = meekStv.tally([b(1, A)], contest(['A', 'B'], 2));
    expect(r.elected).toEqual([A, B]);
    expect(r.rounds.map((x) => x.action.kind)).toEqual(['first_count', 'final']);
  });

  it('skips withdrawn candidates (keep factor 0) and never elects them', () => {
    const r = meekStv.tally([b(4, B, A), b(3, C)], { ...contest(['A', 'B', 'C'], 1), withdrawn: [B] });
    expect(r.elected).toEqual([A]);
    expect(r.rounds[0]!.keepFactors).toEqual(['1.000000000', '0.000000000', '1.000000000']);
  });

  it('elects A, B and X in the Voting Matters example where only exact arithmetic gets X ahead of Y', () => {
    // Wichmann's example from Voting Matters issue 12 ("The computational accuracy using the Meek
    // algorithm"), as in Droop's test/blt/SC-Vm-12.blt: 3 seats. Droop's count with exact rational
    // arithmetic elects A, B and X (X 800.638465678 against Y 800.558…, after Z is excluded).
    const names = ['A', 'B', 'X', 'Y', 'Z'];
    const [X, Y, Z] = [2, 3, 4];
    const ballots = [
      b(333, A, X),
      b(333, A, Y),
      b(333, A, Z),
      b(333, B, X),
      b(333, B, Y),
      b(333, B, Z),
      b(667, X),
      b(667, Y),
      b(667, Z),
      b(1, A, B, X),
      b(1, A, B, Y),
      b(2, B, A, X),
    ];
    const r = meekStv.tally(ballots, contest(names, 3));
    expect([...r.elected].sort()).toEqual([A, B, X]);
    // X, Y and Z start level (667); A's and B's surpluses give X 667.166666686, Y …562, Z …500 with a
    // total surplus of 0.000000250 (Droop's meek-prf count has the same figures). All three are within
    // that surplus of the lowest, so the reference rule counts them as tied (B.3): its own tie order
    // defeats X in Droop; Quorate's tie rule looks at the most recent round where they differ (this
    // one) and excludes Z. X then reaches the quota (800.620527053) ahead of Y.
    expect(r.rounds.flatMap((x) => x.excluded)).toEqual([Z]);
    expect([r.rounds.at(-1)!.votes[X], r.rounds.at(-1)!.votes[Y]]).toEqual(['800.638465249', '800.558082943']);
    expect(r.ties).toEqual([{ round: 3, among: [X, Y, Z], chosen: Z, by: 'earlier_rounds', purpose: 'exclude' }]);
  });
});

describe('meekStv.validate', () => {
  it('refuses a repeated candidate, and tally throws on it', () => {
    const c = contest(['A', 'B'], 1);
    expect(meekStv.validate(b(1, A, A), c)).toEqual({ ok: false, code: 'ballot.repeated_candidate', candidate: A });
    expect(() => meekStv.tally([b(1, B), b(1, A, A)], c)).toThrow(InvalidBallotError);
    expect(() => meekStv.tally([b(1, B), b(1, A, A)], c)).toThrow(/^Ballot 2: /);
  });
});
