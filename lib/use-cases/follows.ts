import 'server-only';
import type { Database } from '@/db/client';
import { deleteFollow, insertFollow } from '@/db/queries/follows';
import { roleOf } from '@/db/queries/member-lookups';
import { loadProposal } from '@/db/queries/proposals';
import { refuse } from '@/lib/governance/refusal';
import { hasRole } from '@/lib/governance/roles';
import type { Actor } from './actor';

/**
 * Follow or unfollow a published proposal of the organization. Only accepted members (not
 * observers, not pending invitees) may follow; the role is read again here, not taken from the
 * caller. Following is a personal preference, not a governance act: it is not logged.
 */
export async function setFollowing(
  db: Database,
  actor: Actor,
  input: { orgId: string; proposalId: string; follow: boolean },
  at: Date,
): Promise<{ following: boolean }> {
  return db.transaction(async (tx) => {
    if (!hasRole(await roleOf(tx, input.orgId, actor.userId), 'member')) refuse('follow.members_only');
    const p = (await loadProposal(tx, input.orgId, input.proposalId))?.row;
    if (!p) refuse('proposal.not_found');
    if (p!.status === 'draft') refuse('follow.not_published');
    const ref = { orgId: input.orgId, proposalId: p!.id, userId: actor.userId };
    if (input.follow) await insertFollow(tx, { ...ref, at });
    else await deleteFollow(tx, ref);
    return { following: input.follow };
  });
}
