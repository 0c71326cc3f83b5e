import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { assertBallots, ballotProblemMessage, checkBallot, InvalidBallotError, skipWithdrawn } from './ballots';
import type { BallotProblem, Contest } from './types';

const contest: Contest = { candidates: ['Ann', 'Bo', 'Cy', 'Di'], seats: 1, withdrawn: [3], lotSeed: 'seed' };

describe('checkBallot', () => {
  it('accepts a ballot naming continuing candidates once each, up to the limit', () => {
    expect(checkBallot({ preferences: [2, 0], count: 1 }, contest)).toEqual({ ok: true });
    expect(checkBallot({ preferences: [1], count: 7 }, contest, 1)).toEqual({ ok: true });
  });

  it.each([
    [
      { preferences: [0], count: 0 },
      { code: 'ballot.bad_count', count: 0 },
    ],
    [
      { preferences: [0], count: 1.5 },
      { code: 'ballot.bad_count', count: 1.5 },
    ],
    [
      { preferences: [0], count: -2 },
      { code: 'ballot.bad_count', count: -2 },
    ],
    [{ preferences: [], count: 1 }, { code: 'ballot.empty' }],
    [
      { preferences: [0, 4], count: 1 },
      { code: 'ballot.unknown_candidate', candidate: 4 },
    ],
    [
      { preferences: [-1], count: 1 },
      { code: 'ballot.unknown_candidate', candidate: -1 },
    ],
    [
      { preferences: [0.5], count: 1 },
      { code: 'ballot.unknown_candidate', candidate: 0.5 },
    ],
    [
      { preferences: [1, 2, 1], count: 1 },
      { code: 'ballot.repeated_candidate', candidate: 1 },
    ],
    [
      { preferences: [0, 3], count: 1 },
      { code: 'ballot.withdrawn_candidate', candidate: 3 },
    ],
  ])('refuses %j', (ballot, problem) => {
    expect(checkBallot(ballot, contest)).toEqual({ ok: false, ...problem });
  });

  it('refuses more choices than the limit', () => {
    expect(checkBallot({ preferences: [0, 1], count: 1 }, contest, 1)).toEqual({ ok: false, code: 'ballot.too_many_choices', limit: 1, given: 2 });
  });
});

describe('ballot problem messages', () => {
  // Every BallotProblem code, checked complete by the compiler: a new code fails to compile here.
  const examples: { [C in BallotProblem['code']]: Extract<BallotProblem, { code: C }> } = {
    'ballot.empty': { code: 'ballot.empty' },
    'ballot.unknown_candidate': { code: 'ballot.unknown_candidate', candidate: 9 },
    'ballot.repeated_candidate': { code: 'ballot.repeated_candidate', candidate: 1 },
    'ballot.withdrawn_candidate': { code: 'ballot.withdrawn_candidate', candidate: 3 },
    'ballot.too_many_choices': { code: 'ballot.too_many_choices', limit: 2, given: 3 },
    'ballot.bad_count': { code: 'ballot.bad_count', count: 0 },
  };

  it.each(Object.values(examples))('$code has a message with every placeholder filled', (problem) => {
    expect(Object.keys(messages)).toContain(problem.code);
    const text = ballotProblemMessage(problem, contest.candidates);
    expect(text).not.toMatch(/[{}]/);
    expect(text.length).toBeGreaterThan(10);
  });

  it('names candidates by name, and an unknown one by its number from 1', () => {
    expect(ballotProblemMessage(examples['ballot.repeated_candidate'], contest.candidates)).toContain('Bo');
    expect(ballotProblemMessage(examples['ballot.withdrawn_candidate'], contest.candidates)).toContain('Di');
    expect(ballotProblemMessage(examples['ballot.unknown_candidate'], contest.candidates)).toContain('number 10');
    expect(ballotProblemMessage(examples['ballot.too_many_choices'], contest.candidates)).toMatch(/3 choices.*at most 2/);
  });
});

describe('assertBallots', () => {
  it('totals the counts of valid ballots', () => {
    expect(
      assertBallots(
        [
          { preferences: [0], count: 2 },
          { preferences: [1, 2], count: 3 },
        ],
        contest,
      ),
    ).toBe(5);
  });

  it('throws for the first refused ballot, with its index and problem', () => {
    const error = (() => {
      try {
        assertBallots(
          [
            { preferences: [0], count: 1 },
            { preferences: [0, 0], count: 1 },
          ],
          contest,
        );
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidBallotError);
    expect(error).toMatchObject({ index: 1, problem: { code: 'ballot.repeated_candidate', candidate: 0 } });
    expect((error as Error).message).toMatch(/^Ballot 2: .*Ann/);
  });

  it('applies the limit of choices it is given', () => {
    expect(() => assertBallots([{ preferences: [0, 1], count: 1 }], contest, 1)).toThrow(/Ballot 1: This ballot makes 2 choices/);
  });

  it('refuses totals beyond exact whole-number arithmetic', () => {
    const big = { preferences: [0], count: Number.MAX_SAFE_INTEGER };
    expect(() => assertBallots([big, big], contest)).toThrow(RangeError);
  });
});

describe('skipWithdrawn', () => {
  it('drops withdrawn candidates from rankings and sets apart ballots left blank', () => {
    const ballots = [
      { preferences: [3, 1], count: 2 },
      { preferences: [3], count: 1 },
      { preferences: [0, 1], count: 4 },
    ];
    expect(skipWithdrawn(ballots, [3])).toEqual({
      ballots: [
        { preferences: [1], count: 2 },
        { preferences: [0, 1], count: 4 },
      ],
      from: [0, 2],
      blank: [1],
    });
  });
});
