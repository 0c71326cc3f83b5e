'use server';

import { getDb } from '@/db/client';
import { orgAction } from '@/lib/actions/action';
import { now } from '@/lib/clock';
import { requestTranslator } from '@/lib/i18n/refusals';
import { archiveOrganization, unarchiveOrganization } from '@/lib/use-cases/archive';
import { archiveOrganizationSchema, unarchiveOrganizationSchema } from '@/lib/validation/organization';

/** Archive: admins only (the use case checks the role inside its transaction), with the name typed to confirm. */
export const archiveOrganizationAction = orgAction(archiveOrganizationSchema, 'observer', async ({ input, user }) => {
  await archiveOrganization(getDb(), { orgId: input.orgId, actorId: user.id, confirmation: input.confirmation, at: now() });
  return { ok: true, message: (await requestTranslator())('settings.flashArchived') };
});

/** Unarchive: admins only; the organization takes writes again. */
export const unarchiveOrganizationAction = orgAction(unarchiveOrganizationSchema, 'observer', async ({ input, user }) => {
  await unarchiveOrganization(getDb(), { orgId: input.orgId, actorId: user.id, at: now() });
  return { ok: true, message: (await requestTranslator())('settings.flashUnarchived') };
});
