import 'server-only';
import type { Database } from '@/db/client';
import {
  countWebhookEndpoints,
  deleteWebhookEndpoint,
  insertWebhookEndpoint,
  lockWebhookRegistrations,
  requeueDeadWebhookDelivery,
  setWebhookEndpointEnabled,
  webhookDeliveryStatusOf,
} from '@/db/queries/webhooks';
import { env } from '@/lib/env';
import { refuse } from '@/lib/governance/refusal';
import { codeParam } from '@/lib/governance/refusal-facts';
import { checkDestination } from '@/lib/webhooks/destination';
import type { Resolver } from '@/lib/webhooks/destination';
import { newWebhookSecret } from '@/lib/webhooks/send';
import { requireOrganizationWritable } from './writable';

/** At most this many endpoints per organization. */
export const maxWebhookEndpoints = 20;

export type RegisterWebhook = { orgId: string; actorId: string; url: string; kinds: string[] | null; at: Date };

/**
 * Registers an endpoint after checking where its URL resolves to (SSRF: refused when any address
 * is private, loopback, link-local, unique-local, multicast or unspecified, unless the operator
 * allows private destinations). Returns the signing secret, which the caller shows once. Webhook
 * settings are the organization's configuration, not governance events: nothing is logged.
 *
 * On an archived organization (`organization.archived`): registering, enabling, replaying and deleting are refused —
 * each would send data out, or change what its settings show; disabling is not (disableWebhook).
 */
export async function registerWebhookEndpoint(
  db: Database,
  input: RegisterWebhook,
  opts: { allowPrivate?: boolean; resolve?: Resolver } = {},
): Promise<{ id: string; secret: string }> {
  // Archived: refused before the URL is resolved (and again under the lock below, where it counts).
  await requireOrganizationWritable(db, input.orgId);
  // Cheap refusal first, before resolving the URL; checked again below, under the lock, where it counts.
  const before = await countWebhookEndpoints(db, input.orgId);
  if (before >= maxWebhookEndpoints) refuse('webhook.too_many', { count: before });
  const destination = await checkDestination(input.url, opts.allowPrivate ?? env().webhooks.allowPrivate, opts.resolve);
  if (!destination.ok) {
    if (destination.code === 'webhook.url_invalid') refuse('webhook.url_invalid', undefined, 'url');
    if (destination.code === 'webhook.url_unresolvable') refuse('webhook.url_unresolvable', { host: destination.host }, 'url');
    refuse('webhook.url_private', { host: destination.host, address: destination.address }, 'url');
  }
  const secret = newWebhookSecret();
  // The count and the insert in one transaction, serialized per organization: concurrent registrations cannot all
  // see room for themselves (the DNS lookup above stays outside the lock).
  const id = await db.transaction(async (tx) => {
    await requireOrganizationWritable(tx, input.orgId);
    await lockWebhookRegistrations(tx, input.orgId);
    const count = await countWebhookEndpoints(tx, input.orgId);
    if (count >= maxWebhookEndpoints) refuse('webhook.too_many', { count });
    return insertWebhookEndpoint(tx, {
      orgId: input.orgId,
      url: destination.url.href,
      secret,
      kinds: input.kinds,
      createdBy: input.actorId,
      at: input.at,
    });
  });
  return { id, secret };
}

/** Sends the endpoint deliveries again, with those still pending since it was disabled: refused on an archived organization. */
export async function enableWebhook(db: Database, orgId: string, endpointId: string, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await requireOrganizationWritable(tx, orgId);
    if (!(await setWebhookEndpointEnabled(tx, orgId, endpointId, true, at))) refuse('webhook.not_found');
  });
}

/**
 * No more deliveries to the endpoint until it is enabled again. Allowed on an archived organization too: it only
 * narrows what leaves (the worker still logs on an archived organization — a decision's ratification reminders, a
 * petition's missed deadline, minutes disclosed on their date — and retries pending deliveries), so an admin can
 * always cut off an endpoint that leaks or was taken over.
 */
export async function disableWebhook(db: Database, orgId: string, endpointId: string, at: Date): Promise<void> {
  if (!(await setWebhookEndpointEnabled(db, orgId, endpointId, false, at))) refuse('webhook.not_found');
}

/** Deletes the endpoint and its delivery history: refused on an archived organization, whose settings stay as archived (disabling stops deliveries). */
export async function deleteWebhook(db: Database, orgId: string, endpointId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await requireOrganizationWritable(tx, orgId);
    if (!(await deleteWebhookEndpoint(tx, orgId, endpointId))) refuse('webhook.not_found');
  });
}

/** Sends a dead letter again on the worker's next pass (same webhook-id); anything else is refused, as is an archived organization. */
export async function replayWebhookDelivery(db: Database, orgId: string, deliveryId: string, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await requireOrganizationWritable(tx, orgId);
    if (await requeueDeadWebhookDelivery(tx, orgId, deliveryId, at)) return;
    const status = await webhookDeliveryStatusOf(tx, orgId, deliveryId);
    if (!status) refuse('webhook.delivery_not_found');
    refuse('webhook.delivery_not_dead', codeParam('status', 'delivery', status, status));
  });
}
