import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Database } from '@/db/client';
import { lockLogHead } from '@/db/queries/log';
import { writeCurrentBallot } from '@/db/queries/votes';
import { findBody, findType } from '@/lib/governance/charter';
import { isMemberBody } from '@/lib/governance/electorate';
import { countingMethodOf } from '@/lib/governance/election';
import { proposalPhase } from '@/lib/governance/phase';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import type { BallotChoice, Phase } from '@/lib/governance/types';
import { canCastBallot, canOpenVoting } from '@/lib/governance/voting';
import { phaseParam } from '@/lib/governance/refusal-facts';
import { BALLOT_COMMITMENT_SCHEME } from '@/lib/log/ballot-commitment';
import { appendBallotCast } from './ballot-entry';
import { loadOrRefuse, requireSeatHolderMay, settleBoth } from './actor';
import type { Actor } from './actor';
import { ballotCommitment, newBallotNonce } from './notice';
import { castMemberBallot } from './member-ballots';
import { strengths } from './open-voting';
import { castSecretBallot } from './secret-ballot';
import { requireOrganizationWritable } from './writable';

/**
 * A ballot, changed as often as the voter likes until the stage closes; the last one counts.
 *
 * Four round trips on PostgreSQL once its statements are prepared on the connection (BEGIN; the
 * organization's share lock, the proposal's lock and read and the log head's lock, pipelined; the
 * ballot and the log entry, pipelined; COMMIT) — it was 14 statements, 26 round trips, then five. The locks are taken in the order
 * every transition takes them — the proposal, then the log head — and the head is locked before
 * the rules have had their say, so a refused ballot holds it for one round trip.
 */
export async function castBallot(
  db: Database,
  actor: Actor,
  input: { orgId: string; proposalId: string; choice: BallotChoice | null; rationale: string | null; preferences?: readonly number[] | null },
  at: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    // Sent in this order, answered in one round trip: the organization's share lock (archived
    // organizations take no new writes: organizationWritable, checked first), the proposal's lock and
    // read, then the head's lock. Only the ballots the rules read at `at` (not the open stage's,
    // however many): nothing here counts them.
    const [, [p, head]] = await settleBoth(
      requireOrganizationWritable(tx, input.orgId),
      settleBoth(loadOrRefuse(tx, input.orgId, input.proposalId, { seatsHeldBy: actor.userId, ballotsClosedBy: at }), lockLogHead(tx, input.orgId)),
    );
    // A decision by consent has no ballots: a seat holder who cannot consent objects instead (consent.ts).
    const type = findType(p.charter, p.row.typeKey);
    if (type.consent) refuse('ballot.consent_decision');
    const phase = proposalPhase(p.record, p.charter, at);
    if (phase.kind !== 'voting') {
      const rule =
        phase.kind === 'discussion' || phase.kind === 'awaiting_reply' || phase.kind === 'awaiting_answers' || phase.kind === 'ready_for_voting'
          ? canOpenVoting({
              record: p.record,
              charter: p.charter,
              stageIndex: 'stageIndex' in phase ? phase.stageIndex : 0,
              strengths: await strengths(tx, input.orgId, p.charter, at),
              now: at,
            })
          : null;
      // The reason by its code too, so a translated refusal translates it (lib/i18n/refusals.ts).
      if (rule && !rule.ok) refuse('voting.not_open_yet', { reason: rule.reason, ...(rule.code ? { ...rule.params, reasonCode: rule.code } : {}) });
      refuse('voting.not_open', phaseParam(phase));
    }
    const stageIndex = (phase as { stageIndex: number }).stageIndex;
    // `at` is read before this transaction queues for the proposal's lock; meanwhile the worker
    // may have recorded the close (tally, roll call, decision). Once recorded, the box is sealed.
    if (p.stages.find((s) => s.stageIndex === stageIndex)?.closedRecordedAt) refuse('voting.result_recorded');
    const bodyKey = p.record.stages[stageIndex]!.bodyKey;
    const body = findBody(p.charter, bodyKey);
    // A member-wide body has no seats: its voters are the roll snapshotted when voting opened.
    if (isMemberBody(body)) {
      const ballot = { actor, orgId: input.orgId, p, phase: phase as Phase & { kind: 'voting' }, stageIndex, bodyName: body.name, at };
      await castMemberBallot(
        tx,
        head,
        ballot,
        { choice: input.choice, rationale: input.rationale, preferences: input.preferences ?? null },
        countingMethodOf(type, p.row.effect) ?? null,
      );
      return;
    }
    const seat = p.seats!.find((s) => s.bodyKey === bodyKey);
    if (!seat) refuse('voting.not_seat_holder', { body: body.name.toLowerCase() });
    // Role, seat and phase here; canCastBallot then says why a recused seat does not vote.
    requireSeatHolderMay(actor, p, phase, 'vote');
    const rule = canCastBallot({ record: p.record, charter: p.charter, stageIndex, seat: seat!, voterUserId: actor.userId, now: at });
    if (!rule.ok) refuseRule(rule);
    // The id is made here so the log entry can name it without waiting for the INSERT.
    const voteId = randomUUID();
    const nonce = newBallotNonce();
    const method = countingMethodOf(type, p.row.effect);
    if (method) {
      await castSecretBallot(
        tx,
        head,
        { actor, orgId: input.orgId, p, stageIndex, seatId: seat!.seatId, voteId, nonce, at },
        method,
        input.preferences ?? null,
      );
      return;
    }
    if (input.choice === null) refuse('ballot.choice_missing');
    const writeBallot = writeCurrentBallot(tx, {
      id: voteId,
      proposalId: p.row.id,
      stageIndex,
      seatId: seat!.seatId,
      voterUserId: actor.userId,
      choice: input.choice!,
      rationale: input.rationale,
      nonce,
      castAt: at,
    });
    const logBallot = appendBallotCast(tx, head, {
      orgId: input.orgId,
      actorId: actor.userId,
      proposal: p.row,
      stageIndex,
      voter: { seatId: seat!.seatId },
      voteId,
      commitmentScheme: BALLOT_COMMITMENT_SCHEME,
      commitment: ballotCommitment(voteId, input.choice!, nonce),
      at,
    });
    // Pipelined: if the ballot fails, the entry's statement fails with it and the transaction rolls back.
    await settleBoth(writeBallot, logBallot);
  });
}
