import { describe, expect, it } from 'vitest';
import { InvalidBallotError } from './ballots';
import { irv } from './irv';
import { lotOrder } from './lot';
import type { Ballot, Contest } from './types';

const contest = (names: string, withdrawn: number[] = []): Contest => ({ candidates: names.split(''), seats: 1, withdrawn, lotSeed: 'seed' });
const ballots = (...lines: [number, ...number[]][]): Ballot[] => lines.map(([count, ...preferences]) => ({ count, preferences }));
const [A, B, C, D] = [0, 1, 2, 3];

describe('instant-runoff', () => {
  it('transfers excluded ballots until a candidate has more than half', () => {
    // 8 A>B>C, 6 B>C, 5 C>B, 3 D>C: 22 votes, a majority is more than 11.
    // Round 1: A 8, B 6, C 5, D 3. D fewest: its 3 go to C.
    // Round 2: A 8, B 6, C 8. B fewest: its 6 go to C.
    // Round 3: A 8, C 14 > 11: C wins.
    const result = irv.tally(ballots([8, A, B, C], [6, B, C], [5, C, B], [3, D, C]), contest('ABCD'));
    expect(result.elected).toEqual([C]);
    expect(result.rounds.map((r) => [r.action, r.votes, r.nonTransferable, r.elected, r.excluded])).toEqual([
      [{ kind: 'first_count', candidates: [] }, ['8', '6', '5', '3'], '0', [], []],
      [{ kind: 'exclusion', candidates: [D] }, ['8', '6', '8', '0'], '0', [], [D]],
      [{ kind: 'exclusion', candidates: [B] }, ['8', '0', '14', '0'], '0', [C], [B]],
    ]);
    expect(result.ties).toEqual([]);
  });

  it('elects at the first count when a candidate already has a majority', () => {
    // A 6 of 11.
    const result = irv.tally(ballots([6, A], [3, B], [2, C]), contest('ABC'));
    expect(result.rounds).toHaveLength(1);
    expect(result.elected).toEqual([A]);
  });

  it('counts exhausted ballots as non-transferable and needs a majority of the votes still held', () => {
    // 6 A, 4 B, 3 C>A, 1 D>C: 14 votes.
    // Round 1: A 6, B 4, C 3, D 1. D fewest: "D C" goes to C.
    // Round 2: A 6, B 4, C 4: B and C tie for fewest. In round 1 B had 4, C 3: C is excluded.
    // Round 3: C's "C A" ×3 go to A; "D C" has no one left: 1 non-transferable.
    //          A 9, B 4: 13 still held, 9 > 6.5, A wins.
    const result = irv.tally(ballots([6, A], [4, B], [3, C, A], [1, D, C]), contest('ABCD'));
    expect(result.rounds.map((r) => [r.votes, r.nonTransferable])).toEqual([
      [['6', '4', '3', '1'], '0'],
      [['6', '4', '4', '0'], '0'],
      [['9', '4', '0', '0'], '1'],
    ]);
    expect(result.ties).toEqual([{ round: 3, among: [B, C], chosen: C, by: 'earlier_rounds', purpose: 'exclude' }]);
    expect(result.elected).toEqual([A]);
  });

  it('draws by lot when the earlier rounds do not break a tie for fewest', () => {
    // 3 A, 3 B, 2 C: round 1 C is excluded and its ballots exhaust (2 non-transferable).
    // Round 2: A 3, B 3 of 6 held: no majority, and they tied in round 1 too: the lot excludes one.
    // Round 3: the other holds 3 of 3.
    const names = contest('ABC');
    const result = irv.tally(ballots([3, A], [3, B], [2, C]), names);
    const [out, winner] = lotOrder('seed', 'irv exclude round 3', [A, B], names.candidates);
    expect(result.ties).toEqual([{ round: 3, among: [A, B], chosen: out, by: 'lot', purpose: 'exclude' }]);
    expect(result.elected).toEqual([winner]);
    expect(result.rounds[2]).toMatchObject({ nonTransferable: '5', excluded: [out], elected: [winner] });
  });

  it('never counts a withdrawn candidate, and elects nobody when no vote is cast', () => {
    expect(irv.tally([], contest('ABC')).elected).toEqual([]);
    const withdrawn = contest('ABC', [B]);
    expect(irv.validate({ preferences: [A, B], count: 1 }, withdrawn)).toMatchObject({ ok: false, code: 'ballot.withdrawn_candidate', candidate: B });
    const result = irv.tally(ballots([2, C], [3, A]), withdrawn);
    expect(result.rounds[0]!.votes).toEqual(['3', '0', '2']);
    expect(result.elected).toEqual([A]);
  });

  it('refuses a ranking with a repeated or unknown candidate, naming the ballot and the candidate', () => {
    const names = contest('ABC');
    expect(() => irv.tally(ballots([1, A], [2, B, C, B]), names)).toThrow(InvalidBallotError);
    expect(() => irv.tally(ballots([1, A], [2, B, C, B]), names)).toThrow('Ballot 2: This ballot names B more than once.');
    expect(() => irv.tally(ballots([1, A, D]), names)).toThrow('Ballot 1: This ballot names a candidate (number 4) that is not in this vote.');
  });

  it('refuses a contest with several seats', () => {
    expect(() => irv.tally([], { ...contest('ABC'), seats: 2 })).toThrow(RangeError);
  });
});
