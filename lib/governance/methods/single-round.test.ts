import { describe, expect, it } from 'vitest';
import { approval } from './approval';
import { InvalidBallotError } from './ballots';
import { lotOrder } from './lot';
import { plurality } from './plurality';
import type { Ballot, Contest } from './types';
import { yesNo, yesNoBallot, yesNoContest } from './yes-no';

const four: Contest = { candidates: ['Ann', 'Bo', 'Cy', 'Di'], seats: 1, lotSeed: 'log-head-hash' };
const ballots = (...lines: [number, ...number[]][]): Ballot[] => lines.map(([count, ...preferences]) => ({ count, preferences }));

describe('plurality', () => {
  it('elects the option with the most votes', () => {
    // Ann 4, Bo 7, Cy 2, Di 0: Bo has the most.
    const result = plurality.tally(ballots([4, 0], [7, 1], [2, 2]), four);
    expect(result).toMatchObject({ method: 'plurality', elected: [1], ties: [], totalValid: '13' });
    expect(result.rounds).toEqual([
      {
        number: 1,
        action: { kind: 'first_count', candidates: [] },
        votes: ['4', '7', '2', '0'],
        nonTransferable: '0',
        residue: '0',
        elected: [1],
        excluded: [],
      },
    ]);
  });

  it('breaks a tie for first by the public lot and records it', () => {
    // Ann 5, Bo 3, Cy 5: Ann and Cy tie; the lot drawn under "plurality winner round 1" decides.
    const result = plurality.tally(ballots([5, 0], [3, 1], [5, 2]), four);
    const [first] = lotOrder('log-head-hash', 'plurality winner round 1', [0, 2], four.candidates);
    expect(result.elected).toEqual([first]);
    expect(result.ties).toEqual([{ round: 1, among: [0, 2], chosen: first, by: 'lot', purpose: 'winner' }]);
  });

  it('with several seats draws only the places still open among the tied', () => {
    // Two seats: Ann 6 is elected outright; Bo, Cy, Di tie at 2 for the one seat left.
    const result = plurality.tally(ballots([6, 0], [2, 1], [2, 2], [2, 3]), { ...four, seats: 2 });
    const order = lotOrder('log-head-hash', 'plurality winner round 1', [1, 2, 3], four.candidates);
    expect(result.elected).toEqual([0, order[0]]);
    expect(result.ties).toHaveLength(1);
  });

  it('elects no option without a vote, so nobody when no ballot is cast', () => {
    expect(plurality.tally([], four).elected).toEqual([]);
    expect(plurality.tally(ballots([3, 1]), { ...four, seats: 3 }).elected).toEqual([1]);
  });

  it('refuses a contest without a seat to fill', () => {
    expect(() => plurality.tally(ballots([1, 0]), { ...four, seats: 0 })).toThrow(RangeError);
  });

  it('refuses a ballot with two choices', () => {
    expect(plurality.validate({ preferences: [0, 1], count: 1 }, four)).toMatchObject({ ok: false, code: 'ballot.too_many_choices', limit: 1, given: 2 });
    expect(() => plurality.tally(ballots([1, 0, 1]), four)).toThrow(/Ballot 1/);
  });
});

describe('approval', () => {
  it('elects the options with the most approvals', () => {
    // Two seats. 3×{Ann,Bo} 2×{Bo,Cy} 4×{Cy} 1×{Ann,Di}: Ann 3+1=4, Bo 3+2=5, Cy 2+4=6, Di 1.
    // Cy then Bo win; 10 ballots cast 16 approvals.
    const result = approval.tally(ballots([3, 0, 1], [2, 1, 2], [4, 2], [1, 0, 3]), { ...four, seats: 2 });
    expect(result.elected).toEqual([2, 1]);
    expect(result.rounds[0]!.votes).toEqual(['4', '5', '6', '1']);
    expect(result.totalValid).toBe('10');
  });

  it('refuses a ballot over the limit, and takes any number without one', () => {
    const limited = { ...four, maxApprovals: 2 };
    expect(approval.validate({ preferences: [0, 1, 2], count: 1 }, limited)).toMatchObject({ ok: false, code: 'ballot.too_many_choices', limit: 2, given: 3 });
    expect(approval.validate({ preferences: [0, 1], count: 1 }, limited)).toEqual({ ok: true });
    expect(approval.validate({ preferences: [0, 1, 2, 3], count: 1 }, four)).toEqual({ ok: true });
  });

  it('tally refuses a ballot over the limit, saying how many choices it makes and how many are allowed', () => {
    const limited = { ...four, maxApprovals: 2 };
    const count = () => approval.tally(ballots([1, 0], [2, 0, 1, 2]), limited);
    expect(count).toThrow(InvalidBallotError);
    expect(count).toThrow('Ballot 2: This ballot makes 3 choices; this vote allows at most 2.');
  });

  it('breaks a tie for the last seat by lot', () => {
    // Ann 2, Bo 2, Cy 2 for one seat.
    const result = approval.tally(ballots([2, 0, 1], [2, 2]), four);
    const [first] = lotOrder('log-head-hash', 'approval winner round 1', [0, 1, 2], four.candidates);
    expect(result.elected).toEqual([first]);
    expect(result.ties).toMatchObject([{ among: [0, 1, 2], chosen: first, by: 'lot' }]);
  });
});

describe('yes / no / abstain', () => {
  it('counts each option and names no winner (the charter decides)', () => {
    const contest = yesNoContest('seed');
    const cast = [yesNoBallot('yes'), yesNoBallot('no'), yesNoBallot('yes'), yesNoBallot('abstain', 2)];
    const result = yesNo.tally(cast, contest);
    expect(result.rounds[0]!.votes).toEqual(['2', '1', '2']);
    expect(result).toMatchObject({ method: 'yes_no', elected: [], totalValid: '5' });
  });

  it('refuses two choices', () => {
    expect(yesNo.validate({ preferences: [0, 1], count: 1 }, yesNoContest('s'))).toMatchObject({ ok: false, code: 'ballot.too_many_choices' });
  });
});
