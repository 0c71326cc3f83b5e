import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Executor } from '@/db/client';
import type { LockedLogHead } from '@/db/queries/log';
import { rollEntryOf } from '@/db/queries/rolls';
import { writeCurrentMemberBallot } from '@/db/queries/votes';
import { refuse } from '@/lib/governance/refusal';
import type { BallotChoice, ChoiceMethodSpec, Phase } from '@/lib/governance/types';
import { BALLOT_COMMITMENT_SCHEME } from '@/lib/log/ballot-commitment';
import { appendBallotCast } from './ballot-entry';
import { requireSeatHolderMay, settleBoth } from './actor';
import type { Actor, ProposalInHand } from './actor';
import { ballotCommitment, newBallotNonce } from './notice';
import { castSecretBallot } from './secret-ballot';

/**
 * A ballot in a member-wide vote: cast by a member on the stage's roll (snapshotted when voting
 * opened), changed as often as they like until the close; the last one counts, for them and for
 * everyone whose delegation reaches them (member-vote.ts). Logged like a seat's ballot, by the
 * voter and without a seat: an open ballot as a hiding commitment opened at the close, a secret
 * one as a seat's secret ballot is, with a receipt and its commitment (secret-ballot.ts). The
 * caller holds the proposal's and the log head's locks.
 */
export async function castMemberBallot(
  tx: Executor,
  head: LockedLogHead,
  b: { actor: Actor; orgId: string; p: ProposalInHand; phase: Phase & { kind: 'voting' }; stageIndex: number; bodyName: string; at: Date },
  input: { choice: BallotChoice | null; rationale: string | null; preferences: readonly number[] | null },
  method: ChoiceMethodSpec | null,
): Promise<void> {
  // Voting is open until the close, whatever a lagging worker has recorded.
  if (b.at.getTime() >= b.phase.closesAt.getTime()) refuse('voting.result_recorded');
  const entry = await rollEntryOf(tx, b.p.row.id, b.stageIndex, b.actor.userId);
  if (!entry) refuse('voting.not_on_roll', { body: b.bodyName });
  requireSeatHolderMay(b.actor, b.p, b.phase, 'vote');
  const voteId = randomUUID();
  const nonce = newBallotNonce();
  // A secret ballot: a receipt, its commitment in the log and the receipt mailed, as a seat's (secret-ballot.ts).
  if (method) {
    await castSecretBallot(tx, head, { ...b, seatId: null, voteId, nonce }, method, input.preferences);
    return;
  }
  if (input.choice === null) refuse('ballot.choice_missing');
  const write = writeCurrentMemberBallot(tx, {
    id: voteId,
    proposalId: b.p.row.id,
    stageIndex: b.stageIndex,
    voterUserId: b.actor.userId,
    nonce,
    castAt: b.at,
    choice: input.choice!,
    rationale: input.rationale,
  });
  const log = appendBallotCast(tx, head, {
    orgId: b.orgId,
    actorId: b.actor.userId,
    proposal: b.p.row,
    stageIndex: b.stageIndex,
    voter: { memberUserId: b.actor.userId },
    voteId,
    commitmentScheme: BALLOT_COMMITMENT_SCHEME,
    commitment: ballotCommitment(voteId, input.choice!, nonce),
    at: b.at,
  });
  await settleBoth(write, log);
}
