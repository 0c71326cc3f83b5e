import 'server-only';
import type { Executor } from '@/db/client';
import { appendLogEntry } from '@/db/queries/log';
import { memberAttributesOf, updateMembershipWeight } from '@/db/queries/memberships';
import { checkWeight } from '@/lib/governance/weights';
import type { ProposalInHand } from './actor';

/**
 * A passed membership-weight proposal sets its subject's weight, in the transaction that records
 * the outcome, and logs `membership.weight_changed` with the weights before and after. This is the
 * only code that changes a weight. A subject who left meanwhile, or a weight the rule no longer
 * accepts, changes nothing: `membership.weight_change_skipped` says why.
 */
export async function applyWeightChange(tx: Executor, p: ProposalInHand, at: Date): Promise<void> {
  const orgId = p.row.orgId;
  const userId = p.row.subjectUserId;
  const to = (p.row.effect as { weight?: unknown }).weight;
  const member = userId ? await memberAttributesOf(tx, orgId, userId, { forUpdate: true }) : null;
  const valid = checkWeight(to);
  if (!member || !valid.ok) {
    await appendLogEntry(tx, {
      orgId,
      actorId: null,
      kind: 'membership.weight_change_skipped',
      subject: `proposal:${p.row.id}`,
      payload: {
        userId,
        proposalNumber: p.row.number,
        reason: !member ? 'The member is no longer a member of the organization.' : valid.ok ? '' : valid.reason,
      },
      at,
    });
    return;
  }
  const weight = to as number;
  await updateMembershipWeight(tx, orgId, member.membershipId, weight);
  await appendLogEntry(tx, {
    orgId,
    actorId: null,
    kind: 'membership.weight_changed',
    subject: `membership:${member.membershipId}`,
    payload: { membershipId: member.membershipId, userId: member.userId, from: member.weight, to: weight, proposalNumber: p.row.number },
    at,
  });
}
