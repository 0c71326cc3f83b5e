import 'server-only';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { memberships, organizations } from '@/db/schema';
import type { Role } from '@/lib/governance/roles';
import { isWellFormedSlug } from '@/lib/validation/organization';
import type { MembershipContext } from './memberships';
import type { PublicOrganization } from './organizations';

export type OrgPageRow = {
  org: PublicOrganization & { isPublic: boolean };
  /** The viewer's accepted membership, or null (signed out, not a member, or an invitation not yet accepted). */
  membership: MembershipContext | null;
  /** Whether the viewer has a draft in this organization: drafts are the viewer's own, never logged, never shared. */
  viewerHasDrafts: boolean;
  /**
   * What the organization's shared data was read at: the decision log's size and head (every vote,
   * comment, publication and recorded transition moves it), the accepted members' count, the
   * membership stamp (membership_tallies.changes: it grows with every membership row inserted,
   * changed or deleted) and the default language, for public and private organizations alike (the
   * public page cache's version, publicPageVersion, reads the log's size, the stamp and the default
   * language).
   */
  version: string;
};

/**
 * One query for what every /o/[slug] page starts from: the organization by its slug (with its
 * accepted member count and logo), the viewer's membership in it, whether the viewer has drafts in
 * it, and the organization's data version. It was three (organization with count, membership,
 * and — for the public page cache — the version), one of them after the other.
 */
export async function getOrgPageRow(db: Executor, slug: string, userId: string | null): Promise<OrgPageRow | null> {
  if (!isWellFormedSlug(slug)) return null;
  // Qualified by hand: inside a subquery a bare "id" would bind to the inner table.
  const rows = await db
    .select({
      id: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      mission: organizations.mission,
      isPublic: organizations.isPublic,
      createdAt: organizations.createdAt,
      archivedAt: organizations.archivedAt,
      logoSha256: sql<string | null>`(select l.sha256 from organization_logos l where l.org_id = organizations.id)`,
      defaultLocale: organizations.defaultLocale,
      // The memberships as the database tallies them (migration 0039): accepted members and the membership stamp, one row.
      members: sql<
        string | null
      >`(select (t.admins + t.secretaries + t.members + t.observers) || ':' || t.changes from membership_tallies t where t.org_id = organizations.id)`,
      log: sql<string | null>`(select h.size || ':' || h.head_hash from log_heads h where h.org_id = organizations.id)`,
      membershipId: memberships.id,
      role: memberships.role,
      viewerHasDrafts: userId
        ? sql<boolean>`exists (select 1 from proposals p where p.org_id = organizations.id and p.author_id = ${userId} and p.status = 'draft')`
        : sql<boolean>`false`,
    })
    .from(organizations)
    .leftJoin(
      memberships,
      userId ? and(eq(memberships.orgId, organizations.id), eq(memberships.userId, userId), isNotNull(memberships.acceptedAt)) : sql`false`,
    )
    .where(eq(organizations.slug, slug))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const { membershipId, role, members, log, viewerHasDrafts, ...org } = row;
  const tally = members ?? '0:0';
  const memberCount = Number(tally.split(':')[0]);
  return {
    org: { ...org, memberCount },
    membership: membershipId && role && userId ? { membershipId, orgId: org.id, userId, role: role as Role } : null,
    viewerHasDrafts: viewerHasDrafts === true || (viewerHasDrafts as unknown) === 't',
    version: `${log ?? '0:'}:${tally}:${org.defaultLocale ?? ''}`,
  };
}
