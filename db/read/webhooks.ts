import 'server-only';
import { getDb } from '@/db/client';
import { listEndpointWebhookDeliveries, listRecentWebhookDeliveries, listWebhookEndpoints, webhookEndpointExists } from '@/db/queries/webhooks';
import type { WebhookDeliverySummary } from '@/db/queries/webhooks';

/** The webhook settings page (admins only): the endpoints, never their secrets, and the 50 latest deliveries. */
export async function loadWebhookSettings(orgId: string) {
  const db = getDb();
  const [endpoints, deliveries] = await Promise.all([listWebhookEndpoints(db, orgId), listRecentWebhookDeliveries(db, orgId, 50)]);
  return {
    endpoints: endpoints.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    deliveries: deliveries.map(deliveryJson),
  };
}

function deliveryJson(d: WebhookDeliverySummary) {
  return {
    ...d,
    nextAttemptAt: d.nextAttemptAt.toISOString(),
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}

/** GET /api/v1/orgs/{slug}/webhooks (admins): the endpoints, oldest first, as the settings page lists them (never their secrets). */
export async function loadApiWebhookEndpoints(orgId: string) {
  const endpoints = await listWebhookEndpoints(getDb(), orgId);
  return { endpoints: endpoints.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })) };
}

/**
 * GET /api/v1/orgs/{slug}/webhooks/{id}/deliveries (admins): one page of the endpoint's deliveries, newest first, with each
 * one's status, attempts and last answer, and the next page's cursor (an offset; null on the last); null when the
 * organization has no such endpoint.
 */
export async function loadApiWebhookDeliveries(orgId: string, endpointId: string, page: { cursor: number | null; limit: number }) {
  const db = getDb();
  if (!(await webhookEndpointExists(db, orgId, endpointId))) return null;
  const offset = page.cursor ?? 0;
  const rows = await listEndpointWebhookDeliveries(db, orgId, endpointId, { offset, limit: page.limit + 1 });
  return {
    deliveries: rows.slice(0, page.limit).map(deliveryJson),
    next_cursor: rows.length > page.limit ? String(offset + page.limit) : null,
  };
}

export type WebhookSettings = Awaited<ReturnType<typeof loadWebhookSettings>>;
