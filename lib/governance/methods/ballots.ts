import { formatMessage } from '../messages';
import type { Ballot, BallotCheck, BallotProblem, Contest } from './types';

/**
 * Ballot validation every method shares. A ballot is refused, with the first problem found, when
 * its count is not a positive whole number, when it names no candidate, or when a preference is
 * not a candidate of the contest, names one twice, names a withdrawn one, or gives more choices
 * than the method takes (`limit`: 1 for a single choice, the contest's `maxApprovals` for approval).
 */
export function checkBallot(ballot: Ballot, contest: Contest, limit: number = contest.candidates.length): BallotCheck {
  const problem = ballotChecker(contest, limit)(ballot);
  return problem ? { ok: false, ...problem } : { ok: true };
}

/** What a count does with a ballot naming a withdrawn candidate: refuse it, or skip the candidate. */
export type WithdrawnOnBallots = 'refuse' | 'skip';

/**
 * `checkBallot` for many ballots of one contest: what it needs is set up once (a counted election
 * checks every ballot before counting, a million of them in a benchmark). With `onWithdrawn`
 * 'skip', a withdrawn candidate is not a problem.
 */
function ballotChecker(contest: Contest, limit: number, onWithdrawn: WithdrawnOnBallots = 'refuse'): (ballot: Ballot) => BallotProblem | null {
  const n = contest.candidates.length;
  const withdrawn = new Uint8Array(n);
  if (onWithdrawn === 'refuse') for (const c of contest.withdrawn ?? []) if (c >= 0 && c < n) withdrawn[c] = 1;
  // seenIn[c] is the number of the last ballot that named c: no set to build per ballot.
  const seenIn = new Float64Array(n).fill(-1);
  let serial = 0;
  return (ballot) => {
    serial++;
    if (!Number.isSafeInteger(ballot.count) || ballot.count < 1) return { code: 'ballot.bad_count', count: ballot.count };
    if (ballot.preferences.length === 0) return { code: 'ballot.empty' };
    for (const candidate of ballot.preferences) {
      if (!Number.isInteger(candidate) || candidate < 0 || candidate >= n) return { code: 'ballot.unknown_candidate', candidate };
      if (seenIn[candidate] === serial) return { code: 'ballot.repeated_candidate', candidate };
      if (withdrawn[candidate]) return { code: 'ballot.withdrawn_candidate', candidate };
      seenIn[candidate] = serial;
    }
    if (ballot.preferences.length > limit) return { code: 'ballot.too_many_choices', limit, given: ballot.preferences.length };
    return null;
  };
}

/** A ballot a method was asked to count although `validate` refuses it. */
export class InvalidBallotError extends Error {
  constructor(
    readonly index: number,
    readonly problem: BallotProblem,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidBallotError';
  }
}

/** The catalogue's wording for a refused ballot, naming candidates by name. */
export function ballotProblemMessage(problem: BallotProblem, candidates: readonly string[]): string {
  return formatMessage(problem.code, ballotProblemParams(problem, candidates));
}

/** The message parameters of a refused ballot, naming the candidate by name. */
export function ballotProblemParams(problem: BallotProblem, candidates: readonly string[]): Record<string, string | number> {
  const params: Record<string, string | number> = Object.fromEntries(Object.entries(problem).filter(([k]) => k !== 'code'));
  if ('candidate' in problem) params.candidate = candidates[problem.candidate] ?? `number ${problem.candidate + 1}`;
  return params;
}

/**
 * Checks every ballot as `checkBallot(ballot, contest, limit)` and throws `InvalidBallotError` for
 * the first one refused; returns the total of all counts. With `withdrawn` 'skip', a withdrawn
 * candidate on a ballot is let through (the count skips it: see `skipWithdrawn`).
 */
export function assertBallots(
  ballots: readonly Ballot[],
  contest: Contest,
  limit: number = contest.candidates.length,
  withdrawn: WithdrawnOnBallots = 'refuse',
): number {
  const check = ballotChecker(contest, limit, withdrawn);
  let total = 0;
  for (let index = 0; index < ballots.length; index++) {
    const ballot = ballots[index]!;
    const problem = check(ballot);
    if (problem) throw new InvalidBallotError(index, problem, `Ballot ${index + 1}: ${ballotProblemMessage(problem, contest.candidates)}`);
    total += ballot.count;
  }
  // Counts are whole numbers, so any sum below 2^53 is exact in a double; beyond it, refuse.
  if (!Number.isSafeInteger(total)) throw new RangeError('The ballots count more than 2^53 - 1 votes, beyond what Quorate counts exactly.');
  return total;
}

/** Refuses a contest without a whole number of seats, at least one, to fill. */
export function assertSeats(contest: Contest): void {
  if (!Number.isSafeInteger(contest.seats) || contest.seats < 1) throw new RangeError(`A contest fills at least one seat, not ${contest.seats}.`);
}

/**
 * BLT files list withdrawn candidates and may still rank them: the count skips them, as if the
 * ballot had not named them. Ballots left with no preference are set apart as blank; `from` gives
 * each kept ballot's index in the input, `blank` the indices set apart.
 */
export function skipWithdrawn(ballots: readonly Ballot[], withdrawn: readonly number[]): { ballots: Ballot[]; from: number[]; blank: number[] } {
  const skip = new Set(withdrawn);
  const kept: Ballot[] = [];
  const from: number[] = [];
  const blank: number[] = [];
  ballots.forEach((ballot, index) => {
    const preferences = ballot.preferences.filter((c) => !skip.has(c));
    if (preferences.length === 0) return void blank.push(index);
    kept.push(preferences.length === ballot.preferences.length ? ballot : { preferences, count: ballot.count });
    from.push(index);
  });
  return { ballots: kept, from, blank };
}
