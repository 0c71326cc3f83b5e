import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { userRef } from './auth';
import { id, ts } from './columns';
import { orgRef } from './organizations';

/**
 * A unanimous written consent of a body in lieu of a meeting (lib/governance/written-consent.ts;
 * not the consent decision method of consent.ts). The charter's period is copied onto the row when
 * it opens, and the signer set is frozen in `written_consent_signers`, so neither a charter
 * amendment nor a change of seats moves a running consent's goalposts. At most one of adopted,
 * withdrawn and lapsed is ever set; expiry is a time (`expires_at`), logged once by the worker.
 */
export const writtenConsents = pgTable(
  'written_consents',
  {
    id: id(),
    orgId: orgRef('cascade'),
    /** Per-organization number, for humans: "Written consent #2". */
    number: integer('number').notNull(),
    bodyKey: text('body_key').notNull(),
    title: text('title').notNull(),
    /** The resolution's text, as signed. */
    body: text('body').notNull(),
    charterVersion: integer('charter_version').notNull(),
    openedBy: userRef('opened_by', 'set null'),
    openedAt: ts('opened_at').notNull(),
    expiresAfterDays: integer('expires_after_days').notNull(),
    expiresAt: ts('expires_at').notNull(),
    /** The body's charter seats when it opened (the page says how many were filled). */
    charterSeats: integer('charter_seats').notNull(),
    adoptedAt: ts('adopted_at'),
    withdrawnAt: ts('withdrawn_at'),
    withdrawnBy: userRef('withdrawn_by', 'set null'),
    /** When a signer's departure from the body was recorded: it can never be unanimous. */
    lapsedAt: ts('lapsed_at'),
    /** When the worker logged `written_consent.expired` (once). */
    expiredLoggedAt: ts('expired_logged_at'),
  },
  (t) => [
    unique('written_consents_org_number_unique').on(t.orgId, t.number),
    // The worker's pass reads only consents still open (not adopted, withdrawn, lapsed or logged as expired).
    index('written_consents_open_idx')
      .on(t.expiresAt)
      .where(sql`${t.adoptedAt} is null and ${t.withdrawnAt} is null and ${t.lapsedAt} is null and ${t.expiredLoggedAt} is null`),
    check('written_consents_one_ending', sql`(${t.adoptedAt} is not null)::int + (${t.withdrawnAt} is not null)::int + (${t.lapsedAt} is not null)::int <= 1`),
  ],
);

/** The frozen signer set: one row per seat holder of the body when the consent opened. */
export const writtenConsentSigners = pgTable(
  'written_consent_signers',
  {
    id: id(),
    consentId: uuid('consent_id')
      .notNull()
      .references(() => writtenConsents.id, { onDelete: 'cascade' }),
    /** Null once the signer deleted their account: the consent can then never be unanimous. */
    userId: userRef('user_id', 'set null'),
    /** The seat they held when it opened ("Seat 3"), for the page. */
    seatPosition: integer('seat_position').notNull(),
  },
  (t) => [unique('written_consent_signers_unique').on(t.consentId, t.userId)],
);

/**
 * One row per signature; a revoked signature keeps its row with `revoked_at`, and signing again
 * adds a new row. At most one live signature per signer and consent (unique partial index).
 */
export const writtenConsentSignatures = pgTable(
  'written_consent_signatures',
  {
    id: id(),
    consentId: uuid('consent_id')
      .notNull()
      .references(() => writtenConsents.id, { onDelete: 'cascade' }),
    userId: userRef('user_id', 'set null'),
    signedAt: ts('signed_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    uniqueIndex('written_consent_signatures_one_live')
      .on(t.consentId, t.userId)
      .where(sql`${t.revokedAt} is null`),
  ],
);
