import 'server-only';
import { getDb } from '@/db/client';
import { isFollowable, isFollowing } from '@/db/queries/follows';
import { roleOf } from '@/db/queries/member-lookups';
import { hasRole } from '@/lib/governance/roles';

/** Whether the viewer may follow this proposal (an accepted member, not an observer; a published proposal) and whether they do. */
export async function followState(orgId: string, proposalId: string, userId: string | null): Promise<{ canFollow: boolean; following: boolean }> {
  if (!userId) return { canFollow: false, following: false };
  const db = getDb();
  if (!hasRole(await roleOf(db, orgId, userId), 'member') || !(await isFollowable(db, orgId, proposalId))) return { canFollow: false, following: false };
  return { canFollow: true, following: await isFollowing(db, proposalId, userId) };
}
