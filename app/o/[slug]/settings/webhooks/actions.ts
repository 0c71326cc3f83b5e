'use server';

import { orgOperationAction } from '@/lib/actions/use-case-action';
import { deleteWebhookOperation, registerWebhookOperation, replayWebhookDeliveryOperation, setWebhookEnabledOperation } from '@/lib/actions/operations';
import { requestTranslator } from '@/lib/i18n/refusals';

/**
 * The webhook settings, admins only: the operations the API shares (lib/actions/operations.ts), so the rules, the
 * role and the URL's destination check are written once. A registered endpoint's signing secret comes back once, in
 * `recorded` (the form shows it from its own answer: no re-render, no flash that would replace it), and is never shown again.
 */
export const registerWebhookAction = orgOperationAction(registerWebhookOperation, async () => (await requestTranslator())('settings.flashEndpointRegistered'), {
  recorded: (_input, result) => ({ secret: result.secret }),
});

export const setWebhookEnabledAction = orgOperationAction(setWebhookEnabledOperation, async (input) =>
  (await requestTranslator())(input.enabled ? 'settings.flashEndpointEnabled' : 'settings.flashEndpointDisabled'),
);

export const deleteWebhookAction = orgOperationAction(deleteWebhookOperation, async () => (await requestTranslator())('settings.flashEndpointDeleted'));

export const replayWebhookDeliveryAction = orgOperationAction(replayWebhookDeliveryOperation, async () =>
  (await requestTranslator())('settings.flashReplayed'),
);
