import 'server-only';
import type { Database } from '@/db/client';
import { getMembership } from '@/db/queries/memberships';
import { countUndecidedProposals, getOrganizationArchiveStateForUpdate, setOrganizationArchivedAt } from '@/db/queries/organizations';
import { checkArchive, checkUnarchive } from '@/lib/governance/organization';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import { logOrganizationChange } from './organization-profile';

/**
 * An admin archives the organization: it stays readable, refuses governance and settings changes
 * (requireOrganizationWritable; disabling a webhook endpoint aside, docs/governance-rules.md), leaves the home
 * page; `organization.archived` is logged. Refused while a proposal is published and undecided.
 */
export async function archiveOrganization(db: Database, p: { orgId: string; actorId: string; confirmation: string; at: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    const org = await getOrganizationArchiveStateForUpdate(tx, p.orgId);
    if (!org) refuse('organization.not_found');
    const actor = await getMembership(tx, p.orgId, p.actorId);
    const openProposals = await countUndecidedProposals(tx, p.orgId);
    const rule = checkArchive({ actorRole: actor?.role ?? null, archivedAt: org!.archivedAt, name: org!.name, confirmation: p.confirmation, openProposals });
    if (!rule.ok) refuseRule(rule, rule.code === 'organization.archive_confirmation' ? 'confirmation' : undefined);
    await setOrganizationArchivedAt(tx, p.orgId, p.at);
    await logOrganizationChange(tx, p, 'organization.archived', { name: org!.name });
  });
}

/** An admin unarchives the organization: it takes changes again; `organization.unarchived` is logged. */
export async function unarchiveOrganization(db: Database, p: { orgId: string; actorId: string; at: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    const org = await getOrganizationArchiveStateForUpdate(tx, p.orgId);
    if (!org) refuse('organization.not_found');
    const actor = await getMembership(tx, p.orgId, p.actorId);
    const rule = checkUnarchive({ actorRole: actor?.role ?? null, archivedAt: org!.archivedAt });
    if (!rule.ok) refuseRule(rule);
    await setOrganizationArchivedAt(tx, p.orgId, null);
    await logOrganizationChange(tx, p, 'organization.unarchived', { archivedAt: org!.archivedAt!.toISOString() });
  });
}
