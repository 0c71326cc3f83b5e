/**
 * Organization roles and what they may do with memberships. Pure: no I/O, no clock.
 *
 * Lesson behind `checkRoleChange`: an organization must never end up with nobody able to
 * administer it (and so nobody able to call the vote that fixes it).
 */
import { refused } from './refusal';
import type { RuleResult } from './types';

export const membershipRoles = ['admin', 'secretary', 'member', 'observer'] as const;
export type Role = (typeof membershipRoles)[number];

const rank: Record<Role, number> = { observer: 0, member: 1, secretary: 2, admin: 3 };

/** True when `role` carries at least the powers of `minimum`. */
export function hasRole(role: Role | null | undefined, minimum: Role): boolean {
  return role != null && rank[role] >= rank[minimum];
}

export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  secretary: 'Secretary',
  member: 'Member',
  observer: 'Observer',
};

export const roleLabelsPlural: Record<Role, string> = {
  admin: 'Admins',
  secretary: 'Secretaries',
  member: 'Members',
  observer: 'Observers',
};

export const roleDescriptions: Record<Role, string> = {
  admin: 'Manages members and roles; runs the organization’s settings.',
  secretary: 'Keeps the record: schedules, minutes and notices.',
  member: 'Raises proposals, comments and votes where they hold a seat.',
  observer: 'Reads everything members read; cannot propose or vote.',
};

export type { RuleResult } from './types';

export type RoleChange = {
  actorRole: Role | null;
  targetRole: Role;
  newRole: Role;
  /** Number of admins in the organization before the change. */
  adminCount: number;
  /** Seats the member holds now (any body). */
  seatsHeld?: number;
};

export function checkRoleChange(change: RoleChange): RuleResult {
  if (change.actorRole !== 'admin') {
    return refused('role.change_admin_only');
  }
  if (change.targetRole === change.newRole) {
    return refused('role.unchanged', { article: articleFor(change.newRole), role: roleLabels[change.newRole].toLowerCase() });
  }
  if (change.targetRole === 'admin' && change.newRole !== 'admin' && change.adminCount <= 1) {
    return refused('role.last_admin');
  }
  // Lesson: a body is silenced as surely by seats that cannot vote as by empty ones. An observer
  // never votes, so demoting seat holders would let an admin paralyse a body (and stop it
  // refilling itself) without a single logged vacancy.
  if (change.newRole === 'observer' && (change.seatsHeld ?? 0) > 0) {
    return refused('role.seat_holder_to_observer');
  }
  return { ok: true };
}

export function checkInvite(actorRole: Role | null): RuleResult {
  if (actorRole !== 'admin') {
    return refused('membership.invite_admin_only');
  }
  return { ok: true };
}

/**
 * An admin revokes or resends an invitation. Only a pending one: an accepted membership ends only
 * by removal (checkRemoval), which guards seats and the last admin.
 */
export function checkInvitationChange(actorRole: Role | null, pending: boolean): RuleResult {
  if (actorRole !== 'admin') return refused('invitation.manage_admin_only');
  if (!pending) return refused('invitation.not_pending');
  return { ok: true };
}

function articleFor(role: Role): string {
  return role === 'admin' || role === 'observer' ? 'an' : 'a';
}

export type Departure = {
  /** Role of whoever asks: the admin removing someone, or the member leaving. */
  actorRole: Role | null;
  targetRole: Role;
  /** Number of admins in the organization before the departure. */
  adminCount: number;
  /** Charter seats the departing person holds now. */
  seatsHeld: number;
};

const seatsText = (n: number) => (n === 1 ? 'a seat' : `${n} seats`);

/**
 * An admin removes a member. Lessons: a seat must never be held by someone outside the
 * organization (the charter's seat count would include a non-member), so a seat holder is
 * removed from the seat first, by proposal or resignation; and the last admin cannot go.
 */
export function checkRemoval(d: Departure & { isSelf: boolean }): RuleResult {
  if (d.actorRole !== 'admin') return refused('membership.remove_admin_only');
  if (d.isSelf) return refused('membership.remove_self');
  if (d.targetRole === 'admin' && d.adminCount <= 1) return refused('membership.remove_last_admin');
  if (d.seatsHeld > 0) return refused('membership.remove_seat_holder', { seats: seatsText(d.seatsHeld) });
  return { ok: true };
}

/** A member leaves: the same seat rule, and the last admin stays until another admin exists. */
export function checkLeave(d: Departure): RuleResult {
  if (d.actorRole === null) return refused('membership.self_not_member');
  if (d.actorRole === 'admin' && d.adminCount <= 1) return refused('membership.leave_last_admin');
  if (d.seatsHeld > 0) return refused('membership.leave_seat_holder', { seats: seatsText(d.seatsHeld), them: d.seatsHeld === 1 ? 'it' : 'them' });
  return { ok: true };
}

export function checkProfileEdit(actorRole: Role | null): RuleResult {
  if (actorRole !== 'admin') return refused('organization.profile_admin_only');
  return { ok: true };
}
