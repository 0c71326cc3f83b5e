import 'server-only';
import type { Database } from '@/db/client';
import { listSeats } from '@/db/queries/charters';
import { insertRecusal, uncountSeatBallots } from '@/db/queries/votes';
import { proposalPhase } from '@/lib/governance/phase';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import { canRecuse } from '@/lib/governance/voting';
import { loadOrRefuse, logProposalAct, requireSeatHolderMay } from './actor';
import type { Actor } from './actor';
import { requireOrganizationWritable } from './writable';

/** A seat holder of a deciding body recuses themselves: their seat does not vote, and any ballot it cast stops counting. */
export async function declareRecusal(db: Database, actor: Actor, input: { orgId: string; proposalId: string; reason: string }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    // Archived organizations take no new writes (organizationWritable).
    await requireOrganizationWritable(tx, input.orgId);
    const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
    const phase = proposalPhase(p.record, p.charter, at);
    const stageBodies = p.record.stages.map((s) => s.bodyKey);
    const seat = (await listSeats(tx, input.orgId)).find((s) => stageBodies.includes(s.bodyKey) && s.holderUserId === actor.userId);
    if (!seat) refuse('recusal.not_seat_holder');
    const stageIndex = Math.max(0, stageBodies.indexOf(seat!.bodyKey));
    requireSeatHolderMay(actor, p, phase, 'recuse');
    const rule = canRecuse({ record: p.record, charter: p.charter, stageIndex, seat: seat!, voterUserId: actor.userId, now: at });
    if (!rule.ok) refuseRule(rule);
    // As for ballots: `at` was read before the proposal's lock was granted, and the worker may
    // have recorded this stage's tally meanwhile; a recusal then would change a recorded result.
    if (p.stages.find((s) => s.stageIndex === stageIndex)?.closedRecordedAt) refuse('voting.result_recorded');
    const inserted = await insertRecusal(tx, { proposalId: p.row.id, seatId: seat!.seatId, userId: actor.userId, reason: input.reason, at });
    if (!inserted) refuse('recusal.already_recused');
    // A recused seat never votes: any ballot already cast from it stops counting.
    await uncountSeatBallots(tx, p.row.id, seat!.seatId);
    await logProposalAct(tx, actor, p.row, 'recusal.declared', at, { seatId: seat!.seatId, reason: input.reason, phase: phase.kind });
  });
}
