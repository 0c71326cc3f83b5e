'use server';

import { getDb } from '@/db/client';
import { orgAction } from '@/lib/actions/action';
import { changeMemberRoleOperation, inviteMemberOperation, removeMemberOperation, setStakeholderGroupOperation } from '@/lib/actions/operations';
import { orgOperationAction } from '@/lib/actions/use-case-action';
import { spendLimit } from '@/lib/actions/limit';
import { appOrigin } from '@/lib/auth/origin';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { requestTranslator } from '@/lib/i18n/refusals';
import { leaveOrganization, resendInvitation, revokeInvitation } from '@/lib/use-cases/memberships';
import { invitationSchema, leaveOrganizationSchema } from '@/lib/validation/organization';

// Inviting, changing a role or a stakeholder group and removing a member: the operations the API shares (lib/actions/operations.ts).
// Each success line in the request's language (English outside a request: tests and scripts).
export const inviteMemberAction = orgOperationAction(inviteMemberOperation, async (input) =>
  (await requestTranslator())('successLines.invitationSent', { email: input.email }),
);

/** The revoked invitation's row, and the form with it, is gone once the page re-renders: the page shows the confirmation instead (`?done=revoked`). */
export const revokeInvitationAction = orgAction(invitationSchema, 'observer', async ({ input, user, membership }) => {
  await revokeInvitation(getDb(), { orgId: input.orgId, actorId: user.id, membershipId: input.membershipId, at: now() });
  return { ok: true, redirectTo: `/o/${membership.orgSlug}/members?done=revoked#pending-invitations` };
});

export const resendInvitationAction = orgAction(invitationSchema, 'observer', async ({ input, user }) => {
  await spendLimit('magicLinkEmail', `invitation:${input.membershipId}`);
  const email = await resendInvitation(getDb(), { ...input, actorId: user.id, origin: await appOrigin(), secret: env().authSecret, at: now() });
  return { ok: true, message: (await requestTranslator())('successLines.invitationResent', { email }) };
});

export const changeMemberRoleAction = orgOperationAction(changeMemberRoleOperation, async (input) =>
  (await requestTranslator())('successLines.roleChanged', { role: input.role }),
);

/** Admins only (the use case asks checkGroupChange). */
export const setStakeholderGroupAction = orgOperationAction(setStakeholderGroupOperation, async (input) => {
  const t = await requestTranslator();
  return input.group === null ? t('successLines.groupCleared') : t('successLines.groupSet', { group: input.group });
});

export const removeMemberAction = orgOperationAction(removeMemberOperation, async () => (await requestTranslator())('successLines.memberRemoved'));

export const leaveOrganizationAction = orgAction(leaveOrganizationSchema, 'observer', async ({ input, user, membership }) => {
  await leaveOrganization(getDb(), { orgId: input.orgId, actorId: user.id, at: now() });
  return { ok: true, redirectTo: `/o/${membership.orgSlug}` };
});
