'use server';

import { getDb } from '@/db/client';
import { orgAction } from '@/lib/actions/action';
import { now } from '@/lib/clock';
import { requestTranslator } from '@/lib/i18n/refusals';
import { deleteWebhook, registerWebhookEndpoint, replayWebhookDelivery, setWebhookEnabled } from '@/lib/use-cases/webhooks';
import { deleteWebhookSchema, registerWebhookSchema, replayWebhookDeliverySchema, setWebhookEnabledSchema } from '@/lib/validation/webhook';

/** Admins register an endpoint; its signing secret comes back once, in `recorded`, and is never shown again. */
export const registerWebhookAction = orgAction(
  registerWebhookSchema,
  'admin',
  async ({ input, user }) => {
    const { secret } = await registerWebhookEndpoint(getDb(), { orgId: input.orgId, actorId: user.id, url: input.url, kinds: input.kinds, at: now() });
    return { ok: true, message: (await requestTranslator())('settings.flashEndpointRegistered'), recorded: { secret } };
  },
  // The form shows the secret from its own answer: no re-render, no flash that would replace it.
  { rerender: false },
);

export const setWebhookEnabledAction = orgAction(setWebhookEnabledSchema, 'admin', async ({ input }) => {
  await setWebhookEnabled(getDb(), input.orgId, input.endpointId, input.enabled, now());
  return { ok: true, message: (await requestTranslator())(input.enabled ? 'settings.flashEndpointEnabled' : 'settings.flashEndpointDisabled') };
});

export const deleteWebhookAction = orgAction(deleteWebhookSchema, 'admin', async ({ input }) => {
  await deleteWebhook(getDb(), input.orgId, input.endpointId);
  return { ok: true, message: (await requestTranslator())('settings.flashEndpointDeleted') };
});

export const replayWebhookDeliveryAction = orgAction(replayWebhookDeliverySchema, 'admin', async ({ input }) => {
  await replayWebhookDelivery(getDb(), input.orgId, input.deliveryId, now());
  return { ok: true, message: (await requestTranslator())('settings.flashReplayed') };
});
