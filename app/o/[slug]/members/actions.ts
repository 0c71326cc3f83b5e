'use server';

import { getDb } from '@/db/client';
import { orgAction } from '@/lib/actions/action';
import { spendLimit } from '@/lib/actions/limit';
import { appOrigin } from '@/lib/auth/origin';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { requestTranslator } from '@/lib/i18n/refusals';
import {
  changeMemberRole,
  changeStakeholderGroup,
  inviteMember,
  leaveOrganization,
  removeMember,
  resendInvitation,
  revokeInvitation,
} from '@/lib/use-cases/memberships';
import {
  changeRoleSchema,
  invitationSchema,
  inviteMemberSchema,
  leaveOrganizationSchema,
  removeMemberSchema,
  stakeholderGroupSchema,
} from '@/lib/validation/organization';

export const inviteMemberAction = orgAction(inviteMemberSchema, 'observer', async ({ input, user }) => {
  const at = now();
  await inviteMember(getDb(), { ...input, actorId: user.id, origin: await appOrigin(), secret: env().authSecret, at });
  // In the request's language (English outside a request: tests and scripts).
  return { ok: true, message: (await requestTranslator())('successLines.invitationSent', { email: input.email }) };
});

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

export const changeMemberRoleAction = orgAction(changeRoleSchema, 'observer', async ({ input, user }) => {
  await changeMemberRole(getDb(), { ...input, actorId: user.id, at: now() });
  return { ok: true, message: (await requestTranslator())('successLines.roleChanged', { role: input.role }) };
});

/** Admins only (the use case asks checkGroupChange). The form has no weight field, and a forged one is not read: weights change only by proposal. */
export const setStakeholderGroupAction = orgAction(stakeholderGroupSchema, 'observer', async ({ input, user }) => {
  await changeStakeholderGroup(getDb(), { orgId: input.orgId, membershipId: input.membershipId, group: input.group, actorId: user.id, at: now() });
  const t = await requestTranslator();
  return { ok: true, message: input.group === null ? t('successLines.groupCleared') : t('successLines.groupSet', { group: input.group }) };
});

export const removeMemberAction = orgAction(removeMemberSchema, 'observer', async ({ input, user }) => {
  await removeMember(getDb(), { orgId: input.orgId, membershipId: input.membershipId, actorId: user.id, at: now() });
  return { ok: true, message: (await requestTranslator())('successLines.memberRemoved') };
});

export const leaveOrganizationAction = orgAction(leaveOrganizationSchema, 'observer', async ({ input, user, membership }) => {
  await leaveOrganization(getDb(), { orgId: input.orgId, actorId: user.id, at: now() });
  return { ok: true, redirectTo: `/o/${membership.orgSlug}` };
});
