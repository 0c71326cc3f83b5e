import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scottishStv } from '@/lib/governance/methods/scottish-stv';
import type { Ballot, Contest } from '@/lib/governance/methods/types';

/**
 * Real elections: four wards of the Glasgow City Council election of 3 May 2007, the first counted
 * under these rules. The ballot files and every stage's figures come from the test data of Droop,
 * an independent STV counter (github.com/jklundell/droop, test/blt/scotland and
 * test/ref/dump/scotland, rule "scotland", fixed point to 5 places): we match it digit for digit.
 */
describe('scottishStv on Glasgow 2007 wards, against an independent count', () => {
  const dir = path.join(process.cwd(), 'test/fixtures/stv');
  const expected = JSON.parse(readFileSync(path.join(dir, 'glasgow-2007-droop.json'), 'utf8')) as Record<
    string,
    { seats: number; elected: string[]; stages: { nonTransferable: string; votes: string[] }[] }
  >;
  for (const [ward, want] of Object.entries(expected)) {
    it(ward, () => {
      const { contest: c, ballots } = readBlt(readFileSync(path.join(dir, `glasgow-${ward.toLowerCase()}.blt`), 'utf8'));
      expect(c.seats).toBe(want.seats);
      const r = scottishStv.tally(ballots, c);
      expect(r.elected.map((x) => c.candidates[x]).sort()).toEqual(want.elected);
      // Droop's stages are ours before rule 52's closing election (which transfers nothing).
      const stages = r.rounds.filter((x) => x.action.kind !== 'final');
      expect(stages.map((x) => ({ nonTransferable: x.nonTransferable, votes: x.votes }))).toEqual(want.stages);
    });
  }
});

/** Just enough of the BLT format for the fixtures: "n seats", ballots "count prefs… 0", "0", quoted names. */
function readBlt(text: string): { contest: Contest; ballots: Ballot[] } {
  const names = [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1]!.split(/\s+/).join(' '));
  const numbers = text
    .replace(/"[^"]*"/g, ' ')
    .trim()
    .split(/\s+/)
    .map(Number);
  const [n, seats] = numbers;
  const ballots: Ballot[] = [];
  let i = 2;
  while (numbers[i] !== 0) {
    const count = numbers[i++]!;
    const preferences: number[] = [];
    while (numbers[i] !== 0) preferences.push(numbers[i++]! - 1);
    i++;
    ballots.push({ count, preferences });
  }
  return { contest: { candidates: names.slice(0, n), seats: seats!, lotSeed: 'glasgow' }, ballots };
}
