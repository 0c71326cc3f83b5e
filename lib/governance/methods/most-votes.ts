import { assertBallots, assertSeats } from './ballots';
import { drawByLot } from './ties';
import type { Ballot, Contest, MethodKey, TallyResult, TieBreak } from './types';

/**
 * Methods counted in one round, where every named candidate gets the ballot's count once
 * (plurality, approval, yes/no): each candidate's votes, and the total of valid ballots. Throws
 * for a ballot `checkBallot` refuses with this `limit` of choices.
 */
export function countOnce(ballots: readonly Ballot[], contest: Contest, limit: number) {
  const total = assertBallots(ballots, contest, limit);
  const votes = contest.candidates.map(() => 0);
  for (const ballot of ballots) for (const c of ballot.preferences) votes[c]! += ballot.count;
  return { votes, total };
}

/**
 * The `seats` candidates with the most votes win, in order of votes (a candidate with no vote
 * wins nothing, and a withdrawn one never does). Candidates tied for the last seats to fill are
 * drawn by the public lot, each draw recorded as a tie; tied candidates who all win are listed
 * in ballot-paper order.
 */
export function electMost(votes: readonly number[], contest: Contest, method: MethodKey): { elected: number[]; ties: TieBreak[] } {
  assertSeats(contest);
  const withdrawn = new Set(contest.withdrawn ?? []);
  const ranked = votes
    .map((v, c) => ({ v, c }))
    .filter(({ v, c }) => v > 0 && !withdrawn.has(c))
    .sort((a, b) => b.v - a.v || a.c - b.c);
  if (ranked.length <= contest.seats) return { elected: ranked.map(({ c }) => c), ties: [] };
  const last = ranked[contest.seats - 1]!.v;
  const above = ranked.filter(({ v }) => v > last).map(({ c }) => c);
  const tied = ranked.filter(({ v }) => v === last).map(({ c }) => c);
  const take = contest.seats - above.length;
  if (tied.length === take) return { elected: [...above, ...tied], ties: [] };
  const { chosen, ties } = drawByLot(contest, method, 'winner', 1, tied, take);
  return { elected: [...above, ...chosen], ties };
}

/** A one-round result: the first count is the final count. */
export function oneRoundResult(
  method: MethodKey,
  votes: readonly number[],
  total: number,
  chosen: { elected: readonly number[]; ties: readonly TieBreak[] },
): TallyResult {
  return {
    method,
    elected: chosen.elected,
    ties: chosen.ties,
    totalValid: String(total),
    rounds: [
      {
        number: 1,
        action: { kind: 'first_count', candidates: [] },
        votes: votes.map(String),
        nonTransferable: '0',
        residue: '0',
        elected: chosen.elected,
        excluded: [],
      },
    ],
  };
}
