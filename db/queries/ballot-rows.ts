import type { Ballot, ChoiceBallot } from '@/lib/governance/types';
import { memberBallotKey } from '@/lib/governance/member-vote';

/** A current ballot as read from the votes table, before the rules' view of it (stageBallotsOf). */
export type BallotRow = {
  stageIndex: number;
  /** Null for a member's ballot in a member-wide vote: the record keys it memberBallotKey(voter). */
  seatId: string | null;
  voterUserId: string;
  choice: Ballot['choice'] | 'secret';
  /** A secret ballot's preferences (null for yes/no/abstain). */
  preferences: number[] | null;
  /** A secret ballot's receipt code (null for yes/no/abstain and ballots cast before receipts). */
  receipt?: string | null;
  castAt: Date;
};

/** A stage's current ballots as the rules read them: yes/no/abstain ballots, and secret choice ballots with their preferences. */
export function stageBallotsOf(ballots: readonly BallotRow[], stageIndex: number): { ballots: Ballot[]; choiceBallots: ChoiceBallot[] } {
  return {
    ballots: ballots
      .filter((b) => b.stageIndex === stageIndex)
      .flatMap((b): Ballot[] =>
        b.choice === 'secret' ? [] : [{ seatId: b.seatId ?? memberBallotKey(b.voterUserId), voterUserId: b.voterUserId, choice: b.choice, castAt: b.castAt }],
      ),
    choiceBallots: ballots
      .filter((b) => b.stageIndex === stageIndex)
      .flatMap((b): ChoiceBallot[] =>
        b.choice === 'secret' && b.preferences
          ? [
              {
                seatId: b.seatId ?? memberBallotKey(b.voterUserId),
                voterUserId: b.voterUserId,
                preferences: b.preferences,
                castAt: b.castAt,
                receipt: b.receipt ?? null,
              },
            ]
          : [],
      ),
  };
}
