'use server';

import { getDb } from '@/db/client';
import { orgAction } from '@/lib/actions/action';
import type { ActionState } from '@/lib/actions/state';
import { now } from '@/lib/clock';
import { removeOrganizationLogo, saveOrganizationProfile, setOrganizationLogo } from '@/lib/use-cases/organization-profile';
import { organizationLogoSchema, organizationProfileSchema } from '@/lib/validation/organization';

/** Name, mission and visibility: admins only (the use case checks the role inside its transaction), each change logged with what it was before. */
export const saveOrganizationProfileAction = orgAction(organizationProfileSchema, 'observer', async ({ input, user }) => {
  const profile = { name: input.name, mission: input.mission, isPublic: input.visibility === 'public' };
  const changed = await saveOrganizationProfile(getDb(), { orgId: input.orgId, actorId: user.id, at: now(), profile });
  return { ok: true, message: changed ? 'Profile saved. The change is on the public record.' : 'Nothing changed.' };
});

/**
 * The logo: the form's `logo` file (the wrapper parses only text fields, so the file is read here), judged by its
 * bytes in the use case. Admins only, checked inside the use case's transaction.
 */
export async function setOrganizationLogoAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  const file = formData.get('logo');
  const bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
  return orgAction(organizationLogoSchema, 'observer', async ({ input, user }) => {
    const changed = await setOrganizationLogo(getDb(), { orgId: input.orgId, actorId: user.id, at: now(), bytes });
    return { ok: true, message: changed ? 'Logo saved. The change is on the decision log.' : 'That is already the logo. Nothing changed.' };
  })(prev, formData);
}

/** Removes the logo: admins only; logged with the removed image's hash. */
export const removeOrganizationLogoAction = orgAction(organizationLogoSchema, 'observer', async ({ input, user }) => {
  await removeOrganizationLogo(getDb(), { orgId: input.orgId, actorId: user.id, at: now() });
  return { ok: true, message: 'Logo removed. The change is on the decision log.' };
});
