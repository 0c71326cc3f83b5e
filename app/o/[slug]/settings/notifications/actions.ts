'use server';

import { getDb } from '@/db/client';
import { orgAction } from '@/lib/actions/action';
import { now } from '@/lib/clock';
import { requestTranslator } from '@/lib/i18n/refusals';
import { optionalKinds } from '@/lib/notify/kinds';
import { savePreferences } from '@/lib/notify/preferences';
import { notificationPrefsSchema } from '@/lib/validation/notify';

/** Every member (observers too) sets their own preferences, and only their own. */
export const saveNotificationPreferencesAction = orgAction(notificationPrefsSchema, 'observer', async ({ input, user }) => {
  await savePreferences(getDb(), user.id, input.orgId, Object.fromEntries(optionalKinds.map((k) => [k, input[k]])), now());
  return { ok: true, message: (await requestTranslator())('settings.flashPreferencesSaved') };
});
