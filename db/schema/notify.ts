import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { userRef } from './auth';
import { createdAt, id, ts, updatedAt } from './columns';
import { proposals } from './governance';
import { orgRef } from './organizations';

/**
 * One row per governance event that notifies people (a publication, a decision, a reminder).
 * Its `key` is unique, so an event is enqueued once however often a worker pass sees it; the
 * payload is stored once here, not once per recipient.
 */
export const notifyEvents = pgTable(
  'notify_events',
  {
    id: id(),
    orgId: orgRef('cascade'),
    /** e.g. `published:<proposalId>`, `reminder:<proposalId>:<stage>`. */
    key: text('key').notNull().unique(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /**
     * A member-wide audience (lib/notify/fanout.ts), too large to write row by row inside the
     * event's transaction: recorded here with the event, expanded into outbox rows by the mail
     * worker. Null for an event whose rows were written with it.
     */
    audience: jsonb('audience').$type<Record<string, unknown>>(),
    /** When the worker wrote the audience's outbox rows; null while it waits. */
    fannedOutAt: ts('fanned_out_at'),
    createdAt: ts('created_at').notNull(),
  },
  // The worker's look for audiences still to write: only the waiting ones are indexed.
  (t) => [
    index('notify_events_fanout_due_idx')
      .on(t.createdAt)
      .where(sql`${t.audience} is not null and ${t.fannedOutAt} is null`),
  ],
);

/**
 * pending → (claimed: lease_until set) → sent | pending again with backoff | dead.
 * digest: waits to be folded into the recipient's daily digest; digested: folded.
 */
export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'dead', 'digest', 'digested']);

export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    orgId: orgRef('cascade'),
    eventId: uuid('event_id').references(() => notifyEvents.id, { onDelete: 'cascade' }),
    recipientUserId: userRef('recipient_user_id', 'cascade').notNull(),
    kind: text('kind').notNull(),
    /** Notices the charter requires (seat holders' notice of publication, right of reply): no unsubscribe. */
    mandatory: boolean('mandatory').notNull().default(false),
    /** event × recipient × kind: the same notice can never be enqueued twice. */
    idempotencyKey: text('idempotency_key').notNull(),
    /** Only for digests: the items they carry. Other rows render from their event. */
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    status: outboxStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    /** Set while a worker holds the row; an expired lease (a crashed worker) is claimable again. */
    leaseUntil: ts('lease_until'),
    sentAt: ts('sent_at'),
    lastError: text('last_error'),
    digestId: uuid('digest_id'),
    /** When it first became a dead letter; kept through an admin's retry, so a later delivery is known to be a late one. */
    deadLetteredAt: ts('dead_lettered_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('outbox_idempotency_key_unique').on(t.idempotencyKey),
    // The worker's claim query: due pending rows, oldest first.
    index('outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('outbox_org_status_idx').on(t.orgId, t.status),
    index('outbox_digest_idx')
      .on(t.recipientUserId, t.orgId)
      .where(sql`${t.status} = 'digest'`),
    // A proposal page counts its mandatory notices' fates: the rows of two events, not the whole org's outbox.
    index('outbox_event_idx').on(t.eventId),
  ],
);

export const notificationMode = pgEnum('notification_mode', ['immediate', 'digest', 'off']);

/** Per user per organization per optional kind; no row = immediate. Mandatory kinds ignore it. */
export const notificationPrefs = pgTable(
  'notification_prefs',
  {
    userId: userRef('user_id', 'cascade').notNull(),
    orgId: orgRef('cascade'),
    kind: text('kind').notNull(),
    mode: notificationMode('mode').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.orgId, t.kind] })],
);

/**
 * Who follows a proposal: an accepted member who asked to hear, by e-mail, of its new comments and
 * replies, its revisions and its status changes. Leaving the organization does not delete the row;
 * notices go only to those who are still accepted members.
 */
export const proposalFollows = pgTable(
  'proposal_follows',
  {
    orgId: orgRef('cascade'),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    userId: userRef('user_id', 'cascade').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] })],
);

export type NotifyEvent = typeof notifyEvents.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
export type OutboxStatus = (typeof outboxStatus.enumValues)[number];
export type NotificationMode = (typeof notificationMode.enumValues)[number];
