import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approval } from './approval';
import { irv } from './irv';
import { plurality } from './plurality';
import { methodFor } from './registry';
import type { Ballot, Contest, MethodKey, VoteMethod } from './types';
import { yesNo } from './yes-no';

/** A contest of 2 to 6 candidates, one seat, and ballots that method takes. */
const election = (shape: 'ranked' | 'single' | 'set') =>
  fc.integer({ min: 2, max: 6 }).chain((n) =>
    fc.record({
      contest: fc.record({ candidates: fc.constant(Array.from({ length: n }, (_, i) => `C${i}`)), seats: fc.constant(1), lotSeed: fc.string() }),
      ballots: fc.array(
        fc.record({
          preferences: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: shape === 'single' ? 1 : n }),
          count: fc.integer({ min: 1, max: 50 }),
        }),
        { maxLength: 40 },
      ),
    }),
  );

const cases: [VoteMethod, 'ranked' | 'single' | 'set'][] = [
  [plurality, 'single'],
  [approval, 'set'],
  [irv, 'ranked'],
];

describe.each(cases)('$key', (method, shape) => {
  it('gives the same result whatever the order of the ballots', () => {
    fc.assert(
      fc.property(election(shape), fc.integer(), ({ contest, ballots }, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(ballots, { minLength: ballots.length }), { numRuns: 1, seed })[0]!;
        expect(method.tally(shuffled, contest)).toEqual(method.tally(ballots, contest));
      }),
    );
  });

  it('refuses nothing it generated, and elects at most one, never without a vote', () => {
    fc.assert(
      fc.property(election(shape), ({ contest, ballots }) => {
        for (const b of ballots) expect(method.validate(b, contest)).toEqual({ ok: true });
        const { elected, rounds } = method.tally(ballots, contest);
        expect(elected.length).toBeLessThanOrEqual(1);
        for (const c of elected) expect(Number(rounds[rounds.length - 1]!.votes[c])).toBeGreaterThan(0);
      }),
    );
  });
});

const sum = (xs: readonly string[]): bigint => xs.reduce((a, b) => a + BigInt(b), 0n);

describe.each([
  [plurality, 'single'],
  [irv, 'ranked'],
] as const)('$key rounds', (method, shape) => {
  it("add up: every round's votes plus non-transferable plus residue equal the total exactly", () => {
    fc.assert(
      fc.property(election(shape), ({ contest, ballots }) => {
        const result = method.tally(ballots, contest);
        for (const round of result.rounds) expect(sum([...round.votes, round.nonTransferable, round.residue])).toBe(BigInt(result.totalValid));
      }),
    );
  });
});

describe('yes / no rounds', () => {
  it('add up to the ballots cast', () => {
    const contest: Contest = { candidates: ['yes', 'no', 'abstain'], seats: 1, lotSeed: '' };
    fc.assert(
      fc.property(fc.array(fc.record({ preferences: fc.tuple(fc.integer({ min: 0, max: 2 })), count: fc.integer({ min: 1, max: 9 }) })), (ballots) => {
        const result = yesNo.tally(ballots, contest);
        expect(sum(result.rounds[0]!.votes)).toBe(BigInt(ballots.reduce((a, b) => a + b.count, 0)));
      }),
    );
  });
});

describe('instant-runoff majority', () => {
  it('elects the candidate a majority ranks first', () => {
    fc.assert(
      fc.property(election('ranked'), fc.integer({ min: 0, max: 5 }), ({ contest, ballots }, pick) => {
        const favourite = pick % contest.candidates.length;
        const others = ballots.reduce((a, b) => a + b.count, 0);
        const majority: Ballot = { preferences: [favourite], count: others + 1 };
        expect(irv.tally([...ballots, majority], contest).elected).toEqual([favourite]);
      }),
    );
  });
});

describe('methodFor', () => {
  it('gives each key its method', () => {
    const keys: MethodKey[] = ['yes_no', 'plurality', 'approval', 'irv', 'scottish_stv', 'meek_stv'];
    for (const key of keys) expect(methodFor(key).key).toBe(key);
  });
});
