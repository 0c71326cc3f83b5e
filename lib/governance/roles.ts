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
  /** Seats the member holds now (any body). */
  seatsHeld?: number;
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
  // Lesson: a body is silenced as surely by seats that cannot vote as by empty ones. An observer
  // never votes, so demoting seat holders would let an admin paralyse a body (and stop it
  // refilling itself) without a single logged vacancy.
  if (change.newRole === 'observer' && (change.seatsHeld ?? 0) > 0) {
    return {
      ok: false,
      reason: 'This member holds a seat, and observers cannot vote. The seat must be vacated first (by their resignation or a removal proposal).',
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

export type Departure = {
  /** Role of whoever asks: the admin removing someone, or the member leaving. */
  actorRole: Role | null;
  targetRole: Role;
  /** Number of admins in the organization before the departure. */
  adminCount: number;
  /** Charter seats the departing person holds now. */
  seatsHeld: number;
};

const seatMessage = (who: 'they' | 'you', n: number) =>
  who === 'they'
    ? `This member holds ${n === 1 ? 'a seat' : `${n} seats`}. A seat holder stays a member until the seat is theirs no more: propose their removal from the seat, or ask them to resign it first.`
    : `You hold ${n === 1 ? 'a seat' : `${n} seats`}. Resign ${n === 1 ? 'it' : 'them'} on the Seats page first, so the vacancy is on the record, then leave.`;

/**
 * An admin removes a member. Lessons: a seat must never be held by someone outside the
 * organization (the charter's seat count would include a non-member), so a seat holder is
 * removed from the seat first, by proposal or resignation; and the last admin cannot go.
 */
export function checkRemoval(d: Departure & { isSelf: boolean }): RuleResult {
  if (d.actorRole !== 'admin') return { ok: false, reason: 'Only an admin of this organization can remove members.' };
  if (d.isSelf) return { ok: false, reason: 'To leave the organization yourself, use “Leave this organization”.' };
  if (d.targetRole === 'admin' && d.adminCount <= 1) return { ok: false, reason: 'This is the only admin. Make someone else an admin first.' };
  if (d.seatsHeld > 0) return { ok: false, reason: seatMessage('they', d.seatsHeld) };
  return { ok: true };
}

/** A member leaves: the same seat rule, and the last admin stays until another admin exists. */
export function checkLeave(d: Departure): RuleResult {
  if (d.actorRole === null) return { ok: false, reason: 'You are not a member of this organization.' };
  if (d.actorRole === 'admin' && d.adminCount <= 1)
    return { ok: false, reason: 'You are the only admin. Make someone else an admin first, so the organization is never left without one.' };
  if (d.seatsHeld > 0) return { ok: false, reason: seatMessage('you', d.seatsHeld) };
  return { ok: true };
}

export function checkProfileEdit(actorRole: Role | null): RuleResult {
  if (actorRole !== 'admin') return { ok: false, reason: 'Only an admin of this organization can change its profile.' };
  return { ok: true };
}
