import 'server-only';
import type { Database } from '@/db/client';
import { updateProposal } from '@/db/queries/proposal-changes';
import { proposalContext } from '@/db/queries/proposal-context';
import { loadOrRefuse, logProposalAct, requireAction } from './actor';
import type { Actor } from './actor';
import { requireOrganizationWritable } from './writable';

/** The author withdraws the proposal before voting opens; a published one's withdrawal is logged. */
export async function withdrawProposal(db: Database, actor: Actor, input: { orgId: string; proposalId: string; reason: string }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    // Archived organizations take no new writes (organizationWritable).
    await requireOrganizationWritable(tx, input.orgId);
    const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
    const { phase, actions } = await proposalContext(tx, input.orgId, p, p.charter, actor, at);
    requireAction(actions, 'withdraw', phase, 'proposal.withdraw_not_allowed');
    await updateProposal(tx, p.row.id, { status: 'withdrawn', withdrawnAt: at, updatedAt: at });
    if (p.row.status === 'published') {
      await logProposalAct(tx, actor, p.row, 'proposal.withdrawn', at, { reason: input.reason });
    }
  });
}
