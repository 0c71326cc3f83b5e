import type { BallotChoice } from '../types';
import { checkBallot } from './ballots';
import { countOnce, oneRoundResult } from './most-votes';
import type { Ballot, Contest, VoteMethod } from './types';

/** The options of a yes/no/abstain vote, in this order: ids 0, 1 and 2. */
export const YES_NO_OPTIONS: readonly BallotChoice[] = ['yes', 'no', 'abstain'];

/** The contest of a yes/no/abstain vote. */
export function yesNoContest(lotSeed: string): Contest {
  return { candidates: YES_NO_OPTIONS, seats: 1, lotSeed };
}

/** Today's ballot choice as a ballot of the shared interface. */
export function yesNoBallot(choice: BallotChoice, count = 1): Ballot {
  return { preferences: [YES_NO_OPTIONS.indexOf(choice)], count };
}

/**
 * Yes / no / abstain through the shared interface: one round with the count per option. Whether
 * the motion passes is the charter's quorum and threshold (lib/governance/tally.ts), not this
 * count's: the result names no winner.
 */
export const yesNo: VoteMethod = {
  key: 'yes_no',
  validate: (ballot, contest) => checkBallot(ballot, contest, 1),
  tally(ballots, contest) {
    const { votes, total } = countOnce(ballots, contest, 1);
    return oneRoundResult('yes_no', votes, total, { elected: [], ties: [] });
  },
};
