import 'server-only';
import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { membershipTallies, memberships, seats, users } from '@/db/schema';
import type { Role } from '@/lib/governance/roles';
import { reusableStatement, rowsOf } from './prepared';

export type MembershipContext = { membershipId: string; orgId: string; userId: string; role: Role };

const membershipContext = { membershipId: memberships.id, orgId: memberships.orgId, userId: memberships.userId, role: memberships.role };

/**
 * Accepted memberships only. A pending invitation (accepted_at null) is not a membership for any
 * rule: no role, no notices, no seat, no vote, not counted.
 */
export const isAccepted = isNotNull(memberships.acceptedAt);

/** The person's accepted membership in the organization. */
export const membershipOf = (orgId: string, userId: string) => and(eq(memberships.orgId, orgId), eq(memberships.userId, userId), isAccepted);

/** A membership by its id, within the organization. */
const membershipInOrg = (orgId: string, membershipId: string) => and(eq(memberships.orgId, orgId), eq(memberships.id, membershipId));

/** The first membership `where` picks, as org-scoped checks read it. */
async function findMembership(db: Executor, where: SQL | undefined): Promise<MembershipContext | null> {
  const rows = await db.select(membershipContext).from(memberships).where(where).limit(1);
  return rows[0] ?? null;
}

/** The caller's membership in one organization; every org-scoped check starts here. */
export async function getMembership(db: Executor, orgId: string, userId: string): Promise<MembershipContext | null> {
  return findMembership(db, membershipOf(orgId, userId));
}

const actingMembershipStatement = reusableStatement(
  'quorate_acting_membership',
  () =>
    sql`select m.id, m.org_id, m.user_id, m.role, o.slug from memberships m inner join organizations o on o.id = m.org_id
        where m.org_id = ${sql.placeholder('orgId')}::uuid and m.user_id = ${sql.placeholder('userId')} and m.accepted_at is not null limit 1`,
);

/**
 * The caller's membership with the organization's slug: what an org-scoped action checks and revalidates.
 * A prepared statement (one round trip, not two: db/queries/prepared.ts), as it runs before every write.
 */
export async function getActingMembership(db: Executor, orgId: string, userId: string): Promise<(MembershipContext & { orgSlug: string }) | null> {
  const [row] = rowsOf(await actingMembershipStatement(db, { orgId, userId }));
  if (!row) return null;
  return { membershipId: row.id as string, orgId: row.org_id as string, userId: row.user_id as string, role: row.role as Role, orgSlug: row.slug as string };
}

/** An accepted membership by id, scoped to its organization: an id from another org, or a pending invitation, finds nothing. */
export async function getMembershipInOrg(db: Executor, orgId: string, membershipId: string): Promise<MembershipContext | null> {
  return findMembership(db, and(membershipInOrg(orgId, membershipId), isAccepted));
}

export type MemberRow = {
  membershipId: string;
  userId: string;
  name: string | null;
  email: string;
  role: Role;
  joinedAt: Date;
  signedInBefore: boolean;
  /** The stakeholder group an admin recorded (null: none). */
  stakeholderGroup: string | null;
  /** The member's weight (shares, votes): 1 unless a passed proposal changed it. */
  weight: number;
};

/** Members with e-mail addresses: for members' eyes only, never for public pages. */
export async function listMembers(db: Executor, orgId: string): Promise<MemberRow[]> {
  return db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
      signedInBefore: sql<boolean>`${users.emailVerified} is not null`,
      stakeholderGroup: memberships.stakeholderGroup,
      weight: memberships.weight,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), isAccepted))
    .orderBy(sql`case ${memberships.role} when 'admin' then 0 when 'secretary' then 1 when 'member' then 2 else 3 end`, asc(users.email));
}

/**
 * Counts admins while locking their rows, so two admins demoting each other at the same moment
 * cannot both succeed and leave the organization with none.
 */
export async function countAdminsForUpdate(tx: Executor, orgId: string): Promise<number> {
  const rows = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'admin'), isAccepted))
    .for('update');
  return rows.length;
}

/**
 * The accepted members by role, as the database tallies them (membership_tallies, migration 0039): one
 * row, not a count of every membership. Committed memberships only: a transaction's own membership
 * writes reach the tally when it commits.
 */
export async function countMembersByRole(db: Executor, orgId: string): Promise<Record<Role, number>> {
  const [row] = await db
    .select({
      admin: membershipTallies.admins,
      secretary: membershipTallies.secretaries,
      member: membershipTallies.members,
      observer: membershipTallies.observers,
    })
    .from(membershipTallies)
    .where(eq(membershipTallies.orgId, orgId));
  return row ?? { admin: 0, secretary: 0, member: 0, observer: 0 };
}

export async function updateMembershipRole(tx: Executor, orgId: string, membershipId: string, role: Role): Promise<void> {
  await tx.update(memberships).set({ role, updatedAt: new Date() }).where(membershipInOrg(orgId, membershipId));
}

/** The stakeholder groups in use among the organization's members, sorted: the suggestions the members page offers. */
export async function listStakeholderGroups(db: Executor, orgId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ group: memberships.stakeholderGroup })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), isAccepted, isNotNull(memberships.stakeholderGroup)))
    .orderBy(asc(memberships.stakeholderGroup));
  return rows.map((r) => r.group).filter((g): g is string => g !== null);
}

export type MemberAttributes = { membershipId: string; userId: string; stakeholderGroup: string | null; weight: number };

const memberAttributes = {
  membershipId: memberships.id,
  userId: memberships.userId,
  stakeholderGroup: memberships.stakeholderGroup,
  weight: memberships.weight,
};

/** An accepted membership's group and weight by membership id, locked for a change; null when it is not a member of this organization. */
export async function lockMemberAttributes(tx: Executor, orgId: string, membershipId: string): Promise<MemberAttributes | null> {
  const rows = await tx
    .select(memberAttributes)
    .from(memberships)
    .where(and(membershipInOrg(orgId, membershipId), isAccepted))
    .for('update');
  return rows[0] ?? null;
}

/** A person's accepted membership's group and weight, locked when `forUpdate`; null when they are not a member. */
export async function memberAttributesOf(tx: Executor, orgId: string, userId: string, opts: { forUpdate: boolean }): Promise<MemberAttributes | null> {
  const query = tx.select(memberAttributes).from(memberships).where(membershipOf(orgId, userId));
  const rows = opts.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function updateMembershipGroup(tx: Executor, orgId: string, membershipId: string, stakeholderGroup: string | null): Promise<void> {
  await tx.update(memberships).set({ stakeholderGroup, updatedAt: new Date() }).where(membershipInOrg(orgId, membershipId));
}

/** Sets a membership's weight. Only apply-effect calls this, for a passed membership-weight proposal. */
export async function updateMembershipWeight(tx: Executor, orgId: string, membershipId: string, weight: number): Promise<void> {
  await tx.update(memberships).set({ weight, updatedAt: new Date() }).where(membershipInOrg(orgId, membershipId));
}

/** Inserts an accepted membership (the column default); null when the person already has one here. */
export async function insertMembership(tx: Executor, params: { orgId: string; userId: string; role: Role; invitedBy: string }): Promise<{ id: string } | null> {
  const rows = await tx
    .insert(memberships)
    .values(params)
    .onConflictDoNothing({ target: [memberships.orgId, memberships.userId] })
    .returning({ id: memberships.id });
  return rows[0] ?? null;
}

/** Inserts a pending invitation (accepted_at null); null when the person already has a membership or invitation here. */
export async function insertInvitation(tx: Executor, params: { orgId: string; userId: string; role: Role; invitedBy: string }): Promise<{ id: string } | null> {
  const rows = await tx
    .insert(memberships)
    .values({ ...params, acceptedAt: null })
    .onConflictDoNothing({ target: [memberships.orgId, memberships.userId] })
    .returning({ id: memberships.id });
  return rows[0] ?? null;
}

/** Charter seats this person holds in the organization now, locked so no appointment slips in while they leave. */
export async function countSeatsHeldForUpdate(tx: Executor, orgId: string, userId: string): Promise<number> {
  const rows = await tx
    .select({ id: seats.id })
    .from(seats)
    .where(and(eq(seats.orgId, orgId), eq(seats.holderUserId, userId), isNull(seats.retiredAt)))
    .for('update');
  return rows.length;
}

export async function deleteMembership(tx: Executor, orgId: string, membershipId: string): Promise<boolean> {
  const rows = await tx.delete(memberships).where(membershipInOrg(orgId, membershipId)).returning({ id: memberships.id });
  return rows.length > 0;
}

export type InvitationRow = { membershipId: string; userId: string; role: Role; acceptedAt: Date | null; invitedBy: string | null; invitedAt: Date };

const invitationColumns = {
  membershipId: memberships.id,
  userId: memberships.userId,
  role: memberships.role,
  acceptedAt: memberships.acceptedAt,
  invitedBy: memberships.invitedBy,
  invitedAt: memberships.createdAt,
};

/** The person's membership or invitation in the organization, accepted or not, locked for the change that follows. */
export async function lockMembershipOfUser(tx: Executor, orgId: string, userId: string): Promise<InvitationRow | null> {
  const rows = await tx
    .select(invitationColumns)
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .for('update');
  return rows[0] ?? null;
}

/** A membership or invitation by id, scoped to its organization and locked: an id from another org finds nothing. */
export async function lockMembershipInOrg(tx: Executor, orgId: string, membershipId: string): Promise<InvitationRow | null> {
  const rows = await tx.select(invitationColumns).from(memberships).where(membershipInOrg(orgId, membershipId)).for('update');
  return rows[0] ?? null;
}

/** Marks a pending invitation accepted; false when there was none pending. */
export async function markInvitationAccepted(tx: Executor, orgId: string, membershipId: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(memberships)
    .set({ acceptedAt: at, updatedAt: at })
    .where(and(membershipInOrg(orgId, membershipId), isNull(memberships.acceptedAt)))
    .returning({ id: memberships.id });
  return rows.length > 0;
}

/** Deletes a pending invitation (revoked or declined); never an accepted membership. */
export async function deleteInvitation(tx: Executor, orgId: string, membershipId: string): Promise<boolean> {
  const rows = await tx
    .delete(memberships)
    .where(and(membershipInOrg(orgId, membershipId), isNull(memberships.acceptedAt)))
    .returning({ id: memberships.id });
  return rows.length > 0;
}

export type PendingInvitation = { membershipId: string; email: string; name: string | null; role: Role; invitedAt: Date; invitedByName: string | null };

/**
 * Invitations not accepted yet, newest first (ties by id, so pages do not overlap), with addresses: for admins' eyes only.
 * All of them, or one page (`offset`, `limit`) for the API.
 */
export async function listPendingInvitations(db: Executor, orgId: string, page?: { offset: number; limit: number }): Promise<PendingInvitation[]> {
  const inviter = sql<string | null>`(select coalesce(u.name, u.email) from users u where u.id = ${memberships.invitedBy})`;
  const all = db
    .select({
      membershipId: memberships.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      invitedAt: memberships.createdAt,
      invitedByName: inviter,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), isNull(memberships.acceptedAt)))
    .orderBy(desc(memberships.createdAt), desc(memberships.id));
  return page ? await all.limit(page.limit).offset(page.offset) : await all;
}

export type InvitationForUser = { membershipId: string; role: Role; accepted: boolean; invitedAt: Date; invitedByName: string | null };

/** What the invitee sees: their own invitation (or membership) in this organization; null when there is none. */
export async function invitationForUser(db: Executor, orgId: string, userId: string): Promise<InvitationForUser | null> {
  const inviter = sql<string | null>`(select coalesce(u.name, 'An admin') from users u where u.id = ${memberships.invitedBy})`;
  const rows = await db
    .select({
      membershipId: memberships.id,
      role: memberships.role,
      accepted: sql<boolean>`${memberships.acceptedAt} is not null`,
      invitedAt: memberships.createdAt,
      invitedByName: inviter,
    })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .limit(1);
  return rows[0] ?? null;
}
