import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { decisionLog, organizations, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import type { WebhookDeliveryStatus } from '@/db/schema';
import { lockTransactionKey } from '@/db/queries/locks';

// --- Endpoints (every function filters on the organization: another org's ids match nothing) ----

export async function insertWebhookEndpoint(
  db: Executor,
  e: { orgId: string; url: string; secret: string; kinds: string[] | null; createdBy: string; at: Date },
): Promise<string> {
  const [row] = await db
    .insert(webhookEndpoints)
    .values({ orgId: e.orgId, url: e.url, secret: e.secret, kinds: e.kinds, createdBy: e.createdBy, createdAt: e.at, updatedAt: e.at })
    .returning({ id: webhookEndpoints.id });
  return row!.id;
}

/**
 * Serializes registrations for one organization until the transaction ends (lockTransactionKey on its id): the endpoint
 * count a registration checks cannot change before its insert commits.
 */
export async function lockWebhookRegistrations(tx: Executor, orgId: string): Promise<void> {
  await lockTransactionKey(tx, `quorate.webhook_endpoints:${orgId}`);
}

export async function countWebhookEndpoints(db: Executor, orgId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.orgId, orgId));
  return Number(row?.n ?? 0);
}

/** What the settings page shows of an endpoint: never its secret. */
export type WebhookEndpointSummary = { id: string; url: string; kinds: string[] | null; enabled: boolean; createdAt: Date };

export async function listWebhookEndpoints(db: Executor, orgId: string): Promise<WebhookEndpointSummary[]> {
  return db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      kinds: webhookEndpoints.kinds,
      enabled: webhookEndpoints.enabled,
      createdAt: webhookEndpoints.createdAt,
    })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.orgId, orgId))
    .orderBy(asc(webhookEndpoints.createdAt));
}

export async function setWebhookEndpointEnabled(db: Executor, orgId: string, endpointId: string, enabled: boolean, at: Date): Promise<boolean> {
  const rows = await db
    .update(webhookEndpoints)
    .set({ enabled, updatedAt: at })
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.orgId, orgId)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/** Deletes the endpoint and (cascade) its deliveries. */
export async function deleteWebhookEndpoint(db: Executor, orgId: string, endpointId: string): Promise<boolean> {
  const rows = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.orgId, orgId)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

// --- Deliveries ---------------------------------------------------------------------------------

export type WebhookDeliverySummary = {
  id: string;
  endpointId: string;
  url: string;
  seq: number;
  kind: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastStatus: number | null;
  lastResponse: string | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
};

/** A delivery as the settings page and the API list it: its endpoint's URL beside it. */
const deliverySummaryColumns = {
  id: webhookDeliveries.id,
  endpointId: webhookDeliveries.endpointId,
  url: webhookEndpoints.url,
  seq: webhookDeliveries.seq,
  kind: webhookDeliveries.kind,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  lastStatus: webhookDeliveries.lastStatus,
  lastResponse: webhookDeliveries.lastResponse,
  lastAttemptAt: webhookDeliveries.lastAttemptAt,
  deliveredAt: webhookDeliveries.deliveredAt,
  createdAt: webhookDeliveries.createdAt,
};

/** The organization's most recent deliveries, newest first. */
export async function listRecentWebhookDeliveries(db: Executor, orgId: string, limit = 50): Promise<WebhookDeliverySummary[]> {
  return db
    .select(deliverySummaryColumns)
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.orgId, orgId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.seq))
    .limit(limit);
}

/** Whether the organization has this endpoint. */
export async function webhookEndpointExists(db: Executor, orgId: string, endpointId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.orgId, orgId)));
  return row !== undefined;
}

/** One endpoint's deliveries, newest first, from `offset`, at most `limit` (an offset page, as the API's lists). */
export async function listEndpointWebhookDeliveries(
  db: Executor,
  orgId: string,
  endpointId: string,
  page: { offset: number; limit: number },
): Promise<WebhookDeliverySummary[]> {
  return db
    .select(deliverySummaryColumns)
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.endpointId, endpointId)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.seq), asc(webhookDeliveries.id))
    .offset(page.offset)
    .limit(page.limit);
}

/** The delivery's status in this organization, or null when it has no such delivery. */
export async function webhookDeliveryStatusOf(db: Executor, orgId: string, deliveryId: string): Promise<WebhookDeliveryStatus | null> {
  const [row] = await db
    .select({ status: webhookDeliveries.status })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.orgId, orgId)));
  return row?.status ?? null;
}

/** A dead letter becomes due again now; true when it was one. It keeps its attempt count: one failure makes it dead again. */
export async function requeueDeadWebhookDelivery(db: Executor, orgId: string, deliveryId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: at, leaseUntil: null })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.status, 'dead')))
    .returning({ id: webhookDeliveries.id });
  return rows.length > 0;
}

export type ClaimedWebhook = {
  id: string;
  attempts: number;
  url: string;
  secret: string;
  orgSlug: string;
  /** The log entry's canonical JSON, exactly as hashed and exported. */
  entry: string;
};

/**
 * Claims up to `limit` due deliveries of enabled endpoints with FOR UPDATE SKIP LOCKED and leases
 * them until `leaseUntil`, counting the attempt: two workers never take the same row, and a
 * crashed worker's rows are claimable again once the lease runs out (see claimDueMail).
 */
export async function claimDueWebhooks(db: Executor, p: { at: Date; leaseUntil: Date; limit: number }): Promise<ClaimedWebhook[]> {
  const due = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        eq(webhookEndpoints.enabled, true),
        lte(webhookDeliveries.nextAttemptAt, p.at),
        or(isNull(webhookDeliveries.leaseUntil), lt(webhookDeliveries.leaseUntil, p.at)),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(p.limit)
    .for('update', { of: webhookDeliveries, skipLocked: true });
  const claimed = await db
    .update(webhookDeliveries)
    .set({ leaseUntil: p.leaseUntil, attempts: sql`${webhookDeliveries.attempts} + 1` })
    .where(inArray(webhookDeliveries.id, due))
    .returning({ id: webhookDeliveries.id });
  if (claimed.length === 0) return [];
  return db
    .select({
      id: webhookDeliveries.id,
      attempts: webhookDeliveries.attempts,
      url: webhookEndpoints.url,
      secret: webhookEndpoints.secret,
      orgSlug: organizations.slug,
      entry: decisionLog.entry,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .innerJoin(organizations, eq(organizations.id, webhookDeliveries.orgId))
    .innerJoin(decisionLog, and(eq(decisionLog.orgId, webhookDeliveries.orgId), eq(decisionLog.seq, webhookDeliveries.seq)))
    .where(
      inArray(
        webhookDeliveries.id,
        claimed.map((c) => c.id),
      ),
    )
    .orderBy(asc(webhookDeliveries.seq));
}

/**
 * Records an attempt's outcome, fenced by the lease (a worker whose lease ran out and whose row
 * was claimed again changes nothing). True when the row was this worker's to mark.
 */
export async function recordWebhookAttempt(
  db: Executor,
  id: string,
  leaseUntil: Date,
  o: { delivered: boolean; dead: boolean; status: number | null; response: string; at: Date; nextAttemptAt: Date | null },
): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({
      status: o.delivered ? 'delivered' : o.dead ? 'dead' : 'pending',
      leaseUntil: null,
      lastStatus: o.status,
      lastResponse: o.response.slice(0, 500),
      lastAttemptAt: o.at,
      ...(o.delivered ? { deliveredAt: o.at } : {}),
      ...(o.nextAttemptAt ? { nextAttemptAt: o.nextAttemptAt } : {}),
      ...(o.dead ? { deadLetteredAt: sql`coalesce(${webhookDeliveries.deadLetteredAt}, ${o.at.toISOString()}::timestamptz)` } : {}),
    })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.leaseUntil, leaseUntil)))
    .returning({ id: webhookDeliveries.id });
  return rows.length > 0;
}
