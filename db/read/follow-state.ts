import 'server-only';
import { getDb } from '@/db/client';
import { followFacts } from '@/db/queries/follows';
import { hasRole } from '@/lib/governance/roles';

/** Whether the viewer may follow this proposal (an accepted member, not an observer; a published proposal) and whether they do. */
export async function followState(orgId: string, proposalId: string, userId: string | null): Promise<{ canFollow: boolean; following: boolean }> {
  if (!userId) return { canFollow: false, following: false };
  // One query (it was three, one after the other).
  const { role, followable, following } = await followFacts(getDb(), orgId, proposalId, userId);
  if (!hasRole(role, 'member') || !followable) return { canFollow: false, following: false };
  return { canFollow: true, following };
}
