'use server';

import { getDb } from '@/db/client';
import { appendLogEntry } from '@/db/queries/log';
import { getMembership } from '@/db/queries/memberships';
import { getOrganizationProfileForUpdate, updateOrganizationProfile } from '@/db/queries/organizations';
import type { OrganizationProfile } from '@/db/queries/organizations';
import { orgAction } from '@/lib/actions/action';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import { now } from '@/lib/clock';
import { checkProfileEdit } from '@/lib/governance/roles';
import { organizationProfileSchema } from '@/lib/validation/organization';

/** Name, mission and visibility: admins only, each change logged with what it was before. */
export const saveOrganizationProfileAction = orgAction(organizationProfileSchema, 'observer', async ({ input, user }) => {
  let changed = false;
  await getDb().transaction(async (tx) => {
    // Re-read inside the transaction: the actor may have been demoted a moment ago.
    const actor = await getMembership(tx, input.orgId, user.id);
    const rule = checkProfileEdit(actor?.role ?? null);
    if (!rule.ok) refuseRule(rule);
    const before = await getOrganizationProfileForUpdate(tx, input.orgId);
    if (!before) refuse('organization.not_found');
    const after: OrganizationProfile = { name: input.name, mission: input.mission, isPublic: input.visibility === 'public' };
    const keys = (Object.keys(after) as (keyof OrganizationProfile)[]).filter((k) => before[k] !== after[k]);
    if (keys.length === 0) return;
    changed = true;
    await updateOrganizationProfile(tx, input.orgId, after);
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: user.id,
      kind: 'organization.profile_changed',
      subject: `organization:${input.orgId}`,
      payload: { fields: keys, before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) },
      at: now(),
    });
  });
  return { ok: true, message: changed ? 'Profile saved. The change is on the public record.' : 'Nothing changed.' };
});
