// STV counting speed, on its own (`npx tsx bench/stv.ts [--ballots N] [--candidates N] [--seats N] [--seed N] [--repeat N]`;
// not part of `npm run bench`): Scottish and Meek STV on seeded random ranked ballots (default
// 100,000 ballots, 20 candidates, 5 seats), each timed against the raw cost of reading the ballots
// once (one pass summing first preferences), all in the same process and run.

import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { meekStv } from '@/lib/governance/methods/meek-stv';
import { scottishStv } from '@/lib/governance/methods/scottish-stv';
import type { Ballot, Contest, VoteMethod } from '@/lib/governance/methods/types';

const defaults = { ballots: 100_000, candidates: 20, seats: 5, seed: 2026, repeat: 5 };
type Setting = keyof typeof defaults;
const { values } = parseArgs({ options: Object.fromEntries(Object.keys(defaults).map((name) => [name, { type: 'string' as const }])) });
const setting = (name: Setting): number => Number(values[name] ?? defaults[name]);
const [BALLOTS, CANDIDATES, SEATS, SEED, REPEAT] = (['ballots', 'candidates', 'seats', 'seed', 'repeat'] as const).map(setting) as [
  number,
  number,
  number,
  number,
  number,
];

/** mulberry32: a small seeded generator of 32-bit integers, so every run counts the same ballots. */
function generator(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % below;
  };
}

/**
 * Voters rank between 1 and all candidates; each next preference is drawn with weight
 * (candidates − id) among those not yet ranked, so early candidates are more popular and
 * surpluses, exclusions and exhausted ballots all occur.
 */
function makeBallots(): Ballot[] {
  const next = generator(SEED);
  const ballots: Ballot[] = [];
  for (let i = 0; i < BALLOTS; i++) {
    const left = Array.from({ length: CANDIDATES }, (_, c) => c);
    const length = 1 + next(CANDIDATES);
    const preferences: number[] = [];
    while (preferences.length < length) {
      const weights = left.map((c) => CANDIDATES - c);
      let ticket = next(weights.reduce((s, w) => s + w, 0));
      let at = 0;
      while (ticket >= weights[at]!) ticket -= weights[at++]!;
      preferences.push(left.splice(at, 1)[0]!);
    }
    ballots.push({ preferences, count: 1 });
  }
  return ballots;
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The median of REPEAT timed runs, after one untimed run to warm the JIT. */
function timeIt(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

const ballots = makeBallots();
const contest: Contest = {
  candidates: Array.from({ length: CANDIDATES }, (_, c) => `Candidate ${c + 1}`),
  seats: SEATS,
  lotSeed: 'bench',
};

const baseline = timeIt(() => {
  const first = new Array<number>(CANDIDATES).fill(0);
  for (const b of ballots) first[b.preferences[0]!]! += b.count;
  return first;
});

console.log(`STV bench: ${BALLOTS} ballots, ${CANDIDATES} candidates, ${SEATS} seats, seed ${SEED}; median of ${REPEAT} runs after a warm-up`);
console.log(`reading the ballots once (sum of first preferences): ${baseline.toFixed(2)} ms`);
for (const method of [scottishStv, meekStv] as VoteMethod[]) {
  let rounds = 0;
  let elected: number[] = [];
  const ms = timeIt(() => {
    const r = method.tally(ballots, contest);
    rounds = r.rounds.length;
    elected = [...r.elected];
  });
  console.log(
    `${method.key}: ${ms.toFixed(1)} ms (${(ms / baseline).toFixed(0)}× the read), ${rounds} rounds, elected ${elected.map((c) => c + 1).join(', ')}`,
  );
}
