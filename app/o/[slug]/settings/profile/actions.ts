'use server';

import { getDb } from '@/db/client';
import { orgAction } from '@/lib/actions/action';
import { saveOrganizationProfileOperation, setOrganizationLocaleOperation } from '@/lib/actions/operations';
import type { ActionState } from '@/lib/actions/state';
import { orgOperationAction } from '@/lib/actions/use-case-action';
import { now } from '@/lib/clock';
import { removeOrganizationLogo, setOrganizationLogo } from '@/lib/use-cases/organization-profile';
import { organizationLogoSchema } from '@/lib/validation/organization';
import { requestTranslator } from '@/lib/i18n/refusals';

/**
 * Name, mission and visibility: admins only (the use case checks the role inside its transaction), each change logged with
 * what it was before. The operation the API shares (lib/actions/operations.ts).
 */
export const saveOrganizationProfileAction = orgOperationAction(saveOrganizationProfileOperation, async (_input, changed) =>
  (await requestTranslator())(changed ? 'settings.flashProfileSaved' : 'settings.flashNothingChanged'),
);

/**
 * The default language (for visitors whose browser asks for none offered, and e-mails to people who chose none):
 * admins only. A display setting, not a governance change: not logged. It is part of the public page cache's
 * version, so cached pages in the old default are not served after it changes. The operation the API shares.
 */
export const setOrganizationLocaleAction = orgOperationAction(setOrganizationLocaleOperation, async (_input, changed) =>
  (await requestTranslator())(changed ? 'localeForm.savedOrg' : 'localeForm.unchanged'),
);

/**
 * The logo: the form's `logo` file (the wrapper parses only text fields, so the file is read here), judged by its
 * bytes in the use case. Admins only, checked inside the use case's transaction.
 */
export async function setOrganizationLogoAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const file = formData.get('logo');
  const bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
  return orgAction(organizationLogoSchema, 'observer', async ({ input, user }) => {
    const changed = await setOrganizationLogo(getDb(), { orgId: input.orgId, actorId: user.id, at: now(), bytes });
    return { ok: true, message: (await requestTranslator())(changed ? 'settings.flashLogoSaved' : 'settings.flashLogoSame') };
  })(prev, formData);
}

/** Removes the logo: admins only; logged with the removed image's hash. */
export const removeOrganizationLogoAction = orgAction(organizationLogoSchema, 'observer', async ({ input, user }) => {
  await removeOrganizationLogo(getDb(), { orgId: input.orgId, actorId: user.id, at: now() });
  return { ok: true, message: (await requestTranslator())('settings.flashLogoRemoved') };
});
