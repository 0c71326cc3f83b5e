import { checkBallot } from './ballots';
import { countOnce, electMost, oneRoundResult } from './most-votes';
import type { Contest, VoteMethod } from './types';

const limit = (contest: Contest) => contest.maxApprovals ?? contest.candidates.length;

/**
 * Approval: each ballot approves any number of options, up to the contest's `maxApprovals` (all
 * by default); the `seats` options with the most approvals win, ties for a winning place broken
 * by the public lot. A round's votes are approvals, so they add up to more than the ballots when
 * ballots approve several options.
 */
export const approval: VoteMethod = {
  key: 'approval',
  validate: (ballot, contest) => checkBallot(ballot, contest, limit(contest)),
  tally(ballots, contest) {
    const { votes, total } = countOnce(ballots, contest, limit(contest));
    return oneRoundResult('approval', votes, total, electMost(votes, contest, 'approval'));
  },
};
