/**
 * Member-wide bodies: who is on the roll of a vote, and the roll's canonical text, whose SHA-256
 * is logged when voting opens so anyone can check a published roll against it.
 */
import type { BodySpec, Electorate, RollEntry } from './types';

export function isMemberBody(body: BodySpec): body is BodySpec & { electorate: Electorate } {
  return body.electorate !== undefined;
}

/** A membership as the roll reads it. Pending invitations and observers are not on any roll. */
export type RollCandidate = { userId: string; role: string; accepted: boolean; stakeholderGroup: string | null; weight: number };

export function onRoll(electorate: Electorate, m: RollCandidate): boolean {
  if (!m.accepted || m.role === 'observer') return false;
  if (electorate.kind === 'all_members') return true;
  return m.stakeholderGroup !== null && sameGroup(m.stakeholderGroup, electorate.group ?? '');
}

export const sameGroup = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The weight a member votes with: their membership weight where the electorate is weighted, otherwise 1. */
export const rollWeight = (electorate: Electorate, membershipWeight: number) => (electorate.weighted ? membershipWeight : 1);

/** Scheme name logged with the roll's hash. */
export const ROLL_HASH_SCHEME = 'quorate-roll-v1';

/**
 * The roll as canonical text: one line per member, sorted by user id, `userId weight delegate`
 * (delegate `-` when none), each line ending in a newline. SHA-256 of this text (UTF-8) is the
 * logged hash; the database computes the same text when it snapshots the roll (db/queries/rolls.ts).
 */
export function rollText(entries: readonly RollEntry[]): string {
  return [...entries]
    .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))
    .map((e) => `${e.userId} ${e.weight} ${e.delegateUserId ?? '-'}\n`)
    .join('');
}

/** Words for the electorate: "all members", "the employees group". */
export function electorateWords(electorate: Electorate): string {
  const who = electorate.kind === 'all_members' ? 'all members' : `members of the ${electorate.group} group`;
  return electorate.weighted ? `${who}, each with their membership weight` : `${who}, one vote each`;
}

/** A member-wide body's settings, checked in words (charter.ts calls this instead of the seat checks). */
export function memberBodyErrors(body: BodySpec, label: string): string[] {
  const errors: string[] = [];
  const e = body.electorate!;
  if (e.kind !== 'all_members' && e.kind !== 'stakeholder_group') errors.push(`${label}: its voters must be all members or one stakeholder group.`);
  if (e.kind === 'stakeholder_group' && (typeof e.group !== 'string' || e.group.trim() === '' || e.group.length > 40)) {
    errors.push(`${label} is voted by one stakeholder group, so it must name the group (1 to 40 characters).`);
  }
  if (typeof e.weighted !== 'boolean') errors.push(`${label}: whether members vote with their membership weight must be true or false.`);
  if (body.charterSeats !== 0 || body.minSeatsForCriticalDecisions !== 0) {
    errors.push(`${label} is voted by members, not seats: its charter seats and the seats needed for critical decisions must be 0.`);
  }
  if (Object.values(body.seatClassMinimums).some((m) => m !== 0)) errors.push(`${label} is voted by members, so it has no seat classes.`);
  if (body.vacancyFilling) errors.push(`${label} is voted by members, so it has no vacancies to fill.`);
  return errors;
}

/** A proposal type's delegation settings, and that it only fills seats of seat bodies. */
export function delegationErrors(
  type: { key: string; delegation?: { allowed: boolean; maxDepth: number | null }; stages: { bodyKey: string }[] },
  bodies: readonly BodySpec[],
): string[] {
  const d = type.delegation;
  if (!d) return [];
  const label = `Proposal type "${type.key}"`;
  const errors: string[] = [];
  if (typeof d.allowed !== 'boolean') errors.push(`${label}: whether members may delegate their vote must be true or false.`);
  if (d.maxDepth !== null && (!Number.isInteger(d.maxDepth) || d.maxDepth < 1 || d.maxDepth > 100)) {
    errors.push(`${label}: the longest chain of delegations must be a whole number from 1 to 100, or no limit.`);
  }
  if (d.allowed && !type.stages.some((s) => bodies.find((b) => b.key === s.bodyKey)?.electorate)) {
    errors.push(`${label} allows delegation, but none of its deciding bodies is voted by members.`);
  }
  return errors;
}

/** What a member-wide body cannot decide: by consent (objections are raised by seats), or by an emergency motion (a share of charter seats). */
export function memberStageErrors(
  type: { key: string; consent?: true; emergency: unknown; stages: { bodyKey: string; thresholdBase: string }[] },
  bodies: readonly BodySpec[],
): string[] {
  const label = `Proposal type "${type.key}"`;
  const memberStages = type.stages.filter((s) => bodies.find((b) => b.key === s.bodyKey)?.electorate);
  if (memberStages.length === 0) return [];
  const errors: string[] = [];
  if (type.consent) errors.push(`${label} is decided by consent, which needs seat holders: a body voted by members cannot decide it.`);
  if (type.emergency && bodies.find((b) => b.key === type.stages[0]?.bodyKey)?.electorate) {
    errors.push(`${label} has an emergency procedure, which needs a share of charter seats: its first stage cannot be a body voted by members.`);
  }
  return errors;
}
