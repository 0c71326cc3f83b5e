import 'server-only';
import type { Executor } from '@/db/client';
import { getOrganizationArchiveStateForShare } from '@/db/queries/organizations';
import { organizationWritable } from '@/lib/governance/organization';
import { refuse, refuseRule } from '@/lib/governance/refusal';

/**
 * Refuses inside the transaction when the organization is archived (or gone). The row is
 * share-locked, so an archive waits for this write, or this write sees the archive.
 */
export async function requireOrganizationWritable(tx: Executor, orgId: string): Promise<void> {
  const org = await getOrganizationArchiveStateForShare(tx, orgId);
  if (!org) refuse('organization.not_found');
  const rule = organizationWritable(org!);
  if (!rule.ok) refuseRule(rule);
}
