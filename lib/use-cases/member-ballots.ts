import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Executor } from '@/db/client';
import { appendAfterLockedHead } from '@/db/queries/log';
import type { LockedLogHead } from '@/db/queries/log';
import { rollEntryOf } from '@/db/queries/rolls';
import { writeCurrentMemberBallot } from '@/db/queries/votes';
import { choiceBallotProblem } from '@/lib/governance/choice-count';
import { ballotProblemParams } from '@/lib/governance/methods/ballots';
import { refuse } from '@/lib/governance/refusal';
import type { BallotChoice, ChoiceMethodSpec, Phase } from '@/lib/governance/types';
import { BALLOT_COMMITMENT_SCHEME } from '@/lib/log/ballot-commitment';
import { requireSeatHolderMay, settleBoth } from './actor';
import type { Actor, ProposalInHand } from './actor';
import { ballotCommitment, newBallotNonce } from './notice';

/**
 * A ballot in a member-wide vote: cast by a member on the stage's roll (snapshotted when voting
 * opened), changed as often as they like until the close; the last one counts, for them and for
 * everyone whose delegation reaches them (member-vote.ts). Logged like a seat's ballot, by the
 * voter and without a seat: an open ballot as a hiding commitment opened at the close, a secret
 * one as `secret: true` only. The caller holds the proposal's and the log head's locks.
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
  const common = { id: voteId, proposalId: b.p.row.id, stageIndex: b.stageIndex, voterUserId: b.actor.userId, nonce, castAt: b.at };
  let write: Promise<unknown>;
  let payload: Record<string, unknown>;
  if (method) {
    if (input.preferences === null) refuse('ballot.empty');
    const problem = choiceBallotProblem(method, b.p.row.options, input.preferences!);
    if (problem) refuse(problem.code, ballotProblemParams(problem, b.p.row.options));
    write = writeCurrentMemberBallot(tx, { ...common, choice: 'secret', rationale: null, preferences: [...input.preferences!] });
    payload = { number: b.p.row.number, stageIndex: b.stageIndex, voteId, member: true, voterUserId: b.actor.userId, secret: true };
  } else {
    if (input.choice === null) refuse('ballot.choice_missing');
    write = writeCurrentMemberBallot(tx, { ...common, choice: input.choice!, rationale: input.rationale });
    payload = {
      number: b.p.row.number,
      stageIndex: b.stageIndex,
      voteId,
      member: true,
      voterUserId: b.actor.userId,
      commitmentScheme: BALLOT_COMMITMENT_SCHEME,
      commitment: ballotCommitment(voteId, input.choice!, nonce),
    };
  }
  const log = appendAfterLockedHead(tx, head, {
    orgId: b.orgId,
    actorId: b.actor.userId,
    kind: 'ballot.cast',
    subject: `proposal:${b.p.row.id}`,
    payload,
    at: b.at,
  });
  await settleBoth(write, log);
}
