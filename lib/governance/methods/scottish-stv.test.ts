import { describe, expect, it } from 'vitest';
import { InvalidBallotError } from './ballots';
import { lotOrder } from './lot';
import { scottishStv } from './scottish-stv';
import type { Ballot, Contest } from './types';

const contest = (candidates: string[], seats: number, lotSeed = 'seed'): Contest => ({ candidates, seats, lotSeed });
const b = (count: number, ...preferences: number[]): Ballot => ({ count, preferences });
const [A, B, C, D] = [0, 1, 2, 3];

describe('scottishStv worked examples (SSI 2007/42, Schedule 1, rules 45-52)', () => {
  it('transfers a surplus at truncated transfer values, then excludes the lowest', () => {
    // 36 valid papers, 2 seats. Rule 46: quota = floor(36 / 3) + 1 = 13.
    // Stage 1 (rule 45): A 12+4+2 = 18, B 5, C 6, D 7. A ≥ 13 is elected (rule 47), surplus 5.
    // Stage 2 (rule 48): each of A's papers (value 1) transfers at 5 × 1 / 18 = 0.277777… → 0.27777.
    //   12 "A B" → B + 3.33324; 4 "A C" → C + 1.11108; 2 "A" are non-transferable (2 × 0.27777 = 0.55554).
    //   A keeps the quota, 13. Residue = 5 − 3.33324 − 1.11108 − 0.55554 = 0.00014.
    //   B 8.33324, C 7.11108, D 7: nobody reaches 13.
    // Stage 3 (rule 50): D (7) is lowest; 7 "D C" go to C at value 1: C 14.11108 ≥ 13, elected.
    const r = scottishStv.tally([b(12, A, B), b(4, A, C), b(2, A), b(5, B), b(6, C), b(7, D, C)], contest(['A', 'B', 'C', 'D'], 2));
    expect(r.elected).toEqual([A, C]);
    expect(r.totalValid).toBe('36');
    expect(r.ties).toEqual([]);
    expect(r.rounds.map((x) => [x.action.kind, x.votes, x.nonTransferable, x.residue, x.elected, x.excluded])).toEqual([
      ['first_count', ['18.00000', '5.00000', '6.00000', '7.00000'], '0.00000', '0.00000', [A], []],
      ['surplus', ['13.00000', '8.33324', '7.11108', '7.00000'], '0.55554', '0.00014', [], []],
      ['exclusion', ['13.00000', '8.33324', '14.11108', '0.00000'], '0.55554', '0.00014', [C], [D]],
    ]);
    expect(r.rounds.every((x) => x.quota === '13.00000')).toBe(true);
  });

  it('breaks a tie for exclusion by the most recent earlier stage at which the votes differed (rule 51(2)(a))', () => {
    // 33 papers, 2 seats: quota = floor(33 / 3) + 1 = 12.
    // Stage 1: A 20 (elected, surplus 8), B 7, C 0, D 6.
    // Stage 2: transfer value 8 × 1 / 20 = 0.4 exactly: 15 "A C" → C + 6; 5 "A" non-transferable 2.
    // Stage 3: C 6 and D 6 are lowest together; at stage 1 C had 0 and D 6, so C is excluded.
    //   C's 15 papers (value 0.4) have no further preference: non-transferable 2 + 6 = 8.
    // Stage 4: D (6) is lowest; 6 "D B" → B 13 ≥ 12, elected.
    const r = scottishStv.tally([b(15, A, C), b(5, A), b(7, B), b(6, D, B)], contest(['A', 'B', 'C', 'D'], 2));
    expect(r.ties).toEqual([{ round: 3, among: [C, D], chosen: C, by: 'earlier_rounds', purpose: 'exclude' }]);
    expect(r.elected).toEqual([A, B]);
    expect(r.rounds.map((x) => [x.votes, x.nonTransferable, x.excluded])).toEqual([
      [['20.00000', '7.00000', '0.00000', '6.00000'], '0.00000', []],
      [['12.00000', '7.00000', '6.00000', '6.00000'], '2.00000', []],
      [['12.00000', '7.00000', '0.00000', '6.00000'], '8.00000', [C]],
      [['12.00000', '13.00000', '0.00000', '0.00000'], '8.00000', [D]],
    ]);
  });

  it('draws the public lot when tied candidates were equal at every stage (rule 51(2)(b))', () => {
    // 21 papers, 2 seats: quota = floor(21 / 3) + 1 = 8. Stage 1: A 10 (elected), B 5, C 3, D 3.
    // Stage 2: A's surplus 2 at 2 / 10 = 0.2 a paper, all non-transferable (2.00000).
    // Stage 3: C and D have 3 each at every stage: the lot decides which is excluded.
    const ballots = [b(10, A), b(5, B), b(3, C), b(3, D)];
    const names = ['A', 'B', 'C', 'D'];
    for (const seed of ['one', 'two', 'three']) {
      const r = scottishStv.tally(ballots, contest(names, 2, seed));
      const drawn = lotOrder(seed, 'scottish_stv exclude round 3', [C, D], names)[0];
      expect(r.ties).toEqual([{ round: 3, among: [C, D], chosen: drawn, by: 'lot', purpose: 'exclude' }]);
      expect(r.rounds[2]!.excluded).toEqual([drawn]);
      // The other of C and D is excluded next (3 < 5); B is then the only continuing candidate for
      // the one vacancy left and is deemed elected (rule 52).
      expect(r.elected).toEqual([A, B]);
      expect(r.rounds.at(-1)!.action.kind).toBe('final');
    }
    const chosen = new Set(['one', 'two', 'three', 'four', 'five'].map((seed) => scottishStv.tally(ballots, contest(names, 2, seed)).ties[0]!.chosen));
    expect(chosen).toEqual(new Set([C, D]));
  });

  it('transfers the larger surplus first, equal surpluses in the order of the lot (rule 49)', () => {
    // 3 seats, 40 papers: quota = floor(40 / 4) + 1 = 11. A 12 "A C", B 12 "B D", C 8, D 8.
    // A and B have equal surpluses (1) at every stage: the lot orders them.
    const names = ['A', 'B', 'C', 'D'];
    const r = scottishStv.tally([b(12, A, C), b(12, B, D), b(8, C), b(8, D)], contest(names, 3, 'surplus'));
    const first = lotOrder('surplus', 'scottish_stv surplus_order round 2', [A, B], names)[0]!;
    expect(r.ties[0]).toEqual({ round: 2, among: [A, B], chosen: first, by: 'lot', purpose: 'surplus_order' });
    expect(r.rounds[1]!.action).toEqual({ kind: 'surplus', candidates: [first] });
    // The first surplus (1 at 1/12 = 0.08333 a paper, 12 papers = 0.99996) leaves C and D at 8.99996
    // or 8: no quota. The second surplus is transferred next, as rule 48 requires before exclusion.
    expect(r.rounds[2]!.action).toEqual({ kind: 'surplus', candidates: [first === A ? B : A] });
    expect(r.rounds[2]!.votes.slice(C)).toEqual(['8.99996', '8.99996']);
    expect(r.rounds[2]!.residue).toBe('0.00008');
  });

  it('orders equal surpluses by the most recent earlier stage where they differed (rule 49(2)), papers of mixed values', () => {
    // 22 papers, 4 seats: quota = floor(22 / 5) + 1 = 5. Ballots: 7 "A D", 10 "B C", 2 "C", 3 "D"; E has none.
    // Stage 1: A 7 (surplus 2), B 10 (surplus 5), C 2, D 3, E 0. A and B are elected.
    // Stage 2: B's surplus first (5 > 2): 5 × 1 / 10 = 0.5 a paper; C + 10 × 0.5 = 7, elected (surplus 2).
    // Stage 3: A and C both have surplus 2 and 7 votes at the end of stage 2; at stage 1 A had 7, C 2: A first.
    //   A's 7 papers: 2 × 1 / 7 = 0.285714… → 0.28571 each; D + 1.99997 = 4.99997; residue 0.00003.
    // Stage 4: C's surplus: its 2 first-preference papers at 2 × 1 / 7 → 0.28571, its 10 papers from B
    //   (value 0.5) at 2 × 0.5 / 7 = 0.142857… → 0.14285; none has a next preference:
    //   non-transferable 2 × 0.28571 + 10 × 0.14285 = 1.99992; residue 0.00003 + 0.00008 = 0.00011.
    // Stage 5: D 4.99997 and E 0 continue for 1 vacancy: E is excluded; then D is elected (rule 52).
    const E = 4;
    const r = scottishStv.tally([b(7, A, D), b(10, B, C), b(2, C), b(3, D)], contest(['A', 'B', 'C', 'D', 'E'], 4));
    expect(r.ties).toEqual([{ round: 3, among: [A, C], chosen: A, by: 'earlier_rounds', purpose: 'surplus_order' }]);
    expect(r.rounds.map((x) => [x.action, x.votes, x.nonTransferable, x.residue, x.elected])).toEqual([
      [{ kind: 'first_count', candidates: [] }, ['7.00000', '10.00000', '2.00000', '3.00000', '0.00000'], '0.00000', '0.00000', [B, A]],
      [{ kind: 'surplus', candidates: [B] }, ['7.00000', '5.00000', '7.00000', '3.00000', '0.00000'], '0.00000', '0.00000', [C]],
      [{ kind: 'surplus', candidates: [A] }, ['5.00000', '5.00000', '7.00000', '4.99997', '0.00000'], '0.00000', '0.00003', []],
      [{ kind: 'surplus', candidates: [C] }, ['5.00000', '5.00000', '5.00000', '4.99997', '0.00000'], '1.99992', '0.00011', []],
      [{ kind: 'exclusion', candidates: [E] }, ['5.00000', '5.00000', '5.00000', '4.99997', '0.00000'], '1.99992', '0.00011', []],
      [{ kind: 'final', candidates: [] }, ['5.00000', '5.00000', '5.00000', '4.99997', '0.00000'], '1.99992', '0.00011', [D]],
    ]);
    expect(r.elected).toEqual([B, A, C, D]);
  });

  it('elects the continuing candidates when they are as many as the vacancies left (rule 52)', () => {
    const r = scottishStv.tally([b(3, A), b(2, B), b(1, C)], contest(['A', 'B', 'C'], 3));
    expect(r.elected).toEqual([A, B, C]);
    expect(r.rounds.map((x) => x.action.kind)).toEqual(['first_count', 'final']);
  });

  it('skips withdrawn candidates on ballots, and never elects them', () => {
    const r = scottishStv.tally([b(4, B, A), b(3, C), b(2, A)], { ...contest(['A', 'B', 'C'], 1), withdrawn: [B] });
    // Quota floor(9 / 2) + 1 = 5: A has 4 + 2 = 6 once B is skipped.
    expect(r.elected).toEqual([A]);
    expect(r.rounds[0]!.votes).toEqual(['6.00000', '0.00000', '3.00000']);
  });
});

describe('scottishStv.validate', () => {
  const c = { ...contest(['A', 'B', 'C'], 2), withdrawn: [C] };
  it('accepts a partial ranking and refuses bad ballots with their code', () => {
    expect(scottishStv.validate(b(1, B), c)).toEqual({ ok: true });
    expect(scottishStv.validate(b(1), c)).toEqual({ ok: false, code: 'ballot.empty' });
    expect(scottishStv.validate(b(1, A, 3), c)).toEqual({ ok: false, code: 'ballot.unknown_candidate', candidate: 3 });
    expect(scottishStv.validate(b(1, A, A), c)).toEqual({ ok: false, code: 'ballot.repeated_candidate', candidate: A });
    expect(scottishStv.validate(b(1, C), c)).toEqual({ ok: false, code: 'ballot.withdrawn_candidate', candidate: C });
    expect(scottishStv.validate(b(0, A), c)).toEqual({ ok: false, code: 'ballot.bad_count', count: 0 });
    expect(scottishStv.validate(b(1.5, A), c)).toEqual({ ok: false, code: 'ballot.bad_count', count: 1.5 });
  });
  it('tally throws on a ballot validate refuses, naming the ballot and the candidate', () => {
    expect(() => scottishStv.tally([b(1, A, A)], c)).toThrow(InvalidBallotError);
    expect(() => scottishStv.tally([b(1, A, A)], c)).toThrow(/^Ballot 1: .*\bA\b/);
  });
});
