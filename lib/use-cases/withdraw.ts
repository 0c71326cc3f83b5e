import 'server-only';
import type { Database } from '@/db/client';
import { updateProposal } from '@/db/queries/proposal-changes';
import { logProposalAct } from './actor';
import type { Actor } from './actor';
import { proposalForAct } from './proposal-act';

/** The author withdraws the proposal before voting opens; a published one's withdrawal is logged. */
export async function withdrawProposal(db: Database, actor: Actor, input: { orgId: string; proposalId: string; reason: string }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const { p } = await proposalForAct(tx, actor, input, 'withdraw', 'proposal.withdraw_not_allowed', at);
    await updateProposal(tx, p.row.id, { status: 'withdrawn', withdrawnAt: at, updatedAt: at });
    if (p.row.status === 'published') {
      await logProposalAct(tx, actor, p.row, 'proposal.withdrawn', at, { reason: input.reason });
    }
  });
}
