/**
 * Stakeholder groups: a short name an admin records on a membership ("residents", "employees"),
 * or none. Every change is logged (`membership.group_changed`). Pure: no I/O, no clock.
 */
import { refused } from './refusal';
import type { Role } from './roles';
import type { RuleResult } from './types';

export const STAKEHOLDER_GROUP_MAX = 40;

/** Letters and digits in words separated by single spaces or hyphens. */
const groupShape = /^[\p{L}\p{N}]+(?:[ -][\p{L}\p{N}]+)*$/u;

/** A group name as typed, made canonical: NFC, trimmed, runs of white space as one space. Empty: no group. */
export function normalizeStakeholderGroup(raw: string): string {
  return raw.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** Whether a (normalized) name may be a stakeholder group: 1 to 40 letters, digits, spaces and hyphens. */
export function checkStakeholderGroupName(name: string): RuleResult {
  if (name.length < 1 || [...name].length > STAKEHOLDER_GROUP_MAX || !groupShape.test(name)) {
    return refused('membership.group_invalid', { max: STAKEHOLDER_GROUP_MAX });
  }
  return { ok: true };
}

/** Like roles, groups are an admin's to set (asked before the member is even looked up). */
export function checkGroupAdmin(actorRole: Role | null): RuleResult {
  return actorRole === 'admin' ? { ok: true } : refused('membership.group_admin_only');
}

/** An admin records (or clears, `to` null) a member's group. */
export function checkGroupChange(p: { actorRole: Role | null; from: string | null; to: string | null }): RuleResult {
  const admin = checkGroupAdmin(p.actorRole);
  if (!admin.ok) return admin;
  if (p.to !== null) {
    const name = checkStakeholderGroupName(p.to);
    if (!name.ok) return name;
  }
  if (p.from === p.to) return p.to === null ? refused('membership.group_unchanged_none') : refused('membership.group_unchanged', { group: p.to });
  return { ok: true };
}
