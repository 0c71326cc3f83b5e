/**
 * Counting a choice among options with the proposal type's method (lib/governance/methods): the
 * contest, the check of one ballot, and the count recorded at the close. Server-side and in the
 * recount CLI; not for the browser (the methods' lots hash with node:crypto).
 */
import { methodFor } from './methods/registry';
import type { Ballot as MethodBallot, BallotProblem, Contest } from './methods/types';
import type { ChoiceCount, ChoiceMethodSpec } from './types';

/** The contest the method counts: the options, the winners, and the public seed for lots. */
export function choiceContest(method: ChoiceMethodSpec, options: readonly string[], lotSeed: string): Contest {
  return {
    candidates: options,
    seats: method.winners,
    lotSeed,
    ...(method.key === 'approval' && method.maxApprovals !== undefined ? { maxApprovals: method.maxApprovals } : {}),
  };
}

/** Checks one person's ballot against the method and options: null when it may be cast. */
export function choiceBallotProblem(method: ChoiceMethodSpec, options: readonly string[], preferences: readonly number[]): BallotProblem | null {
  const check = methodFor(method.key).validate({ preferences, count: 1 }, choiceContest(method, options, ''));
  if (check.ok) return null;
  return Object.fromEntries(Object.entries(check).filter(([k]) => k !== 'ok')) as BallotProblem;
}

/**
 * Counts the ballots with the method: the anonymous ballots as published (sorted, identical ones
 * merged, `[count, ...preferences]`) and the method's result. Same ballots, same seed, same count.
 */
export function countChoice(method: ChoiceMethodSpec, options: readonly string[], lotSeed: string, ballots: readonly (readonly number[])[]): ChoiceCount {
  return countWeightedChoice(
    method,
    options,
    lotSeed,
    ballots.map((preferences) => ({ preferences, count: 1 })),
  );
}

/** As countChoice, each ballot counting `count` times (a member's ballot with the weight it carries). */
export function countWeightedChoice(
  method: ChoiceMethodSpec,
  options: readonly string[],
  lotSeed: string,
  ballots: readonly { preferences: readonly number[]; count: number }[],
): ChoiceCount {
  const merged = mergeWeightedBallots(ballots);
  const methodBallots: MethodBallot[] = merged.map(([count, ...preferences]) => ({ preferences, count: count! }));
  const result = methodFor(method.key).tally(methodBallots, choiceContest(method, options, lotSeed));
  return {
    method: method.key,
    winners: method.winners,
    ...(method.maxApprovals !== undefined ? { maxApprovals: method.maxApprovals } : {}),
    options: [...options],
    lotSeed,
    ballots: merged,
    result,
  };
}

/** Identical ballots merged and sorted (by preferences, then count): the order ballots were cast in is not published. */
export function mergeBallots(ballots: readonly (readonly number[])[]): number[][] {
  return mergeWeightedBallots(ballots.map((preferences) => ({ preferences, count: 1 })));
}

/** As mergeBallots, each ballot counting `count` times. */
export function mergeWeightedBallots(ballots: readonly { preferences: readonly number[]; count: number }[]): number[][] {
  const counts = new Map<string, { preferences: readonly number[]; count: number }>();
  for (const { preferences, count } of ballots) {
    if (count <= 0) continue;
    const key = preferences.join(',');
    const held = counts.get(key);
    if (held) held.count += count;
    else counts.set(key, { preferences, count });
  }
  return [...counts.values()].sort((a, b) => comparePreferences(a.preferences, b.preferences)).map(({ preferences, count }) => [count, ...preferences]);
}

function comparePreferences(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
