import { sql } from 'drizzle-orm';
import type { UpdateDeleteAction } from 'drizzle-orm/pg-core';
import { bigint, boolean, check, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { userRef } from './auth';
import { createdAt, id, updatedAt } from './columns';

export const membershipRole = pgEnum('membership_role', ['admin', 'secretary', 'member', 'observer']);

export const organizations = pgTable('organizations', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  mission: text('mission').notNull().default(''),
  /** Transparency is on by default: the public pages show the charter, bodies and decisions. */
  isPublic: boolean('is_public').notNull().default(true),
  createdBy: userRef('created_by', 'set null'),
  createdAt: createdAt(),
  /** Set while the organization is archived: readable, but no new proposals, comments, ballots or membership changes. */
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  /** The language for visitors whose browser asks for none Quorate speaks, and for e-mails to people who chose none; null: English. */
  defaultLocale: text('default_locale'),
});

/**
 * The organization a row belongs to, `org_id`. With 'cascade' the row goes when the organization
 * does; without, the row (an append-only record) keeps the organization from being deleted.
 */
export const orgRef = (onDelete?: UpdateDeleteAction) =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id, { onDelete });

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    orgId: orgRef('cascade'),
    userId: userRef('user_id', 'cascade').notNull(),
    role: membershipRole('role').notNull().default('member'),
    /** Stakeholder group (e.g. employees, residents), set by an admin and logged (`membership.group_changed`); null: none. */
    stakeholderGroup: text('stakeholder_group'),
    /**
     * The member's weight (shares, votes): changed only by a passed proposal of a type with the
     * `membership_weight` effect, and logged (`membership.weight_changed`). Never by an admin.
     */
    weight: integer('weight').notNull().default(1),
    invitedBy: userRef('invited_by', 'set null'),
    /** When the person accepted; null while the invitation is pending (not a member for any rule yet). */
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).defaultNow(),
    /**
     * The member's e-mail address, copied from users by the database (triggers of migration 0038; whatever is
     * written here is replaced): the member list's order, so that a page asked for by number skips rows of one index
     * (memberships_org_role_email_idx) instead of joining every member's user row.
     */
    sortEmail: text('sort_email').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('memberships_org_user_unique').on(t.orgId, t.userId),
    index('memberships_user_idx').on(t.userId),
    // Accepted members by role: the member list's tiers and the counts by role without reading every membership.
    index('memberships_org_role_accepted_idx')
      .on(t.orgId, t.role)
      .where(sql`${t.acceptedAt} is not null`),
    // The same members in the list's order (role, then address), with their ids: a page by number is an index-only skip.
    index('memberships_org_role_email_idx')
      .on(t.orgId, t.role, t.sortEmail, t.id)
      .where(sql`${t.acceptedAt} is not null`),
    // Members whose weight differs from the default 1 (shares, votes): few or none, so the member list learns whether
    // to show a weights column from this small index instead of reading every membership.
    index('memberships_org_weighted_idx')
      .on(t.orgId)
      .where(sql`${t.weight} <> 1`),
    check('memberships_weight_range', sql`${t.weight} between 0 and 1000000000`),
  ],
);

/** The counts a tally keeps, as columns: accepted members by role, and pending invitations (any role). */
const tallyCounts = () => ({
  admins: integer('admins').notNull().default(0),
  secretaries: integer('secretaries').notNull().default(0),
  members: integer('members').notNull().default(0),
  observers: integer('observers').notNull().default(0),
  pending: integer('pending').notNull().default(0),
  /** How many membership rows were written (inserted, changed or deleted): the organization's membership stamp. */
  changes: bigint('changes', { mode: 'number' }).notNull().default(0),
});

/**
 * One row per organization, kept by the database alone (triggers of migration 0039; nothing in the code
 * writes here): its accepted members by role, its pending invitations, and `changes`, which grows with
 * every membership row inserted, changed or deleted. Pages read these instead of counting memberships.
 * The row is created with the organization; a transaction's membership writes reach it when it commits
 * (membership_tally_changes), so the row's lock is the last one a transaction takes.
 */
export const membershipTallies = pgTable(
  'membership_tallies',
  {
    orgId: orgRef('cascade').primaryKey(),
    ...tallyCounts(),
  },
  (t) => [
    check(
      'membership_tallies_not_negative',
      sql`${t.admins} >= 0 and ${t.secretaries} >= 0 and ${t.members} >= 0 and ${t.observers} >= 0 and ${t.pending} >= 0 and ${t.changes} >= 0`,
    ),
  ],
);

/**
 * A statement's membership changes, by organization, waiting for its transaction's commit to be added
 * to membership_tallies (and deleted): written and read by the triggers of migration 0039 only. Inserts
 * never wait on one another, so a membership write takes no lock here that another one could hold.
 * No reference to the organization: a statement that deletes one still stages its memberships' removal.
 */
export const membershipTallyChanges = pgTable('membership_tally_changes', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  orgId: uuid('org_id').notNull(),
  ...tallyCounts(),
});

export type Organization = typeof organizations.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type MembershipRole = (typeof membershipRole.enumValues)[number];
