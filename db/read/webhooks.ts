import 'server-only';
import { getDb } from '@/db/client';
import { listRecentWebhookDeliveries, listWebhookEndpoints } from '@/db/queries/webhooks';

/** The webhook settings page (admins only): the endpoints, never their secrets, and the 50 latest deliveries. */
export async function loadWebhookSettings(orgId: string) {
  const db = getDb();
  const [endpoints, deliveries] = await Promise.all([listWebhookEndpoints(db, orgId), listRecentWebhookDeliveries(db, orgId, 50)]);
  return {
    endpoints: endpoints.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    deliveries: deliveries.map((d) => ({
      ...d,
      nextAttemptAt: d.nextAttemptAt.toISOString(),
      lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
    })),
  };
}

export type WebhookSettings = Awaited<ReturnType<typeof loadWebhookSettings>>;
