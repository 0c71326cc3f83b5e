'use server';

import { eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import {
  countAdminsForUpdate,
  getMembership,
  getMembershipInOrg,
  insertMembership,
  updateMembershipRole,
} from '@/db/queries/memberships';
import { findOrCreateUserByEmail, getUserName } from '@/db/queries/users';
import { organizations } from '@/db/schema';
import { orgAction } from '@/lib/actions/action';
import { RuleRefusal } from '@/lib/actions/refusal';
import { confirmationUrl, issueInvitationToken, invitationLinkDays } from '@/lib/auth/links';
import { appOrigin } from '@/lib/auth/origin';
import { checkInvite, checkRoleChange, roleLabels } from '@/lib/governance/roles';
import { env } from '@/lib/env';
import { sendMail } from '@/lib/notify/mailer';
import { invitationMail } from '@/lib/notify/templates';
import { changeRoleSchema, inviteMemberSchema } from '@/lib/validation/organization';

export const inviteMember = orgAction(inviteMemberSchema, 'observer', async ({ input, user, membership, values }) => {
  const rule = checkInvite(membership.role);
  if (!rule.ok) return { ok: false, message: rule.reason, values };
  const origin = await appOrigin();
  try {
    await getDb().transaction(async (tx) => {
      const [org] = await tx.select({ name: organizations.name, slug: organizations.slug }).from(organizations).where(eq(organizations.id, input.orgId));
      if (!org) throw new RuleRefusal('This organization no longer exists.');
      const invitee = await findOrCreateUserByEmail(tx, input.email, input.name);
      const created = await insertMembership(tx, { orgId: input.orgId, userId: invitee.id, role: input.role, invitedBy: user.id });
      if (!created) throw new RuleRefusal(`${input.email} is already a member of ${org.name}.`, 'email');
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
  } catch (error) {
    if (error instanceof RuleRefusal) return { ok: false, message: error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : undefined, values };
    throw error;
  }
  revalidatePath('/o/[slug]', 'layout');
  return { ok: true, message: `Invitation sent to ${input.email}.` };
});

export const changeMemberRole = orgAction(changeRoleSchema, 'observer', async ({ input, user, values }) => {
  try {
    await getDb().transaction(async (tx) => {
      const adminCount = await countAdminsForUpdate(tx, input.orgId);
      // Re-read inside the transaction: the actor may have been demoted a moment ago.
      const actor = await getMembership(tx, input.orgId, user.id);
      const target = await getMembershipInOrg(tx, input.orgId, input.membershipId);
      if (!target) throw new RuleRefusal('That person is not a member of this organization.');
      const rule = checkRoleChange({ actorRole: actor?.role ?? null, targetRole: target.role, newRole: input.role, adminCount });
      if (!rule.ok) throw new RuleRefusal(rule.reason);
      await updateMembershipRole(tx, input.orgId, target.membershipId, input.role);
    });
  } catch (error) {
    if (error instanceof RuleRefusal) return { ok: false, message: error.message, values };
    throw error;
  }
  revalidatePath('/o/[slug]', 'layout');
  return { ok: true, message: `Role changed to ${roleLabels[input.role].toLowerCase()}.` };
});
