'use server';

import { getDb } from '@/db/client';
import { orgAction } from '@/lib/actions/action';
import { now } from '@/lib/clock';
import { archiveOrganization, unarchiveOrganization } from '@/lib/use-cases/archive';
import { archiveOrganizationSchema, unarchiveOrganizationSchema } from '@/lib/validation/organization';

/** Archive: admins only (the use case checks the role inside its transaction), with the name typed to confirm. */
export const archiveOrganizationAction = orgAction(archiveOrganizationSchema, 'observer', async ({ input, user }) => {
  await archiveOrganization(getDb(), { orgId: input.orgId, actorId: user.id, confirmation: input.confirmation, at: now() });
  return {
    ok: true,
    message: 'The organization is archived. Its record stays readable; it takes no new proposals, comments, ballots, seat, membership or profile changes.',
  };
});

/** Unarchive: admins only; the organization takes writes again. */
export const unarchiveOrganizationAction = orgAction(unarchiveOrganizationSchema, 'observer', async ({ input, user }) => {
  await unarchiveOrganization(getDb(), { orgId: input.orgId, actorId: user.id, at: now() });
  return { ok: true, message: 'The organization is active again.' };
});
