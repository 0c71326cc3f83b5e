import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { userRef } from './auth';
import { id, ts } from './columns';
import { orgRef } from './organizations';

/**
 * A stakeholder petition to a governing body (lib/governance/petition.ts). The charter's rules
 * are copied onto the row when it opens (threshold as signatures needed, periods, whether names
 * are public, the answering body), so a later charter amendment never moves a running
 * petition's goalposts. `signature_count` is the live signature count, changed in the same
 * transaction as the signature rows, so a page reads the count without counting 100,000 rows.
 */
export const petitions = pgTable(
  'petitions',
  {
    id: id(),
    orgId: orgRef('cascade'),
    /** Per-organization number, for humans: "Petition #3". */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The stakeholder group the petition speaks for; null: all members. */
    stakeholderGroup: text('stakeholder_group'),
    answeringBodyKey: text('answering_body_key').notNull(),
    charterVersion: integer('charter_version').notNull(),
    openedBy: userRef('opened_by', 'set null'),
    openedAt: ts('opened_at').notNull(),
    /** Members who could sign when it opened: the threshold's base. */
    eligibleAtOpen: integer('eligible_at_open').notNull(),
    requiredSignatures: integer('required_signatures').notNull(),
    signatureCount: integer('signature_count').notNull().default(0),
    signingDays: integer('signing_days').notNull(),
    answerWithinDays: integer('answer_within_days').notNull(),
    signerNamesPublic: boolean('signer_names_public').notNull(),
    thresholdReachedAt: ts('threshold_reached_at'),
    /** thresholdReachedAt + answerWithinDays, stored for the overdue index. */
    answerDueAt: ts('answer_due_at'),
    answeredAt: ts('answered_at'),
    answeredBy: userRef('answered_by', 'set null'),
    answer: text('answer'),
    /** When the worker logged `petition.answer_overdue` (once). */
    overdueLoggedAt: ts('overdue_logged_at'),
  },
  (t) => [
    unique('petitions_org_number_unique').on(t.orgId, t.number),
    // Overdue answers: the worker's pass and the health count read only unanswered petitions past the threshold.
    index('petitions_awaiting_answer_idx')
      .on(t.answerDueAt)
      .where(sql`${t.answeredAt} is null and ${t.answerDueAt} is not null`),
    check('petitions_count_nonnegative', sql`${t.signatureCount} >= 0`),
    check('petitions_answer_after_threshold', sql`${t.answeredAt} is null or ${t.thresholdReachedAt} is not null`),
  ],
);

/**
 * One row per signature; a revoked signature keeps its row with `revoked_at`, and signing again
 * adds a new row. At most one live signature per member and petition (unique partial index).
 */
export const petitionSignatures = pgTable(
  'petition_signatures',
  {
    id: id(),
    petitionId: uuid('petition_id')
      .notNull()
      .references(() => petitions.id, { onDelete: 'cascade' }),
    /** Null once the signer deleted their account: the signature stays counted, nameless. */
    userId: userRef('user_id', 'set null'),
    signedAt: ts('signed_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    uniqueIndex('petition_signatures_one_live')
      .on(t.petitionId, t.userId)
      .where(sql`${t.revokedAt} is null`),
    // The public list of names (when the charter makes them public), newest first.
    index('petition_signatures_live_idx')
      .on(t.petitionId, t.signedAt)
      .where(sql`${t.revokedAt} is null`),
  ],
);
