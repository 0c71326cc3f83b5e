import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Database, Executor } from '@/db/client';
import { appendAfterLockedHead, lockLogHead } from '@/db/queries/log';
import type { LockedLogHead } from '@/db/queries/log';
import { endStandingObjection, insertObjection } from '@/db/queries/objections';
import { findBody, findType } from '@/lib/governance/charter';
import { MAX_OBJECTION_REASON, MIN_OBJECTION_REASON } from '@/lib/governance/consent';
import { proposalPhase } from '@/lib/governance/phase';
import { refuse } from '@/lib/governance/refusal';
import { hasRole } from '@/lib/governance/roles';
import { phaseParam } from '@/lib/governance/refusal-facts';
import { loadOrRefuse, settleBoth } from './actor';
import type { Actor, ProposalInHand } from './actor';
import { requireOrganizationWritable } from './writable';

type ObjectionInput = { orgId: string; proposalId: string };

/**
 * A seat holder of the deciding body raises an objection to a proposal decided by consent, with
 * its reason, public at once. Raising again replaces the seat's standing objection (the old one
 * is marked withdrawn at the same instant). The row and its `objection.raised` log entry are
 * written in one transaction; the locks are taken as for a ballot: the proposal, then the log head.
 */
export async function raiseObjection(db: Database, actor: Actor, input: ObjectionInput & { reason: string }, at: Date): Promise<void> {
  const reason = input.reason.replace(/\r\n/g, '\n').trim();
  const length = [...reason].length;
  if (length < MIN_OBJECTION_REASON) refuse('objection.reason_short', { min: MIN_OBJECTION_REASON }, 'reason');
  if (length > MAX_OBJECTION_REASON) refuse('objection.reason_long', { max: MAX_OBJECTION_REASON.toLocaleString('en') }, 'reason');
  await db.transaction(async (tx) => {
    await requireOrganizationWritable(tx, input.orgId);
    const { p, head, stageIndex, seatId } = await objectorInHand(tx, actor, input, at);
    await endStandingObjection(tx, { proposalId: p.row.id, stageIndex, seatId, at });
    await insertObjection(tx, { id: randomUUID(), proposalId: p.row.id, stageIndex, seatId, objectorUserId: actor.userId, reason, at });
    await appendAfterLockedHead(tx, head, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: 'objection.raised',
      subject: `proposal:${p.row.id}`,
      payload: { number: p.row.number, stageIndex, seatId, reason },
      at,
    });
  });
}

/** The objector withdraws their seat's standing objection; logged as `objection.withdrawn` in the same transaction. */
export async function withdrawObjection(db: Database, actor: Actor, input: ObjectionInput, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await requireOrganizationWritable(tx, input.orgId);
    const { p, head, stageIndex, seatId } = await objectorInHand(tx, actor, input, at);
    if (!(await endStandingObjection(tx, { proposalId: p.row.id, stageIndex, seatId, at }))) refuse('objection.none_standing');
    await appendAfterLockedHead(tx, head, {
      orgId: input.orgId,
      actorId: actor.userId,
      kind: 'objection.withdrawn',
      subject: `proposal:${p.row.id}`,
      payload: { number: p.row.number, stageIndex, seatId },
      at,
    });
  });
}

/**
 * The proposal (locked) and the log head (locked), once the rules allow this person to object now:
 * a consent type, its window open and its close not yet recorded, a member holding a seat of the
 * deciding body, not recused.
 */
async function objectorInHand(
  tx: Executor,
  actor: Actor,
  input: ObjectionInput,
  at: Date,
): Promise<{ p: ProposalInHand; head: LockedLogHead; stageIndex: number; seatId: string }> {
  const [p, head] = await settleBoth(loadOrRefuse(tx, input.orgId, input.proposalId, { seatsHeldBy: actor.userId }), lockLogHead(tx, input.orgId));
  if (!findType(p.charter, p.row.typeKey).consent) refuse('objection.not_consent');
  const phase = proposalPhase(p.record, p.charter, at);
  if (phase.kind !== 'voting') refuse('objection.window_not_open', phaseParam(phase));
  const stageIndex = (phase as { stageIndex: number }).stageIndex;
  // `at` was read before the lock was granted: the worker may have recorded the close meanwhile.
  if (p.stages.find((s) => s.stageIndex === stageIndex)?.closedRecordedAt) refuse('objection.window_closed');
  const bodyKey = p.record.stages[stageIndex]!.bodyKey;
  const seat = p.seats!.find((s) => s.bodyKey === bodyKey);
  // Observers hold no vote, and so no objection, even on a seat (as for ballots).
  if (!seat || !hasRole(actor.role, 'member')) refuse('objection.not_allowed', { body: findBody(p.charter, bodyKey).name.toLowerCase() });
  if (p.record.stages[stageIndex]!.recusedSeatIds.includes(seat!.seatId)) refuse('objection.recused');
  return { p, head, stageIndex, seatId: seat!.seatId };
}
