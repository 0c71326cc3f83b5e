import 'server-only';
import type { Database, Executor } from '@/db/client';
import { appendLogEntry } from '@/db/queries/log';
import {
  countAdminsForUpdate,
  countSeatsHeldForUpdate,
  deleteInvitation,
  deleteMembership,
  getMembership,
  getMembershipInOrg,
  insertInvitation,
  lockMemberAttributes,
  lockMembershipInOrg,
  lockMembershipOfUser,
  markInvitationAccepted,
  updateMembershipGroup,
  updateMembershipRole,
} from '@/db/queries/memberships';
import { cancelOptionalMail } from '@/db/queries/notify';
import { getOrganizationDefaultLocale, getOrganizationName } from '@/db/queries/organizations';
import { findOrCreateUserByEmail, getUserLocaleByEmail, getUserName } from '@/db/queries/users';
import { confirmationUrl, invitationLinkDays, issueInvitationToken } from '@/lib/auth/links';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import { checkInvitationChange, checkInvite, checkLeave, checkRemoval, checkRoleChange, roleLabels } from '@/lib/governance/roles';
import type { Role } from '@/lib/governance/roles';
import { checkGroupAdmin, checkGroupChange } from '@/lib/governance/stakeholder-groups';
import { mailLocale } from '@/lib/i18n/locales';
import { sendMail } from '@/lib/notify/mailer';
import { invitationMail } from '@/lib/notify/templates';
import { lapseSignaturesOf } from './petitions';
import { requireOrganizationWritable } from './writable';

/**
 * Invitations. An invitation is a membership row with accepted_at null: the invitee is not a
 * member for any rule (no role, no notices, no seat, no vote, not counted) until they accept.
 * Each step is one transaction with its decision-log entry; the public log names the membership
 * and the role, never the invitee's address.
 */

/** Where an invitation's link lands once the invitee has signed in. */
export const invitationPath = (slug: string) => `/o/${slug}/invitation`;

type MailContext = { origin: string; secret: string; at: Date };

/**
 * Issues a fresh sign-in link and mails it. Sent inside the transaction: if the mail cannot go
 * out, the invitation (or resend) is rolled back and the admin is told.
 */
async function mailInvitation(
  tx: Executor,
  ctx: MailContext,
  p: { email: string; org: { name: string; slug: string }; inviterId: string; role: Role },
): Promise<void> {
  const { token } = await issueInvitationToken(tx, { email: p.email, secret: ctx.secret, now: ctx.at });
  const inviter = await getUserName(tx, p.inviterId);
  // The invitee's language, as for every e-mail: their own choice if they already use Quorate, else the organization's default.
  const locale = mailLocale(await getUserLocaleByEmail(tx, p.email), await getOrganizationDefaultLocale(tx, p.org.slug));
  await sendMail({
    to: p.email,
    ...invitationMail({
      url: confirmationUrl(ctx.origin, { token, email: p.email, callbackUrl: invitationPath(p.org.slug) }),
      organizationName: p.org.name,
      inviterName: inviter?.name ?? inviter?.email ?? null,
      roleLabel: roleLabels[p.role],
      role: p.role,
      expiresInDays: invitationLinkDays,
      locale,
    }),
  });
}

async function organizationOrRefuse(tx: Executor, orgId: string) {
  const org = await getOrganizationName(tx, orgId);
  if (!org) refuse('organization.not_found');
  return org;
}

/**
 * Logs `kind` about one membership, in the caller's transaction: the entry names the membership
 * and its role, and the person when `userId` is given (never their address).
 */
async function logMembership(
  tx: Executor,
  p: { orgId: string; actorId: string; at: Date },
  kind: string,
  member: { membershipId: string; role: Role; userId?: string },
): Promise<void> {
  const { membershipId, role, userId } = member;
  await appendLogEntry(tx, {
    orgId: p.orgId,
    actorId: p.actorId,
    kind,
    subject: `membership:${membershipId}`,
    payload: userId === undefined ? { membershipId, role } : { membershipId, userId, role },
    at: p.at,
  });
}

/** An admin invites an address: a pending membership, `membership.invited`, and the mail. */
export async function inviteMember(db: Database, p: { orgId: string; actorId: string; email: string; name?: string; role: Role } & MailContext): Promise<void> {
  await db.transaction(async (tx) => {
    // Archived organizations take no new writes (organizationWritable).
    await requireOrganizationWritable(tx, p.orgId);
    const actor = await getMembership(tx, p.orgId, p.actorId);
    const rule = checkInvite(actor?.role ?? null);
    if (!rule.ok) refuseRule(rule);
    const org = await organizationOrRefuse(tx, p.orgId);
    const invitee = await findOrCreateUserByEmail(tx, p.email, p.name);
    const created = await insertInvitation(tx, { orgId: p.orgId, userId: invitee.id, role: p.role, invitedBy: p.actorId });
    if (!created) {
      const existing = await lockMembershipOfUser(tx, p.orgId, invitee.id);
      const code = existing && existing.acceptedAt === null ? 'membership.already_invited' : 'membership.already_member';
      refuse(code, { email: p.email, organization: org.name }, 'email');
    }
    await logMembership(tx, p, 'membership.invited', { membershipId: created.id, role: p.role });
    await mailInvitation(tx, p, { email: p.email, org, inviterId: p.actorId, role: p.role });
  });
}

/** The pending invitation `membershipId` in `orgId`, locked, once the actor is known to be its admin; refuses otherwise. */
async function pendingInvitationFor(tx: Executor, p: { orgId: string; actorId: string; membershipId: string }) {
  // Archived organizations take no membership changes (organizationWritable).
  await requireOrganizationWritable(tx, p.orgId);
  const actorRole = (await getMembership(tx, p.orgId, p.actorId))?.role ?? null;
  const asAdmin = checkInvitationChange(actorRole, true);
  if (!asAdmin.ok) refuseRule(asAdmin);
  const target = await lockMembershipInOrg(tx, p.orgId, p.membershipId);
  if (!target) refuse('invitation.not_found_for_admin');
  const rule = checkInvitationChange(actorRole, target.acceptedAt === null);
  if (!rule.ok) refuseRule(rule);
  return target;
}

/** An admin withdraws a pending invitation: the row goes, `membership.invitation_revoked` is logged. */
export async function revokeInvitation(db: Database, p: { orgId: string; actorId: string; membershipId: string; at: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    const target = await pendingInvitationFor(tx, p);
    if (!(await deleteInvitation(tx, p.orgId, target.membershipId))) refuse('invitation.not_found_for_admin');
    await logMembership(tx, p, 'membership.invitation_revoked', { membershipId: target.membershipId, role: target.role });
  });
}

/** An admin sends a pending invitation again: a new link, the same invitation. Returns the address it went to. */
export async function resendInvitation(db: Database, p: { orgId: string; actorId: string; membershipId: string } & MailContext): Promise<string> {
  return db.transaction(async (tx) => {
    const target = await pendingInvitationFor(tx, p);
    const org = await organizationOrRefuse(tx, p.orgId);
    const invitee = await getUserName(tx, target.userId);
    if (!invitee) refuse('invitation.not_found_for_admin');
    const email = invitee.email;
    await mailInvitation(tx, p, { email, org, inviterId: p.actorId, role: target.role });
    return email;
  });
}

/** The invitee's pending invitation in `orgId`, locked; refuses when there is none. */
async function ownPendingInvitation(tx: Executor, orgId: string, userId: string) {
  // Archived organizations take no membership changes (organizationWritable).
  await requireOrganizationWritable(tx, orgId);
  const mine = await lockMembershipOfUser(tx, orgId, userId);
  if (!mine || mine.acceptedAt !== null) refuse('invitation.not_found');
  return mine;
}

/** The invitee accepts: from now on they are a member; `membership.accepted` is logged. */
export async function acceptInvitation(db: Database, p: { orgId: string; userId: string; at: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    const mine = await ownPendingInvitation(tx, p.orgId, p.userId);
    if (!(await markInvitationAccepted(tx, p.orgId, mine.membershipId, p.at))) refuse('invitation.not_found');
    await logMembership(tx, { orgId: p.orgId, actorId: p.userId, at: p.at }, 'membership.accepted', { ...mine, userId: p.userId });
  });
}

/** The invitee declines: the invitation goes; `membership.invitation_declined` is logged. */
export async function declineInvitation(db: Database, p: { orgId: string; userId: string; at: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    const mine = await ownPendingInvitation(tx, p.orgId, p.userId);
    if (!(await deleteInvitation(tx, p.orgId, mine.membershipId))) refuse('invitation.not_found');
    await logMembership(tx, { orgId: p.orgId, actorId: p.userId, at: p.at }, 'membership.invitation_declined', {
      membershipId: mine.membershipId,
      role: mine.role,
    });
  });
}

/**
 * What the rules weigh before an admin changes another membership, read inside the transaction
 * (admins counted under lock): the actor's role, re-read (they may have been demoted a moment
 * ago), the target membership (refused when it is not in this organization) and its seats.
 */
async function memberChangeFacts(tx: Executor, orgId: string, actorId: string, membershipId: string) {
  // Archived organizations take no membership changes (organizationWritable).
  await requireOrganizationWritable(tx, orgId);
  const adminCount = await countAdminsForUpdate(tx, orgId);
  const actor = await getMembership(tx, orgId, actorId);
  const target = await getMembershipInOrg(tx, orgId, membershipId);
  if (!target) refuse('membership.not_member');
  const seatsHeld = await countSeatsHeldForUpdate(tx, orgId, target.userId);
  return { adminCount, actorRole: actor?.role ?? null, target, seatsHeld };
}

type MemberChange = { orgId: string; actorId: string; membershipId: string; at: Date };

/** An admin changes another member's role; `membership.role_changed` is logged with the roles before and after. */
export async function changeMemberRole(db: Database, p: MemberChange & { role: Role }): Promise<void> {
  await db.transaction(async (tx) => {
    const { adminCount, actorRole, target, seatsHeld } = await memberChangeFacts(tx, p.orgId, p.actorId, p.membershipId);
    const rule = checkRoleChange({ actorRole, targetRole: target.role, newRole: p.role, adminCount, seatsHeld });
    if (!rule.ok) refuseRule(rule);
    await updateMembershipRole(tx, p.orgId, target.membershipId, p.role);
    await appendLogEntry(tx, {
      orgId: p.orgId,
      actorId: p.actorId,
      kind: 'membership.role_changed',
      subject: `membership:${target.membershipId}`,
      payload: { membershipId: target.membershipId, userId: target.userId, from: target.role, to: p.role },
      at: p.at,
    });
  });
}

/**
 * An admin records a member's stakeholder group, or clears it (`group` null);
 * `membership.group_changed` is logged with the groups before and after.
 */
export async function changeStakeholderGroup(db: Database, p: MemberChange & { group: string | null }): Promise<void> {
  await db.transaction(async (tx) => {
    // Archived organizations take no membership changes (organizationWritable).
    await requireOrganizationWritable(tx, p.orgId);
    const actor = await getMembership(tx, p.orgId, p.actorId);
    const asAdmin = checkGroupAdmin(actor?.role ?? null);
    if (!asAdmin.ok) refuseRule(asAdmin);
    const target = await lockMemberAttributes(tx, p.orgId, p.membershipId);
    if (!target) refuse('membership.not_member');
    const rule = checkGroupChange({ actorRole: actor?.role ?? null, from: target.stakeholderGroup, to: p.group });
    if (!rule.ok) refuseRule(rule, 'group');
    await updateMembershipGroup(tx, p.orgId, target.membershipId, p.group);
    await appendLogEntry(tx, {
      orgId: p.orgId,
      actorId: p.actorId,
      kind: 'membership.group_changed',
      subject: `membership:${target.membershipId}`,
      payload: { membershipId: target.membershipId, userId: target.userId, from: target.stakeholderGroup, to: p.group },
      at: p.at,
    });
  });
}

/** Ends a membership (removed by an admin, or left): deletes it, cancels the member's optional mail and logs `kind`. */
async function endMembership(
  tx: Executor,
  p: { orgId: string; actorId: string; at: Date },
  kind: 'membership.removed' | 'membership.left',
  member: { membershipId: string; userId: string; role: Role },
): Promise<void> {
  await deleteMembership(tx, p.orgId, member.membershipId);
  await cancelOptionalMail(tx, p.orgId, member.userId);
  await logMembership(tx, p, kind, member);
  // No longer a member: no longer counted on a petition still taking signatures.
  await lapseSignaturesOf(tx, { orgId: p.orgId, userId: member.userId, reason: kind === 'membership.left' ? 'left' : 'removed', at: p.at });
}

/** An admin removes another member (never a seat holder: a seat is freed only by the charter's removal procedure). */
export async function removeMember(db: Database, p: MemberChange): Promise<void> {
  await db.transaction(async (tx) => {
    const { adminCount, actorRole, target, seatsHeld } = await memberChangeFacts(tx, p.orgId, p.actorId, p.membershipId);
    const rule = checkRemoval({ actorRole, targetRole: target.role, adminCount, seatsHeld, isSelf: target.userId === p.actorId });
    if (!rule.ok) refuseRule(rule);
    await endMembership(tx, p, 'membership.removed', target);
  });
}

/** A member leaves the organization (not the last admin, not while holding a seat); `membership.left` is logged. */
export async function leaveOrganization(db: Database, p: { orgId: string; actorId: string; at: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    // Archived organizations take no membership changes (organizationWritable).
    await requireOrganizationWritable(tx, p.orgId);
    const adminCount = await countAdminsForUpdate(tx, p.orgId);
    const me = await getMembership(tx, p.orgId, p.actorId);
    if (!me) refuse('membership.self_not_member');
    const seatsHeld = await countSeatsHeldForUpdate(tx, p.orgId, p.actorId);
    const rule = checkLeave({ actorRole: me.role, targetRole: me.role, adminCount, seatsHeld });
    if (!rule.ok) refuseRule(rule);
    await endMembership(tx, p, 'membership.left', me);
  });
}
