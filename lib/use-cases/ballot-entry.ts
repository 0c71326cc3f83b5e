import 'server-only';
import type { Executor } from '@/db/client';
import { appendAfterLockedHead } from '@/db/queries/log';
import type { LockedLogHead } from '@/db/queries/log';
import type { StoredEntry } from '@/lib/log/entry';

/** Who cast a ballot, as its entry names them: a seat of a body, or a member on a member-wide roll. */
export type BallotVoter = { seatId: string } | { memberUserId: string };

/**
 * The `ballot.cast` entry of every kind of ballot (a seat's, a member's, a secret one): the choice
 * sealed behind its commitment until the stage closes — the commitment hides it behind the secret
 * nonce (so trying each choice reveals nothing) and binds it, so the disclosure at the close cannot
 * change it. Every field has the same length whatever the choice.
 */
export function appendBallotCast(
  tx: Executor,
  head: LockedLogHead,
  cast: {
    orgId: string;
    actorId: string;
    proposal: { id: string; number: number };
    stageIndex: number;
    voter: BallotVoter;
    voteId: string;
    commitmentScheme: string;
    commitment: string;
    secret?: true;
    at: Date;
  },
): Promise<StoredEntry> {
  const voter = 'seatId' in cast.voter ? { seatId: cast.voter.seatId } : { member: true, voterUserId: cast.voter.memberUserId };
  return appendAfterLockedHead(tx, head, {
    orgId: cast.orgId,
    actorId: cast.actorId,
    kind: 'ballot.cast',
    subject: `proposal:${cast.proposal.id}`,
    payload: {
      number: cast.proposal.number,
      stageIndex: cast.stageIndex,
      ...voter,
      voteId: cast.voteId,
      ...(cast.secret ? { secret: true } : {}),
      commitmentScheme: cast.commitmentScheme,
      commitment: cast.commitment,
    },
    at: cast.at,
  });
}
