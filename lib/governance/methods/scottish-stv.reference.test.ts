import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawnByLot, names, orderConflicts, randomElection } from '@/test/reference/compare';
import { droopScotland } from '@/test/reference/droop-scotland';
import { scottishStv } from './scottish-stv';

/**
 * Random small elections counted by us and by the oracle (test/reference/droop-scotland.ts, a port
 * of Droop's droop/rules/scotland.py from github.com/jklundell/droop): the same winners in no
 * conflicting order. Skipped: ties broken by lot (ours) or tie order (Droop), and ties among three
 * or more candidates that the two readings of rule 51(2)(a) break differently (docs/stv-counting.md:
 * Quorate narrows the tie at the most recent stage where the votes differ, Droop skips a stage
 * where two or more share the fewest votes).
 */
describe('scottishStv against Droop (rule scotland)', () => {
  it('agrees on random elections', () => {
    let compared = 0;
    fc.assert(
      fc.property(randomElection, (e) => {
        const ours = scottishStv.tally(e.ballots, { candidates: names(e.n), seats: e.seats, lotSeed: 'reference' });
        const ref = droopScotland(e.ballots, e.n, e.seats);
        if (drawnByLot(ours, ref)) return;
        // Exclusion ties (Droop also breaks ties among candidates with exactly the quota, whose
        // zero surplus it transfers as a stage; Quorate has no surplus to order for them).
        const ourChoices = ours.ties.flatMap((t) => (t.purpose === 'exclude' ? [t.chosen] : [])).join();
        const refChoices = ref.ties.flatMap((t) => (t.purpose === 'defeat' ? [t.chosen] : [])).join();
        if (ourChoices !== refChoices) {
          // Only the many-way tie reading may differ.
          expect(ours.ties.some((t) => t.among.length > 2)).toBe(true);
          return;
        }
        compared++;
        expect([...ours.elected].sort()).toEqual([...ref.elected].sort());
        expect(orderConflicts(ours, ref)).toEqual([]);
      }),
      { numRuns: Number(process.env.STV_FUZZ_RUNS ?? 300), seed: Number(process.env.STV_FUZZ_SEED ?? 20240601) },
    );
    console.info(`scotland cross-check: ${compared} compared`);
    expect(compared).toBeGreaterThan(0);
  });
});
