import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { userRef } from './auth';
import { id, ts } from './columns';
import { proposals } from './governance';
import { orgRef } from './organizations';

/**
 * A member's delegation (proxy) of their vote in member-wide votes to another member: for every
 * such vote (no type, no proposal), for one proposal type, or for one proposal (until its voting
 * opens). A revoked delegation keeps its row, with `revoked_at`; at most one is active per
 * member and scope, enforced by unique partial indexes. Which one applies to a vote (the
 * proposal's over the type's over the general one) is read when voting opens and snapshotted in
 * `roll_entries` (lib/governance/delegation.ts).
 */
export const delegations = pgTable(
  'delegations',
  {
    id: id(),
    orgId: orgRef('cascade'),
    delegatorUserId: userRef('delegator_user_id', 'cascade').notNull(),
    delegateUserId: userRef('delegate_user_id', 'cascade').notNull(),
    /** The proposal type this delegation is for; null with a null proposal: every member-wide vote. */
    typeKey: text('type_key'),
    /** The one proposal this delegation is for; null: not limited to one proposal. */
    proposalId: uuid('proposal_id').references(() => proposals.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    index('delegations_org_idx').on(t.orgId, t.delegatorUserId),
    uniqueIndex('delegations_one_general')
      .on(t.orgId, t.delegatorUserId)
      .where(sql`${t.revokedAt} is null and ${t.typeKey} is null and ${t.proposalId} is null`),
    uniqueIndex('delegations_one_per_type')
      .on(t.orgId, t.delegatorUserId, t.typeKey)
      .where(sql`${t.revokedAt} is null and ${t.typeKey} is not null and ${t.proposalId} is null`),
    uniqueIndex('delegations_one_per_proposal')
      .on(t.orgId, t.delegatorUserId, t.proposalId)
      .where(sql`${t.revokedAt} is null and ${t.proposalId} is not null`),
    check('delegations_not_to_self', sql`${t.delegatorUserId} <> ${t.delegateUserId}`),
    check('delegations_one_scope', sql`${t.typeKey} is null or ${t.proposalId} is null`),
  ],
);

/**
 * The roll of a member-wide vote, snapshotted when its voting opens: every member of the
 * electorate then, the weight they vote with, and the delegate their vote goes to unless they
 * vote themselves (null: none). Quorum and thresholds count against this roll; its size, total
 * weight and hash are logged in `voting.opened`.
 */
export const rollEntries = pgTable(
  'roll_entries',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    stageIndex: integer('stage_index').notNull(),
    userId: text('user_id').notNull(),
    weight: integer('weight').notNull(),
    delegateUserId: text('delegate_user_id'),
    /** The member's stakeholder group when the roll was taken (for participation by group; not part of the roll's hash). */
    stakeholderGroup: text('stakeholder_group'),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.stageIndex, t.userId] }),
    check('roll_entries_weight', sql`${t.weight} >= 0`),
    // Who delegates to a member on this roll (the page's delegates, a viewer's carried weight), without scanning the roll.
    index('roll_entries_delegate_idx')
      .on(t.proposalId, t.stageIndex, t.delegateUserId)
      .where(sql`${t.delegateUserId} is not null`),
  ],
);

export type DelegationRow = typeof delegations.$inferSelect;
export type RollEntryRow = typeof rollEntries.$inferSelect;
