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
  insertMembership,
  updateMembershipRole,
} from '@/db/queries/memberships';
import { cancelOptionalMail } from '@/db/queries/notify';
import { getOrganizationName } from '@/db/queries/organizations';
import { findOrCreateUserByEmail, getUserName } from '@/db/queries/users';
import { orgAction } from '@/lib/actions/action';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import { confirmationUrl, issueInvitationToken, invitationLinkDays } from '@/lib/auth/links';
import { appOrigin } from '@/lib/auth/origin';
import { checkInvite, checkLeave, checkRemoval, checkRoleChange, roleLabels } from '@/lib/governance/roles';
import type { Role } from '@/lib/governance/roles';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { sendMail } from '@/lib/notify/mailer';
import { invitationMail } from '@/lib/notify/templates';
import { changeRoleSchema, inviteMemberSchema, leaveOrganizationSchema, removeMemberSchema } from '@/lib/validation/organization';

export const inviteMemberAction = orgAction(inviteMemberSchema, 'observer', async ({ input, user, membership }) => {
  const rule = checkInvite(membership.role);
  if (!rule.ok) refuseRule(rule);
  const origin = await appOrigin();
  await getDb().transaction(async (tx) => {
    const org = await getOrganizationName(tx, input.orgId);
    if (!org) refuse('organization.not_found');
    const invitee = await findOrCreateUserByEmail(tx, input.email, input.name);
    const created = await insertMembership(tx, { orgId: input.orgId, userId: invitee.id, role: input.role, invitedBy: user.id });
    if (!created) refuse('membership.already_member', { email: input.email, organization: org.name }, 'email');
    // The public log names the membership and the role, never the invitee's address.
    await appendLogEntry(tx, {
      orgId: input.orgId,
      actorId: user.id,
      kind: 'membership.invited',
      subject: `membership:${created.id}`,
      payload: { membershipId: created.id, role: input.role },
      at: now(),
    });
    const { token } = await issueInvitationToken(tx, { email: input.email, secret: env().authSecret, now: new Date() });
    const inviter = await getUserName(tx, user.id);
    // Sent inside the transaction: if the mail cannot go out, the invitation is rolled back
    // and the admin is told, rather than leaving a member who never heard of it.
    await sendMail({
      to: input.email,
      ...invitationMail({
        url: confirmationUrl(origin, { token, email: input.email, callbackUrl: `/o/${org.slug}` }),
        organizationName: org.name,
        inviterName: inviter?.name ?? inviter?.email ?? 'An admin',
        roleLabel: roleLabels[input.role],
        expiresInDays: invitationLinkDays,
      }),
    });
  });
  return { ok: true, message: `Invitation sent to ${input.email}.` };
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
