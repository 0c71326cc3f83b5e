'use server';

import { z } from 'zod';
import { getDb } from '@/db/client';
import { recordNamePromptSkipped, setUserLocale, updateUserName } from '@/db/queries/users';
import { userAction } from '@/lib/actions/action';
import { spendLimit } from '@/lib/actions/limit';
import { calendarFeedPath } from '@/lib/auth/calendar-token';
import { now } from '@/lib/clock';
import { namePromptQuietDays } from '@/lib/governance/name-prompt';
import { deleteAccount } from '@/lib/use-cases/account';
import { issueApiToken, revokeApiToken } from '@/lib/use-cases/api-tokens';
import { issueCalendarFeed } from '@/lib/use-cases/calendar-feed';
import { createCalendarFeedSchema, deleteAccountSchema, rotateCalendarFeedSchema } from '@/lib/validation/account';
import { createApiTokenSchema, revokeApiTokenSchema } from '@/lib/validation/api-token';
import { translatorFor } from '@/lib/i18n/catalogue';
import { requestTranslator } from '@/lib/i18n/refusals';
import { accountLocaleSchema } from '@/lib/validation/locale';
import { personNameSchema } from '@/lib/validation/organization';

// The name shows on every organization's proposals, comments and seats: every page re-renders.
export const updateNameAction = userAction(
  z.object({ name: personNameSchema }),
  async ({ input, user }) => {
    await updateUserName(getDb(), user.id, input.name);
    const t = await requestTranslator();
    return { ok: true, message: t('account.name.saved') };
  },
  { revalidate: [{ path: '/', type: 'layout' }] },
);

// The person's language: every page (and their e-mails) follows it, so every page re-renders. An unknown
// language is refused by the schema and nothing changes.
export const setMyLocaleAction = userAction(
  accountLocaleSchema,
  async ({ input, user }) => {
    await setUserLocale(getDb(), user.id, input.locale);
    // Said in the language just chosen.
    return { ok: true, message: translatorFor(input.locale)('localeForm.savedPerson') };
  },
  { revalidate: [{ path: '/', type: 'layout' }] },
);

// "Skip for now" at the name prompt: it returns after a quiet spell; the account page asks at any time.
export const skipNamePromptAction = userAction(
  z.object({}),
  async ({ user }) => {
    await recordNamePromptSkipped(getDb(), user.id, now());
    const t = await requestTranslator();
    return { ok: true, message: t('account.prompt.skipped', { days: namePromptQuietDays }) };
  },
  { revalidate: [{ path: '/', type: 'layout' }] },
);

// Deleting ends the sessions too, so the person lands signed out on a page that says what happened.
export const deleteAccountAction = userAction(
  deleteAccountSchema,
  async ({ user }) => {
    await deleteAccount(getDb(), { userId: user.id, at: now() });
    return { ok: true, redirectTo: '/account/deleted' };
  },
  { revalidate: [{ path: '/', type: 'layout' }] },
);

// The personal calendar link: its address is shown once, in the form's answer (never in the flash
// cookie); only its hash is kept. Replacing it ends the old address at once.
export const createCalendarFeedAction = userAction(createCalendarFeedSchema, async ({ user }) => {
  await spendLimit('calendarFeed', user.id);
  const token = await issueCalendarFeed(getDb(), { userId: user.id, mode: 'create', at: now() });
  const t = await requestTranslator();
  return { ok: true, message: t('account.calendar.created'), recorded: { feedPath: calendarFeedPath(token) } };
});

export const rotateCalendarFeedAction = userAction(rotateCalendarFeedSchema, async ({ user }) => {
  await spendLimit('calendarFeed', user.id);
  const token = await issueCalendarFeed(getDb(), { userId: user.id, mode: 'rotate', at: now() });
  const t = await requestTranslator();
  return { ok: true, message: t('account.calendar.replaced'), recorded: { feedPath: calendarFeedPath(token) } };
});

// Personal API tokens: a new token is shown once, in the form's answer (never in the flash cookie); only its hash is kept.
export const createApiTokenAction = userAction(createApiTokenSchema, async ({ input, user }) => {
  await spendLimit('apiToken', user.id);
  const { token } = await issueApiToken(getDb(), user.id, { ...input, expiresInDays: Number(input.expiresInDays) }, now());
  const t = await requestTranslator();
  return { ok: true, message: t('account.tokens.created', { name: input.name }), recorded: { token } };
});

export const revokeApiTokenAction = userAction(revokeApiTokenSchema, async ({ input, user }) => {
  await spendLimit('apiToken', user.id);
  await revokeApiToken(getDb(), user.id, input.tokenId, now());
  const t = await requestTranslator();
  return { ok: true, message: t('account.tokens.revoked') };
});
