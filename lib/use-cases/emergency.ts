import 'server-only';
import type { Database } from '@/db/client';
import { listSeats } from '@/db/queries/charters';
import { emergencyBackers } from '@/db/queries/emergency';
import { appendLogEntry } from '@/db/queries/log';
import { updateProposal } from '@/db/queries/proposal-changes';
import { findBody, findType } from '@/lib/governance/charter';
import { checkEmergencyMotion } from '@/lib/governance/emergency';
import { proposalPhase } from '@/lib/governance/phase';
import { refuse } from '@/lib/governance/refusal';
import { discussionClosesAtOnPublish } from '@/lib/governance/windows';
import { loadOrRefuse, logProposalAct, requireSeatHolderMay } from './actor';
import type { Actor } from './actor';
import { requireOrganizationWritable } from './writable';

/**
 * docs/design.md §3.9: the shortened window only by a supermajority motion. Each seat holder of the
 * first deciding body backs the motion in person (logged); when the backers reach the charter's
 * motion threshold of CHARTER seats, the emergency window applies — never closing before now.
 */
export async function backEmergencyMotion(
  db: Database,
  actor: Actor,
  input: { orgId: string; proposalId: string },
  at: Date,
): Promise<{ approved: boolean; backers: number }> {
  return db.transaction(async (tx) => {
    // Archived organizations take no new writes (organizationWritable).
    await requireOrganizationWritable(tx, input.orgId);
    const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
    const type = findType(p.charter, p.row.typeKey);
    if (!type.emergency || !(p.row.effect as { emergency?: boolean }).emergency) refuse('emergency.not_requested');
    const phase = proposalPhase(p.record, p.charter, at);
    if (phase.kind !== 'discussion') refuse('emergency.not_in_discussion');
    if (p.row.emergencyApprovedAt) refuse('emergency.already_approved');
    const body = findBody(p.charter, type.stages[0]!.bodyKey);
    const seat = (await listSeats(tx, input.orgId)).find((s) => s.bodyKey === body.key && s.holderUserId === actor.userId);
    if (!seat) refuse('emergency.not_seat_holder', { body: body.name.toLowerCase() });
    requireSeatHolderMay(actor, p, phase, 'back_emergency', { emergencyMotionOpen: true });
    const before = await emergencyBackers(tx, input.orgId, p.row.id);
    if (before.includes(actor.userId)) refuse('emergency.already_backed');
    await logProposalAct(tx, actor, p.row, 'emergency.backed', at, { seatId: seat!.seatId });
    const backers = before.length + 1;
    const motion = checkEmergencyMotion({ type, body, charterSeats: body.charterSeats, yesVotes: backers });
    if (!motion.ok) return { approved: false, backers };
    const shortened = discussionClosesAtOnPublish(type, p.row.publishedAt!, true);
    const discussionClosesAt = shortened > at ? shortened : at;
    await updateProposal(tx, p.row.id, { emergencyApprovedAt: at, discussionClosesAt, updatedAt: at });
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: null,
      kind: 'emergency.approved',
      subject: `proposal:${p.row.id}`,
      payload: { number: p.row.number, backers, charterSeats: body.charterSeats, discussionClosesAt: discussionClosesAt.toISOString() },
      at,
    });
    return { approved: true, backers };
  });
}
