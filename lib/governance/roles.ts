/**
 * Organization roles and what they may do with memberships. Pure: no I/O, no clock.
 *
 * Lesson behind `checkRoleChange`: an organization must never end up with nobody able to
 * administer it (and so nobody able to call the vote that fixes it).
 */
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

export type RuleResult = { ok: true } | { ok: false; reason: string };

export type RoleChange = {
  actorRole: Role | null;
  targetRole: Role;
  newRole: Role;
  /** Number of admins in the organization before the change. */
  adminCount: number;
};

export function checkRoleChange(change: RoleChange): RuleResult {
  if (change.actorRole !== 'admin') {
    return { ok: false, reason: 'Only an admin of this organization can change roles.' };
  }
  if (change.targetRole === change.newRole) {
    return { ok: false, reason: `This member is already ${articleFor(change.newRole)} ${roleLabels[change.newRole].toLowerCase()}.` };
  }
  if (change.targetRole === 'admin' && change.newRole !== 'admin' && change.adminCount <= 1) {
    return {
      ok: false,
      reason: 'This is the only admin. Make someone else an admin first, so the organization is never left without one.',
    };
  }
  return { ok: true };
}

export function checkInvite(actorRole: Role | null): RuleResult {
  if (actorRole !== 'admin') {
    return { ok: false, reason: 'Only an admin of this organization can invite members.' };
  }
  return { ok: true };
}

function articleFor(role: Role): string {
  return role === 'admin' || role === 'observer' ? 'an' : 'a';
}
