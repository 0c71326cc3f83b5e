import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Executor } from '@/db/client';
import type { LockedLogHead } from '@/db/queries/log';
import { writeCurrentBallot, writeCurrentMemberBallot } from '@/db/queries/votes';
import { choiceBallotProblem } from '@/lib/governance/choice-count';
import { ballotProblemParams } from '@/lib/governance/methods/ballots';
import { RECEIPT_BYTES, receiptFromBytes } from '@/lib/governance/receipt';
import { refuse } from '@/lib/governance/refusal';
import type { ChoiceMethodSpec } from '@/lib/governance/types';
import { nodeSha256 } from '@/lib/log/node-hash';
import { SECRET_BALLOT_COMMITMENT_SCHEME, secretBallotCommitment } from '@/lib/log/secret-ballot-commitment';
import { enqueueBallotReceipt } from '@/lib/notify/receipt-notice';
import { settleBoth } from './actor';
import { appendBallotCast } from './ballot-entry';
import type { Actor, ProposalInHand } from './actor';

/** A fresh receipt code: 100 random bits (lib/governance/receipt.ts). */
export function newReceipt(): string {
  return receiptFromBytes(randomBytes(RECEIPT_BYTES));
}

/**
 * A secret ballot of a choice among options, by a seat or (`seatId` null) by a member on a
 * member-wide vote's roll: checked against the method and the proposal's options, stored with its
 * preferences and a new receipt code, and logged as cast (`secret: true`; by the seat, or by the
 * member as `member: true` with their user id) with a commitment to voteId, receipt, preferences
 * and the ballot's secret nonce (lib/log/secret-ballot-commitment.ts) — nothing that reveals the
 * preferences or the receipt, now or at the close, when the nonce stays secret. The receipt is
 * mailed to the voter alone, in this transaction. The close publishes the counted ballots without
 * voters, each with its receipt (receipts-at-close.ts). The caller holds the proposal's and the
 * log head's locks, and has checked that this voter may vote.
 */
export async function castSecretBallot(
  tx: Executor,
  head: LockedLogHead,
  b: { actor: Actor; orgId: string; p: ProposalInHand; stageIndex: number; seatId: string | null; voteId: string; nonce: string; at: Date },
  method: ChoiceMethodSpec,
  preferences: readonly number[] | null,
): Promise<void> {
  if (preferences === null) refuse('ballot.empty');
  const options = b.p.row.options;
  const problem = choiceBallotProblem(method, options, preferences!);
  if (problem) refuse(problem.code, ballotProblemParams(problem, options));
  const receipt = newReceipt();
  const ballot = {
    id: b.voteId,
    proposalId: b.p.row.id,
    stageIndex: b.stageIndex,
    voterUserId: b.actor.userId,
    choice: 'secret' as const,
    rationale: null,
    nonce: b.nonce,
    castAt: b.at,
    preferences: [...preferences!],
    receipt,
  };
  const writeBallot = b.seatId === null ? writeCurrentMemberBallot(tx, ballot) : writeCurrentBallot(tx, { ...ballot, seatId: b.seatId });
  const commitment = secretBallotCommitment(nodeSha256, { voteId: b.voteId, receipt, preferences: preferences!, nonce: b.nonce });
  const logBallot = appendBallotCast(tx, head, {
    orgId: b.orgId,
    actorId: b.actor.userId,
    proposal: b.p.row,
    stageIndex: b.stageIndex,
    voter: b.seatId === null ? { memberUserId: b.actor.userId } : { seatId: b.seatId },
    voteId: b.voteId,
    secret: true,
    commitmentScheme: SECRET_BALLOT_COMMITMENT_SCHEME,
    commitment,
    at: b.at,
  });
  await settleBoth(writeBallot, logBallot);
  await enqueueBallotReceipt(tx, {
    orgId: b.orgId,
    voteId: b.voteId,
    voterUserId: b.actor.userId,
    number: b.p.row.number,
    title: b.p.row.title,
    closesAt: b.p.stages.find((s) => s.stageIndex === b.stageIndex)?.closesAt ?? null,
    receipt,
    at: b.at,
  });
}
