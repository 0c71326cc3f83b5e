import 'server-only';
import { and, asc, count, desc, eq, exists, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { memberships, organizations, proposals } from '@/db/schema';
import type { Role } from '@/lib/governance/roles';
import { isWellFormedSlug } from '@/lib/validation/organization';
import { reusableStatement, rowsOf } from './prepared';

export type PublicOrganization = {
  id: string;
  slug: string;
  name: string;
  mission: string;
  memberCount: number;
  createdAt: Date;
  /** Set while the organization is archived (readable, refuses governance and settings changes: requireOrganizationWritable). */
  archivedAt: Date | null;
  /** The SHA-256 of its logo (for the logo's address, so a new logo is a new URL), or null when it has none. */
  logoSha256: string | null;
  /** The default language for visitors and e-mails (lib/i18n/locales.ts); null: none set (English). */
  defaultLocale: string | null;
};

/** An organization with its member count; the one shape both the list and the page read. */
const organizationWithCount = {
  id: organizations.id,
  slug: organizations.slug,
  name: organizations.name,
  mission: organizations.mission,
  isPublic: organizations.isPublic,
  createdAt: organizations.createdAt,
  archivedAt: organizations.archivedAt,
  defaultLocale: organizations.defaultLocale,
  // Qualified by hand: inside a subquery a bare "id" would bind to the inner table. The accepted members as the database
  // tallies them (membership_tallies, migration 0039): one row, not a count of every membership.
  memberCount:
    sql<number>`coalesce((select t.admins + t.secretaries + t.members + t.observers from membership_tallies t where t.org_id = organizations.id), 0)`.mapWith(
      Number,
    ),
  logoSha256: sql<string | null>`(select l.sha256 from organization_logos l where l.org_id = organizations.id)`,
};

/**
 * The public organizations the home page lists: those that have published a proposal (a withdrawn
 * one counts: its publication is in the log), plus every public one when `all` is set and the
 * public ones named in `slugs`. A private or archived organization is never listed. An organization's own
 * pages do not depend on this.
 */
export async function listHomePageOrganizations(db: Executor, listing: { all: boolean; slugs: readonly string[] }, limit = 50): Promise<PublicOrganization[]> {
  const hasPublished = exists(
    db
      .select({ one: sql`1` })
      .from(proposals)
      .where(and(eq(proposals.orgId, organizations.id), isNotNull(proposals.publishedAt))),
  );
  const named = listing.slugs.filter(isWellFormedSlug);
  const listed = listing.all ? undefined : named.length > 0 ? or(hasPublished, inArray(organizations.slug, named)) : hasPublished;
  return db
    .select(organizationWithCount)
    .from(organizations)
    .where(and(eq(organizations.isPublic, true), isNull(organizations.archivedAt), listed))
    .orderBy(desc(organizations.createdAt), asc(organizations.slug))
    .limit(limit);
}

export async function getOrganizationBySlug(db: Executor, slug: string): Promise<(PublicOrganization & { isPublic: boolean }) | null> {
  if (!isWellFormedSlug(slug)) return null;
  const rows = await db.select(organizationWithCount).from(organizations).where(eq(organizations.slug, slug)).limit(1);
  return rows[0] ?? null;
}

/**
 * Who may reach an organization by its slug, without its member count (a write through the API
 * needs only the id and whether it is public).
 */
export async function getOrganizationAccessBySlug(db: Executor, slug: string): Promise<{ id: string; slug: string; isPublic: boolean } | null> {
  if (!isWellFormedSlug(slug)) return null;
  const [row] = await db
    .select({ id: organizations.id, slug: organizations.slug, isPublic: organizations.isPublic })
    .from(organizations)
    .where(eq(organizations.slug, slug))
    .limit(1);
  return row ?? null;
}

/** The organization's name and slug, for messages and links (null when it no longer exists). */
export async function getOrganizationName(db: Executor, orgId: string): Promise<{ name: string; slug: string } | null> {
  const [row] = await db.select({ name: organizations.name, slug: organizations.slug }).from(organizations).where(eq(organizations.id, orgId)).limit(1);
  return row ?? null;
}

/** Creates the organization with its creator as the first admin (one transaction via `tx`). */
export async function insertOrganization(
  tx: Executor,
  params: { slug: string; name: string; mission: string; createdBy: string; at?: Date },
): Promise<{ id: string; slug: string }> {
  const [org] = await tx
    .insert(organizations)
    .values({ slug: params.slug, name: params.name, mission: params.mission, createdBy: params.createdBy, createdAt: params.at ?? new Date() })
    .returning({ id: organizations.id, slug: organizations.slug });
  if (!org) throw new Error('Organization insert returned no row.');
  await tx.insert(memberships).values({ orgId: org.id, userId: params.createdBy, role: 'admin', createdAt: params.at ?? new Date() });
  return org;
}

export type UserOrganization = { id: string; slug: string; name: string; role: Role };

export async function listUserOrganizations(db: Executor, userId: string): Promise<UserOrganization[]> {
  return db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), isNotNull(memberships.acceptedAt)))
    .orderBy(asc(organizations.name));
}

/**
 * What a signed-out visitor's view of the organization depends on, as one string for the public
 * page cache (lib/public-cache): the decision log's size (it grows with every vote, comment,
 * publication and recorded transition) and the membership stamp (membership_tallies.changes, kept
 * by the database: it grows with every membership row inserted, changed or deleted, so with every
 * member added or removed, role changed and invitation accepted; the public pages count members by
 * role), and the organization's default language (not logged; the language of a visitor whose browser asks for none
 * Quorate speaks). Null when signed-out visitors cannot see the organization
 * (unknown or private), so nothing private is ever cached.
 */
export async function publicPageVersion(db: Executor, slug: string): Promise<string | null> {
  if (!isWellFormedSlug(slug)) return null;
  const rows = await db
    .select({
      isPublic: organizations.isPublic,
      // Qualified by hand: inside a subquery a bare "id" would bind to the inner table.
      logSize: sql<number | null>`(select h.size from log_heads h where h.org_id = organizations.id)`.mapWith(Number),
      // The membership stamp the database keeps (membership_tallies, migration 0039): one row, not a count of every membership.
      members: sql<string | null>`(select t.changes::text from membership_tallies t where t.org_id = organizations.id)`,
      defaultLocale: organizations.defaultLocale,
    })
    .from(organizations)
    .where(eq(organizations.slug, slug))
    .limit(1);
  const row = rows[0];
  if (!row || !row.isPublic) return null;
  return `${row.logSize || 0}:${row.members ?? 0}:${row.defaultLocale ?? ''}`;
}

export type OrganizationProfile = { name: string; mission: string; isPublic: boolean };

/** The profile, locked for this transaction: two admins saving at once are logged in order, each with the true "before". */
export async function getOrganizationProfileForUpdate(tx: Executor, orgId: string): Promise<OrganizationProfile | null> {
  const [row] = await tx
    .select({ name: organizations.name, mission: organizations.mission, isPublic: organizations.isPublic })
    .from(organizations)
    .where(eq(organizations.id, orgId))
    .for('update');
  return row ?? null;
}

export async function updateOrganizationProfile(tx: Executor, orgId: string, profile: OrganizationProfile): Promise<void> {
  await tx.update(organizations).set(profile).where(eq(organizations.id, orgId));
}

const shareLockStatement = reusableStatement(
  'quorate_share_organization',
  () => sql`select archived_at from organizations where id = ${sql.placeholder('orgId')}::uuid for share`,
);

/**
 * The organization's archive state, its row share-locked for the transaction: a write checked
 * against it cannot interleave with an archive (which takes the row for update). A prepared
 * statement sent at once, so statements started after it in the same transaction (pipelined) are
 * sent after it: the organization is locked first, as every write locks it.
 */
export async function getOrganizationArchiveStateForShare(tx: Executor, orgId: string): Promise<{ archivedAt: Date | null } | null> {
  const [row] = rowsOf(await shareLockStatement(tx, { orgId }));
  if (!row) return null;
  const raw = row.archived_at;
  return { archivedAt: raw === null || raw === undefined ? null : (organizations.archivedAt.mapFromDriverValue(raw as string) as Date) };
}

/** The organization's name and archive state, its row locked for an archive or unarchive. */
export async function getOrganizationArchiveStateForUpdate(tx: Executor, orgId: string): Promise<{ name: string; archivedAt: Date | null } | null> {
  const [row] = await tx
    .select({ name: organizations.name, archivedAt: organizations.archivedAt })
    .from(organizations)
    .where(eq(organizations.id, orgId))
    .for('update')
    .limit(1);
  return row ?? null;
}

/** Sets (a date) or clears (null) the organization's archive mark. */
export async function setOrganizationArchivedAt(tx: Executor, orgId: string, archivedAt: Date | null): Promise<void> {
  await tx.update(organizations).set({ archivedAt }).where(eq(organizations.id, orgId));
}

/** Proposals published and not yet decided (in comment or voting, or waiting for their result to be recorded). */
export async function countUndecidedProposals(tx: Executor, orgId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), eq(proposals.status, 'published'), isNull(proposals.outcome)));
  return row?.n ?? 0;
}

/** The organization's default language (null: none set), for the request's language and e-mails. */
export async function getOrganizationDefaultLocale(db: Executor, slug: string): Promise<string | null> {
  if (!isWellFormedSlug(slug)) return null;
  const [row] = await db.select({ locale: organizations.defaultLocale }).from(organizations).where(eq(organizations.slug, slug)).limit(1);
  return row?.locale ?? null;
}

/** Sets the organization's default language; true when it changed. */
export async function setOrganizationDefaultLocale(db: Executor, orgId: string, locale: string): Promise<boolean> {
  const rows = await db
    .update(organizations)
    .set({ defaultLocale: locale })
    .where(and(eq(organizations.id, orgId), or(isNull(organizations.defaultLocale), ne(organizations.defaultLocale, locale))))
    .returning({ id: organizations.id });
  return rows.length > 0;
}
