import { checkBallot } from './ballots';
import { countOnce, electMost, oneRoundResult } from './most-votes';
import type { VoteMethod } from './types';

/**
 * Single choice (plurality): each ballot names one option; the option with the most votes wins
 * (with several seats, the `seats` options with the most). A tie for a winning place is broken by
 * the public lot (docs/vote-methods.md). Any threshold or quorum is the charter's, applied outside.
 */
export const plurality: VoteMethod = {
  key: 'plurality',
  validate: (ballot, contest) => checkBallot(ballot, contest, 1),
  tally(ballots, contest) {
    const { votes, total } = countOnce(ballots, contest, 1);
    return oneRoundResult('plurality', votes, total, electMost(votes, contest, 'plurality'));
  },
};
