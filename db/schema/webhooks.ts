import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { userRef } from './auth';
import { createdAt, id, ts, updatedAt } from './columns';
import { orgRef } from './organizations';

/**
 * An organization's webhook endpoints (lib/webhooks): where its decision-log entries are POSTed,
 * signed per Standard Webhooks. `secret` is the signing secret (`whsec_` + base64), stored as it
 * is because signing needs it (an HMAC key cannot be kept as a hash): it is shown to the admin
 * once, never again, and a copy of the database can forge deliveries to this endpoint.
 * `kinds` null: every kind of entry.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: id(),
    orgId: orgRef('cascade'),
    url: text('url').notNull(),
    secret: text('secret').notNull(),
    kinds: text('kinds').array(),
    enabled: boolean('enabled').notNull().default(true),
    createdBy: userRef('created_by', 'set null'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('webhook_endpoints_org_idx').on(t.orgId)],
);

/** pending → (leased) → delivered | pending again with backoff | dead (an admin may replay it: pending again). */
export const webhookDeliveryStatus = pgEnum('webhook_delivery_status', ['pending', 'delivered', 'dead']);

/**
 * The webhook outbox: one row per (endpoint, log entry), written in the transaction that appends
 * the entry (db/queries/log.ts). The row's id is the `webhook-id` header, the same on every
 * attempt, so a receiver can drop a retry it has already processed. The body is rendered from the
 * log entry at send time, so nothing but the public entry ever leaves.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    orgId: orgRef('cascade'),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    status: webhookDeliveryStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    /** Set while a worker holds the row; an expired lease (a crashed worker) is claimable again. */
    leaseUntil: ts('lease_until'),
    /** The last attempt's HTTP status (null: no answer — refused, timed out, not allowed). */
    lastStatus: integer('last_status'),
    /** The first 500 characters of the last answer's body, or what went wrong. */
    lastResponse: text('last_response'),
    lastAttemptAt: ts('last_attempt_at'),
    deliveredAt: ts('delivered_at'),
    deadLetteredAt: ts('dead_lettered_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_endpoint_seq_unique').on(t.endpointId, t.seq),
    // The worker's claim: due pending rows, oldest first.
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_org_created_idx').on(t.orgId, t.createdAt),
  ],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatus.enumValues)[number];
