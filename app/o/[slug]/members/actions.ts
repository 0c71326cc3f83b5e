'use server';

import { orgAction } from '@/lib/actions/action';
import {
  changeMemberRoleOperation,
  inviteMemberOperation,
  leaveOrganizationOperation,
  performAsMember,
  removeMemberOperation,
  resendInvitationOperation,
  revokeInvitationOperation,
  setStakeholderGroupOperation,
} from '@/lib/actions/operations';
import { orgOperationAction } from '@/lib/actions/use-case-action';
import { requestTranslator } from '@/lib/i18n/refusals';

// Inviting, changing a role or a stakeholder group, removing a member, revoking or resending an invitation and leaving:
// the operations the API shares (lib/actions/operations.ts).
// Each success line in the request's language (English outside a request: tests and scripts).
export const inviteMemberAction = orgOperationAction(inviteMemberOperation, async (input) =>
  (await requestTranslator())('successLines.invitationSent', { email: input.email }),
);

/** The revoked invitation's row, and the form with it, is gone once the page re-renders: the page shows the confirmation instead (`?done=revoked`). */
export const revokeInvitationAction = orgAction(
  revokeInvitationOperation.schema,
  revokeInvitationOperation.minimumRole,
  async ({ input, user, membership }) => {
    await performAsMember(revokeInvitationOperation, { userId: user.id, role: membership.role }, input);
    return { ok: true, redirectTo: `/o/${membership.orgSlug}/members?done=revoked#pending-invitations` };
  },
);

/** The operation spends the sign-in links' limit for this invitation before mailing it again. */
export const resendInvitationAction = orgOperationAction(resendInvitationOperation, async (_input, email) =>
  (await requestTranslator())('successLines.invitationResent', { email }),
);

export const changeMemberRoleAction = orgOperationAction(changeMemberRoleOperation, async (input) =>
  (await requestTranslator())('successLines.roleChanged', { role: input.role }),
);

/** Admins only (the use case asks checkGroupChange). */
export const setStakeholderGroupAction = orgOperationAction(setStakeholderGroupOperation, async (input) => {
  const t = await requestTranslator();
  return input.group === null ? t('successLines.groupCleared') : t('successLines.groupSet', { group: input.group });
});

export const removeMemberAction = orgOperationAction(removeMemberOperation, async () => (await requestTranslator())('successLines.memberRemoved'));

export const leaveOrganizationAction = orgAction(
  leaveOrganizationOperation.schema,
  leaveOrganizationOperation.minimumRole,
  async ({ input, user, membership }) => {
    await performAsMember(leaveOrganizationOperation, { userId: user.id, role: membership.role }, input);
    return { ok: true, redirectTo: `/o/${membership.orgSlug}` };
  },
);
