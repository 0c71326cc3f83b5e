import { checkBallot } from './ballots';
import { countOnce, electMost, oneRoundResult } from './most-votes';
import type { VoteMethod } from './types';

/**
 * Approval: each ballot approves any number of options, up to the contest's `maxApprovals` (all
 * by default); the `seats` options with the most approvals win, ties for a winning place broken
 * by the public lot. A round's votes are approvals, so they add up to more than the ballots when
 * ballots approve several options.
 */
export const approval: VoteMethod = {
  key: 'approval',
  validate: (ballot, contest) => checkBallot(ballot, contest, contest.maxApprovals ?? contest.candidates.length),
  tally(ballots, contest) {
    const { votes, total } = countOnce(ballots, contest, approval.validate);
    return oneRoundResult('approval', votes, total, electMost(votes, contest, 'approval'));
  },
};
