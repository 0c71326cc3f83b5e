// STV counting speed on its own, with its sizes as flags:
//   npx tsx bench/stv.ts [--ballots N] [--candidates N] [--seats N] [--seed N] [--repeat N]
// Scottish and Meek STV on seeded random ranked ballots (default 100,000 ballots, 20 candidates,
// 5 seats), each timed against the raw cost of reading the ballots once (one pass summing first
// preferences), all in the same process and run. The same figures, with instant-runoff on
// 1,000,000 ballots, are the (f) rows of `npm run bench` (bench/methods.ts, which this uses).

import { parseArgs } from 'node:util';
import { meekStv } from '@/lib/governance/methods/meek-stv';
import { scottishStv } from '@/lib/governance/methods/scottish-stv';
import { contestOf, makeBallots, METHODS_BENCH, timeMethods } from './methods';

const defaults = { ballots: METHODS_BENCH.stvBallots, candidates: METHODS_BENCH.candidates, seats: METHODS_BENCH.seats, seed: METHODS_BENCH.seed, repeat: 5 };
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

const timings = timeMethods([scottishStv, meekStv], makeBallots(BALLOTS, CANDIDATES, SEED), contestOf(CANDIDATES, SEATS), REPEAT);
console.log(`STV bench: ${BALLOTS} ballots, ${CANDIDATES} candidates, ${SEATS} seats, seed ${SEED}; median of ${REPEAT} runs after a warm-up`);
console.log(`reading the ballots once (sum of first preferences): ${timings[0]!.baseline.wall.toFixed(2)} ms`);
for (const t of timings) {
  console.log(
    `${t.method}: ${t.time.wall.toFixed(1)} ms (CPU ${t.time.cpu.toFixed(1)} ms; ${(t.time.wall / t.baseline.wall).toFixed(0)}× the read), ${t.rounds} rounds, elected ${t.elected.map((c) => c + 1).join(', ')}`,
  );
}
