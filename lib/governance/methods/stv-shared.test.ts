import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { irv } from './irv';
import { meekStv } from './meek-stv';
import { scottishStv } from './scottish-stv';
import { formatFixed } from './stv-shared';
import type { Ballot, Contest, VoteMethod } from './types';

const methods: [string, VoteMethod, number][] = [
  ['scottishStv', scottishStv, 5],
  ['meekStv', meekStv, 9],
];

/** An exact decimal string as an integer count of 10^-places. */
const units = (s: string, places: number): bigint => {
  const [whole, fraction = ''] = s.split('.');
  return BigInt(whole! + fraction.padEnd(places, '0'));
};

const election = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc.record({
    candidates: fc.constant(Array.from({ length: n }, (_, i) => `C${i}`)),
    seats: fc.integer({ min: 1, max: n }),
    ballots: fc.array(
      fc.record({
        preferences: fc.shuffledSubarray(
          Array.from({ length: n }, (_, i) => i),
          { minLength: 1 },
        ),
        count: fc.integer({ min: 1, max: 9 }),
      }),
      { minLength: 1, maxLength: 25 },
    ),
    seed: fc.string(),
  }),
);
const contestOf = (e: { candidates: string[]; seats: number; seed: string }): Contest => ({ candidates: e.candidates, seats: e.seats, lotSeed: e.seed });

/**
 * A tiny instant-runoff count for the one-seat comparison, written apart from both STV rules: each
 * ballot counts for its first continuing candidate; more than half of the continuing votes wins;
 * otherwise the lowest is excluded. Returns undefined when a tie for lowest would need breaking.
 */
function referenceIrv(ballots: readonly Ballot[], n: number): number | undefined {
  const continuing = new Set(Array.from({ length: n }, (_, i) => i));
  for (;;) {
    const tally = new Map([...continuing].map((c) => [c, 0]));
    let active = 0;
    for (const ballot of ballots) {
      const top = ballot.preferences.find((c) => continuing.has(c));
      if (top === undefined) continue;
      tally.set(top, tally.get(top)! + ballot.count);
      active += ballot.count;
    }
    const leader = [...tally].find(([, v]) => 2 * v > active);
    if (leader) return leader[0];
    if (continuing.size === 1) return [...continuing][0];
    const least = Math.min(...tally.values());
    const lowest = [...tally].filter(([, v]) => v === least);
    if (lowest.length > 1) return undefined;
    continuing.delete(lowest[0]![0]);
  }
}

describe.each(methods)('%s properties', (_name, method, places) => {
  it('ballot order never matters', () => {
    fc.assert(
      fc.property(election, fc.integer(), (e, shift) => {
        const contest = contestOf(e);
        const rotated = e.ballots.map((_, i) => e.ballots[(i + Math.abs(shift)) % e.ballots.length]!);
        expect(method.tally(rotated.reverse(), contest)).toEqual(method.tally(e.ballots, contest));
      }),
      { numRuns: 150 },
    );
  });

  it('in every round, votes + non-transferable + residue = the total exactly', () => {
    fc.assert(
      fc.property(election, (e) => {
        const r = method.tally(e.ballots, contestOf(e));
        const total = units(r.totalValid, places);
        for (const round of r.rounds) {
          const sum = round.votes.reduce((s, v) => s + units(v, places), 0n) + units(round.nonTransferable, places) + units(round.residue, places);
          expect(sum).toBe(total);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('fills every seat it can, each candidate once, and elects no one excluded', () => {
    fc.assert(
      fc.property(election, (e) => {
        const r = method.tally(e.ballots, contestOf(e));
        expect(r.elected.length).toBe(Math.min(e.seats, e.candidates.length));
        expect(new Set(r.elected).size).toBe(r.elected.length);
        const excluded = r.rounds.flatMap((x) => x.excluded);
        expect(r.elected.filter((c) => excluded.includes(c))).toEqual([]);
        expect(r.rounds.flatMap((x) => x.elected)).toEqual(r.elected);
      }),
      { numRuns: 150 },
    );
  });

  it('with one seat, elects the instant-runoff winner (where no tie has to be broken)', () => {
    fc.assert(
      fc.property(election, (e) => {
        const irv = referenceIrv(e.ballots, e.candidates.length);
        const r = method.tally(e.ballots, { ...contestOf(e), seats: 1 });
        fc.pre(irv !== undefined && r.ties.length === 0);
        expect(r.elected).toEqual([irv]);
      }),
      { numRuns: 200 },
    );
  });

  it('with one seat, elects the winner of the instant-runoff method itself (where neither breaks a tie)', () => {
    fc.assert(
      fc.property(election, (e) => {
        const contest = { ...contestOf(e), seats: 1 };
        const byIrv = irv.tally(e.ballots, contest);
        const r = method.tally(e.ballots, contest);
        fc.pre(byIrv.ties.length === 0 && r.ties.length === 0);
        expect(r.elected).toEqual(byIrv.elected);
      }),
      { numRuns: 200 },
    );
  });

  it('a first choice of a majority wins one seat at the first count', () => {
    fc.assert(
      fc.property(election, fc.integer({ min: 0, max: 5 }), (e, pick) => {
        const winner = pick % e.candidates.length;
        const others = e.ballots.reduce((s, x) => s + x.count, 0);
        const ballots = [...e.ballots, { preferences: [winner], count: others + 1 }];
        const r = method.tally(ballots, { ...contestOf(e), seats: 1 });
        expect(r.elected).toEqual([winner]);
        expect(r.rounds[0]!.elected).toEqual([winner]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('meekStv keep factors', () => {
  it('stay between 0 and 1, are 1 for hopefuls and 0 for the excluded', () => {
    fc.assert(
      fc.property(election, (e) => {
        const r = meekStv.tally(e.ballots, contestOf(e));
        const out = new Set<number>();
        const won = new Set<number>();
        for (const round of r.rounds) {
          round.excluded.forEach((c) => out.add(c));
          round.keepFactors!.forEach((k, c) => {
            const v = units(k, 9);
            expect(v >= 0n && v <= 1_000_000_000n).toBe(true);
            if (out.has(c)) expect(v).toBe(0n);
            else if (!won.has(c)) expect(v).toBe(1_000_000_000n);
          });
          round.elected.forEach((c) => won.add(c));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('formatFixed', () => {
  it('writes every decimal place, and signs', () => {
    expect(formatFixed(0n, 5)).toBe('0.00000');
    expect(formatFixed(1234n, 5)).toBe('0.01234');
    expect(formatFixed(123456789n, 5)).toBe('1234.56789');
    expect(formatFixed(-5n, 2)).toBe('-0.05');
    expect(formatFixed(42n, 0)).toBe('42');
  });
});
