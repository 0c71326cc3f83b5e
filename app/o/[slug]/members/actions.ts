'use server';

import { getDb } from '@/db/client';
import type { Executor } from '@/db/client';
import { appendLogEntry } from '@/db/queries/log';
import {
  countAdminsForUpdate,
  countSeatsHeldForUpdate,
  deleteMembership,
  getMembership,
  getMembershipInOrg,
  updateMembershipRole,
} from '@/db/queries/memberships';
import { cancelOptionalMail } from '@/db/queries/notify';
import { orgAction } from '@/lib/actions/action';
import { spendLimit } from '@/lib/actions/limit';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import { appOrigin } from '@/lib/auth/origin';
import { checkLeave, checkRemoval, checkRoleChange, roleLabels } from '@/lib/governance/roles';
import type { Role } from '@/lib/governance/roles';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { inviteMember, resendInvitation, revokeInvitation } from '@/lib/use-cases/memberships';
import { changeRoleSchema, invitationSchema, inviteMemberSchema, leaveOrganizationSchema, removeMemberSchema } from '@/lib/validation/organization';

export const inviteMemberAction = orgAction(inviteMemberSchema, 'observer', async ({ input, user }) => {
  const at = now();
  await inviteMember(getDb(), { ...input, actorId: user.id, origin: await appOrigin(), secret: env().authSecret, at });
  return { ok: true, message: `Invitation sent to ${input.email}. They become a member when they accept it.` };
});

/** The revoked invitation's row, and the form with it, is gone once the page re-renders: the page shows the confirmation instead (`?done=revoked`). */
export const revokeInvitationAction = orgAction(invitationSchema, 'observer', async ({ input, user, membership }) => {
  await revokeInvitation(getDb(), { orgId: input.orgId, actorId: user.id, membershipId: input.membershipId, at: now() });
  return { ok: true, redirectTo: `/o/${membership.orgSlug}/members?done=revoked#pending-invitations` };
});

export const resendInvitationAction = orgAction(invitationSchema, 'observer', async ({ input, user }) => {
  await spendLimit('magicLinkEmail', `invitation:${input.membershipId}`);
  const email = await resendInvitation(getDb(), { ...input, actorId: user.id, origin: await appOrigin(), secret: env().authSecret, at: now() });
  return { ok: true, message: `A new invitation link was sent to ${email}.` };
});

/**
 * What the rules weigh before an admin changes another membership, read inside the transaction
 * (admins counted under lock): the actor's role, re-read (they may have been demoted a moment
 * ago), the target membership (refused when it is not in this organization) and its seats.
 */
async function memberChangeFacts(tx: Executor, orgId: string, actorUserId: string, membershipId: string) {
  const adminCount = await countAdminsForUpdate(tx, orgId);
  const actor = await getMembership(tx, orgId, actorUserId);
  const target = await getMembershipInOrg(tx, orgId, membershipId);
  if (!target) refuse('membership.not_member');
  const seatsHeld = await countSeatsHeldForUpdate(tx, orgId, target.userId);
  return { adminCount, actorRole: actor?.role ?? null, target, seatsHeld };
}

export const changeMemberRoleAction = orgAction(changeRoleSchema, 'observer', async ({ input, user }) => {
  await getDb().transaction(async (tx) => {
    const { adminCount, actorRole, target, seatsHeld } = await memberChangeFacts(tx, input.orgId, user.id, input.membershipId);
    const rule = checkRoleChange({ actorRole, targetRole: target.role, newRole: input.role, adminCount, seatsHeld });
    if (!rule.ok) refuseRule(rule);
    await updateMembershipRole(tx, input.orgId, target.membershipId, input.role);
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: user.id,
      kind: 'membership.role_changed',
      subject: `membership:${target.membershipId}`,
      payload: { membershipId: target.membershipId, userId: target.userId, from: target.role, to: input.role },
      at: now(),
    });
  });
  return { ok: true, message: `Role changed to ${roleLabels[input.role].toLowerCase()}.` };
});

export const removeMemberAction = orgAction(removeMemberSchema, 'observer', async ({ input, user }) => {
  await getDb().transaction(async (tx) => {
    const { adminCount, actorRole, target, seatsHeld } = await memberChangeFacts(tx, input.orgId, user.id, input.membershipId);
    const rule = checkRemoval({ actorRole, targetRole: target.role, adminCount, seatsHeld, isSelf: target.userId === user.id });
    if (!rule.ok) refuseRule(rule);
    await endMembership(tx, input.orgId, user.id, 'membership.removed', target);
  });
  return { ok: true, message: 'Member removed.' };
});

/** Ends a membership (removed by an admin, or left): deletes it, cancels the member's optional mail and logs `kind`. */
async function endMembership(
  tx: Executor,
  orgId: string,
  actorId: string,
  kind: 'membership.removed' | 'membership.left',
  member: { membershipId: string; userId: string; role: Role },
): Promise<void> {
  await deleteMembership(tx, orgId, member.membershipId);
  await cancelOptionalMail(tx, orgId, member.userId);
  await appendLogEntry(tx, {
    orgId,
    actorId,
    kind,
    subject: `membership:${member.membershipId}`,
    payload: { membershipId: member.membershipId, userId: member.userId, role: member.role },
    at: now(),
  });
}

export const leaveOrganizationAction = orgAction(leaveOrganizationSchema, 'observer', async ({ input, user, membership }) => {
  await getDb().transaction(async (tx) => {
    const adminCount = await countAdminsForUpdate(tx, input.orgId);
    const me = await getMembership(tx, input.orgId, user.id);
    if (!me) refuse('membership.self_not_member');
    const seatsHeld = await countSeatsHeldForUpdate(tx, input.orgId, user.id);
    const rule = checkLeave({ actorRole: me.role, targetRole: me.role, adminCount, seatsHeld });
    if (!rule.ok) refuseRule(rule);
    await endMembership(tx, input.orgId, user.id, 'membership.left', me);
  });
  return { ok: true, redirectTo: `/o/${membership.orgSlug}` };
});
