// Vote-method counting speed, the (f) rows of `npm run bench` (bench/run.ts). They need no build,
// server or database: `npm run bench -- --only methods` runs just them. Scottish and Meek STV
// count 100,000 seeded random ranked ballots (20 candidates, 5 seats) and instant-runoff
// 1,000,000 (20 candidates), each timed against the raw cost of reading the same ballots once (one
// pass summing first preferences), measured in the same process and run. bench/stv.ts runs the
// STV part alone, with its sizes as flags.

import { performance } from 'node:perf_hooks';
import { irv } from '@/lib/governance/methods/irv';
import { meekStv } from '@/lib/governance/methods/meek-stv';
import { scottishStv } from '@/lib/governance/methods/scottish-stv';
import type { Ballot, Contest, VoteMethod } from '@/lib/governance/methods/types';
import type { Row } from './common';

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
 * `count` ballots: each ranks between 1 and all candidates; each next preference is drawn with
 * weight (candidates − id) among those not yet ranked, so early candidates are more popular and
 * surpluses, exclusions and exhausted ballots all occur.
 */
export function makeBallots(count: number, candidates: number, seed: number): Ballot[] {
  const next = generator(seed);
  const ballots: Ballot[] = [];
  for (let i = 0; i < count; i++) {
    const left = Array.from({ length: candidates }, (_, c) => c);
    let weight = (candidates * (candidates + 1)) / 2;
    const length = 1 + next(candidates);
    const preferences: number[] = [];
    while (preferences.length < length) {
      let ticket = next(weight);
      let at = 0;
      while (ticket >= candidates - left[at]!) ticket -= candidates - left[at++]!;
      const c = left.splice(at, 1)[0]!;
      weight -= candidates - c;
      preferences.push(c);
    }
    ballots.push({ preferences, count: 1 });
  }
  return ballots;
}

export function contestOf(candidates: number, seats: number): Contest {
  return { candidates: Array.from({ length: candidates }, (_, c) => `Candidate ${c + 1}`), seats, lotSeed: 'bench' };
}

/** A run's time in ms: wall clock, and this process's CPU time (user + system, all its threads). */
export interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

/**
 * The medians of `repeat` timed runs, after one untimed run to warm the JIT. On a shared machine
 * the wall time grows with other work's load; the CPU time shows what the count itself used.
 */
export function timeIt(run: () => unknown, repeat: number): Timing {
  run();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    run();
    walls.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { wall: median(walls), cpu: median(cpus) };
}

/** The baseline: read every ballot once, summing first preferences. */
export function readOnce(ballots: readonly Ballot[], candidates: number): number[] {
  const first = new Array<number>(candidates).fill(0);
  for (const b of ballots) first[b.preferences[0]!]! += b.count;
  return first;
}

export interface MethodTiming {
  readonly method: VoteMethod['key'];
  readonly ballots: number;
  readonly candidates: number;
  readonly seats: number;
  /** Median tally time and median baseline time over the same ballots. */
  readonly time: Timing;
  readonly baseline: Timing;
  readonly rounds: number;
  readonly elected: readonly number[];
}

/** Times `methods` on `ballots` against one baseline pass over the same ballots. */
export function timeMethods(methods: readonly VoteMethod[], ballots: readonly Ballot[], contest: Contest, repeat: number): MethodTiming[] {
  const n = contest.candidates.length;
  const baseline = timeIt(() => readOnce(ballots, n), repeat);
  return methods.map((method) => {
    let rounds = 0;
    let elected: readonly number[] = [];
    const time = timeIt(() => {
      const r = method.tally(ballots, contest);
      rounds = r.rounds.length;
      elected = r.elected;
    }, repeat);
    return { method: method.key, ballots: ballots.length, candidates: n, seats: contest.seats, time, baseline, rounds, elected };
  });
}

export const METHODS_BENCH = { stvBallots: 100_000, irvBallots: 1_000_000, candidates: 20, seats: 5, seed: 2026, repeat: 5 };

/** The (f) figures: both STV rules on 100,000 ballots, instant-runoff on 1,000,000. */
export function methodsBench(log: (line: string) => void): MethodTiming[] {
  const { stvBallots, irvBallots, candidates, seats, seed, repeat } = METHODS_BENCH;
  log(`(f) counting: generating ${stvBallots.toLocaleString('en-US')} ranked ballots`);
  const stv = timeMethods([scottishStv, meekStv], makeBallots(stvBallots, candidates, seed), contestOf(candidates, seats), repeat);
  log(`(f) counting: generating ${irvBallots.toLocaleString('en-US')} ranked ballots`);
  const single = timeMethods([irv], makeBallots(irvBallots, candidates, seed), contestOf(candidates, 1), repeat);
  return [...stv, ...single];
}

const NAMES: Record<string, string> = { scottish_stv: 'Scottish STV', meek_stv: 'Meek STV', irv: 'instant-runoff' };

/** One table row per timing; the target is under one second of wall time, the ratio is of wall times. */
export function methodRows(timings: readonly MethodTiming[], repeat = METHODS_BENCH.repeat): Row[] {
  const n = (x: number) => x.toLocaleString('en-US');
  const ms = (x: number) => `${x.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ms`;
  const both = (t: Timing) => `${ms(t.wall)} (CPU ${ms(t.cpu)})`;
  return timings.map((t) => ({
    figure: `(f) ${NAMES[t.method] ?? t.method}, ${n(t.ballots)} ranked ballots, ${t.candidates} candidates, ${t.seats} seat(s): tally, median of ${repeat}`,
    measured: `${both(t.time)}; ${t.rounds} rounds`,
    baseline: `reading the ballots once (sum of first preferences): ${both(t.baseline)}`,
    ratio: `${n(Math.round(t.time.wall / t.baseline.wall))}× the read`,
    target: '< 1 s',
    met: t.time.wall < 1000 ? 'yes' : 'no',
  }));
}
