import { z } from 'zod';
import { formatMessage } from '@/lib/governance/messages';
import { logKindLabels } from '@/lib/transparency/summary';

/**
 * The decision-log kinds an endpoint may choose from, with their labels: the public log's filter
 * list and the kinds the engine writes that it does not name.
 */
export const webhookKindLabels: Record<string, string> = {
  ...logKindLabels,
  'founding.closed': 'Founding appointments closed',
  'emergency.approved': 'Emergency motion approved',
  'witness.added': 'Witness added',
  'witness.removed': 'Witness removed',
};

export const webhookKinds = Object.keys(webhookKindLabels);

/** The name of a kind's checkbox on the form (one field per kind: our forms carry no repeated keys). */
export const webhookKindField = (kind: string) => `kind:${kind}`;

const urlMessage = formatMessage('webhook.url_invalid');

/** An http(s) URL with a host and no user name or password. Where it resolves to is checked on the server (lib/webhooks/destination.ts). */
const webhookUrl = z
  .string({ error: urlMessage })
  .trim()
  .min(1, 'Enter the address the deliveries go to.')
  .max(2000, 'A webhook address is at most 2,000 characters.')
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password && u.hostname !== '';
      } catch {
        return false;
      }
    },
    { message: urlMessage },
  );

/** Registering an endpoint: its URL, and every kind of entry or the ticked ones (`kind:<kind>` fields). */
export const registerWebhookSchema = z.preprocess(
  (raw) => {
    const values = (raw ?? {}) as Record<string, unknown>;
    const kinds = Object.keys(values)
      .filter((k) => k.startsWith('kind:') && values[k] === 'on')
      .map((k) => k.slice(5));
    return { ...values, kinds };
  },
  z
    .object({
      orgId: z.uuid('Unknown organization.'),
      url: webhookUrl,
      events: z.enum(['all', 'chosen'], { error: 'Choose every kind of entry, or the kinds you tick.' }),
      kinds: z.array(z.string().refine((k) => webhookKinds.includes(k), 'Unknown kind of entry.')).max(webhookKinds.length),
    })
    .superRefine((v, ctx) => {
      if (v.events === 'chosen' && v.kinds.length === 0)
        ctx.addIssue({ code: 'custom', path: ['kinds'], message: 'Tick at least one kind of entry, or choose every kind.' });
    })
    .transform((v) => ({ orgId: v.orgId, url: v.url, kinds: v.events === 'all' ? null : [...new Set(v.kinds)].sort() })),
);

/**
 * Registering an endpoint through the API (lib/actions/operations.ts `registerWebhookApiOperation`): the URL as the form
 * checks it, and `kinds`, the kinds of entry it is sent (at least one; omitted or null: every kind, as the form's "all").
 */
export const registerWebhookApiFields = z.object({
  orgId: z.uuid('Unknown organization.'),
  url: webhookUrl,
  kinds: z
    .array(z.string().refine((k) => webhookKinds.includes(k), 'Unknown kind of entry.'))
    .min(1, 'Tick at least one kind of entry, or choose every kind.')
    .max(webhookKinds.length)
    .nullable()
    .optional(),
});

export const registerWebhookApiSchema = registerWebhookApiFields.transform((v) => ({
  orgId: v.orgId,
  url: v.url,
  kinds: v.kinds ? [...new Set(v.kinds)].sort() : null,
}));

export const setWebhookEnabledSchema = z.object({
  orgId: z.uuid('Unknown organization.'),
  endpointId: z.uuid('Unknown endpoint.'),
  enabled: z.enum(['true', 'false'], { error: 'Choose to enable or disable the endpoint.' }).transform((v) => v === 'true'),
});

export const deleteWebhookSchema = z.object({
  orgId: z.uuid('Unknown organization.'),
  endpointId: z.uuid('Unknown endpoint.'),
  confirmDelete: z.literal('yes', { error: formatMessage('webhook.delete_confirmation') }),
});

export const replayWebhookDeliverySchema = z.object({
  orgId: z.uuid('Unknown organization.'),
  deliveryId: z.uuid('Unknown delivery.'),
});
