import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomElection, drawnByLot, names, orderConflicts } from '@/test/reference/compare';
import { droopMeekPrf } from '@/test/reference/droop-meek-prf';
import { formatFixed } from './stv-shared';
import { meekStv } from './meek-stv';
import type { Ballot, Contest } from './types';

const b = (count: number, ...preferences: number[]): Ballot => ({ count, preferences });
const contest = (candidates: string[], seats: number): Contest => ({ candidates, seats, lotSeed: 'reference' });
const f9 = (v: bigint) => formatFixed(v, 9);

/**
 * Test vectors of Droop (github.com/jklundell/droop), counted by its rule "meek-prf" (the PR
 * Foundation's Reference Meek Rule: fixed point, 9 places, omega 10^-6): test/blt/42.blt and
 * test/blt/513.blt, expected figures from test/ref/dump/42-meek-prf-o6-fixed-p9-d9.txt and
 * test/ref/dump/513-meek-prf-o6-fixed-p9-d9.txt (the state when the count defeats Pollux).
 */
describe('meekStv on Droop test vectors (rule meek-prf)', () => {
  const [Castor, Pollux, Helen] = [0, 1, 2];
  const candidates = ['Castor', 'Pollux', 'Helen'];

  it('42.blt: 4 "Castor Pollux", 2 "Helen"; 2 seats', () => {
    const r = meekStv.tally([b(4, Castor, Pollux), b(2, Helen)], contest(candidates, 2));
    expect(r.elected).toEqual([Castor, Helen]);
    // Droop: defeat Pollux (surplus 0.000000003 < omega): quota 2.000000001, Castor 2.000000004
    // (kf 0.500000001), Pollux 1.999999996, Helen 2.000000000. Pollux + surplus < Helen: no tie.
    const before = r.rounds.at(-2)!;
    expect([before.quota, before.votes, before.keepFactors![Castor]]).toEqual(['2.000000001', ['2.000000004', '1.999999996', '2.000000000'], '0.500000001']);
    expect(r.rounds.flatMap((x) => x.excluded)).toEqual([Pollux]);
    expect(r.ties).toEqual([]);
  });

  it('513.blt: 5 "Castor Pollux", 1 "Pollux", 3 "Helen"; 2 seats', () => {
    const r = meekStv.tally([b(5, Castor, Pollux), b(1, Pollux), b(3, Helen)], contest(candidates, 2));
    expect(r.elected).toEqual([Castor, Helen]);
    // Droop: defeat Pollux (surplus 0.000000004 < omega): quota 3.000000001, Castor 3.000000005
    // (kf 0.600000001), Pollux 2.999999995, Helen 3.000000000.
    const before = r.rounds.at(-2)!;
    expect([before.quota, before.votes, before.keepFactors![Castor]]).toEqual(['3.000000001', ['3.000000005', '2.999999995', '3.000000000'], '0.600000001']);
    expect(r.rounds.flatMap((x) => x.excluded)).toEqual([Pollux]);
  });
});

/**
 * Random small elections counted by us and by the oracle (test/reference/droop-meek-prf.ts, a port
 * of Droop's meek_prf.py): the same winners, in no conflicting order, the same candidates excluded
 * in the same order, and at each exclusion the same quota, votes and keep factors, digit for digit.
 * Cases where either count broke a tie (ours by lot, the oracle by its tie order) are skipped.
 */
describe('meekStv against the PR Foundation reference rule (Droop meek-prf port)', () => {
  it('agrees on random elections', () => {
    let compared = 0;
    fc.assert(
      fc.property(randomElection, (e) => {
        const ours = meekStv.tally(e.ballots, contest(names(e.n), e.seats));
        const ref = droopMeekPrf(e.ballots, e.n, e.seats);
        if (drawnByLot(ours, ref)) return;
        compared++;
        expect([...ours.elected].sort()).toEqual([...ref.elected].sort());
        expect(orderConflicts(ours, ref)).toEqual([]);
        const exclusions = ours.rounds.flatMap((r, i) => (r.action.kind === 'exclusion' ? [{ c: r.excluded[0]!, before: ours.rounds[i - 1]! }] : []));
        expect(exclusions.map((x) => x.c)).toEqual(ref.defeats.map((d) => d.candidate));
        for (const [i, d] of ref.defeats.entries()) {
          const before = exclusions[i]!.before;
          expect({ quota: before.quota, votes: before.votes, keep: before.keepFactors }).toEqual({
            quota: f9(d.quota),
            votes: d.votes.map(f9),
            keep: d.keepFactors.map(f9),
          });
        }
      }),
      { numRuns: Number(process.env.STV_FUZZ_RUNS ?? 300), seed: Number(process.env.STV_FUZZ_SEED ?? 20240601) },
    );
    console.info(`meek-prf cross-check: ${compared} compared`);
    expect(compared).toBeGreaterThan(0);
  });
});
