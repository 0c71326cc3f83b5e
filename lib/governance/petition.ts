/**
 * Stakeholder petitions (charter `petitions`): members — all of them, or one stakeholder group —
 * petition a governing body. Signatures are one per member and revocable; the count is public.
 * At the charter's threshold the body must answer publicly within the charter's period, and a
 * missed deadline is flagged publicly. Pure: no I/O, the time `now` is a parameter.
 *
 * The lesson: most of a company's employees signed a letter to its board, and the board had no
 * process to hear it. Here the letter has a threshold, a deadline and a public record.
 */
import { sameGroup } from './electorate';
import { refused } from './refusal';
import { codeParam } from './refusal-facts';
import { hasRole } from './roles';
import type { Role } from './roles';
import type { BodySpec, PetitionSpec, Ratio, RuleResult } from './types';

const DAY_MS = 86_400_000;

/** Who a petition speaks for: every member, or the members of one stakeholder group (its name as memberships record it). */
export type Constituency = { kind: 'all_members' } | { kind: 'stakeholder_group'; group: string };

/** A petition as the rules read it (the database row's facts). */
export type PetitionRecord = {
  constituency: Constituency;
  openedAt: Date;
  /** Signatures needed, fixed when the petition opened (requiredSignatures of the eligible members then). */
  requiredSignatures: number;
  /** Live signatures now. */
  signatureCount: number;
  signingDays: number;
  answerWithinDays: number;
  thresholdReachedAt: Date | null;
  answeredAt: Date | null;
};

export type PetitionPhase =
  | { kind: 'open'; closesAt: Date }
  /** The signing period ended short of the threshold: no answer is owed. */
  | { kind: 'closed'; at: Date }
  | { kind: 'awaiting_answer'; dueAt: Date }
  | { kind: 'overdue'; dueAt: Date }
  | { kind: 'answered'; at: Date; late: boolean };

/** The membership facts that decide whether a person may sign (null role: not a member). */
export type Signer = { role: Role | null; stakeholderGroup: string | null };

/** The share of the constituency that must sign, from the charter. */
export function petitionThreshold(spec: PetitionSpec, constituency: Constituency): Ratio {
  return constituency.kind === 'all_members' ? spec.thresholdOfMembers : spec.thresholdOfGroup;
}

/**
 * Signatures needed from `eligible` members: at least (or more than) num/den of them, exactly,
 * in integers; never fewer than one, so a petition is never answered without a signature.
 */
export function requiredSignatures(threshold: Ratio, eligible: number): number {
  const product = threshold.num * Math.max(0, eligible);
  const needed = threshold.inclusive ? Math.ceil(product / threshold.den) : Math.floor(product / threshold.den) + 1;
  return Math.max(1, needed);
}

export function thresholdReached(signatureCount: number, required: number): boolean {
  return signatureCount >= required;
}

/** When signing ends for a petition that has not reached its threshold. */
export function signingClosesAt(p: Pick<PetitionRecord, 'openedAt' | 'signingDays'>): Date {
  return new Date(p.openedAt.getTime() + p.signingDays * DAY_MS);
}

/** The answer is due this long after the threshold was reached. */
export function answerDueAt(thresholdReachedAt: Date, answerWithinDays: number): Date {
  return new Date(thresholdReachedAt.getTime() + answerWithinDays * DAY_MS);
}

export function petitionPhase(p: PetitionRecord, now: Date): PetitionPhase {
  if (p.thresholdReachedAt) {
    const dueAt = answerDueAt(p.thresholdReachedAt, p.answerWithinDays);
    if (p.answeredAt) return { kind: 'answered', at: p.answeredAt, late: p.answeredAt.getTime() > dueAt.getTime() };
    return now.getTime() > dueAt.getTime() ? { kind: 'overdue', dueAt } : { kind: 'awaiting_answer', dueAt };
  }
  const closesAt = signingClosesAt(p);
  return now.getTime() >= closesAt.getTime() ? { kind: 'closed', at: closesAt } : { kind: 'open', closesAt };
}

/** True once the answer is past due and still missing. */
export function isAnswerOverdue(p: PetitionRecord, now: Date): boolean {
  return petitionPhase(p, now).kind === 'overdue';
}

/** Words for a phase, for messages and badges. */
export function petitionPhaseWords(phase: PetitionPhase): string {
  switch (phase.kind) {
    case 'open':
      return 'open for signatures';
    case 'closed':
      return 'closed without reaching its threshold';
    case 'awaiting_answer':
      return 'awaiting the answer';
    case 'overdue':
      return 'overdue for an answer';
    case 'answered':
      return 'answered';
  }
}

/** Whether a person belongs to a petition's constituency: an accepted member, not an observer, of the group if it has one. */
export function checkMaySign(signer: Signer, constituency: Constituency): RuleResult {
  if (signer.role === null) return refused('petition.signer_not_member');
  if (!hasRole(signer.role, 'member')) return refused('petition.signer_observer');
  if (constituency.kind === 'stakeholder_group' && (signer.stakeholderGroup === null || !sameGroup(signer.stakeholderGroup, constituency.group))) {
    return refused('petition.wrong_group', { group: constituency.group });
  }
  return { ok: true };
}

/** Signing: while signatures are taken (open, or awaiting its answer), by a member of the constituency, once. */
export function checkSign(p: PetitionRecord, signer: Signer, alreadySigned: boolean, now: Date): RuleResult {
  const may = checkMaySign(signer, p.constituency);
  if (!may.ok) return may;
  const phase = petitionPhase(p, now);
  if (!takesSignatures(phase)) return refused('petition.closed', codeParam('state', 'petition', petitionPhaseWords(phase), phase.kind));
  if (alreadySigned) return refused('petition.already_signed');
  return { ok: true };
}

/** Revoking: one's own live signature, while signatures are taken. */
export function checkRevoke(p: PetitionRecord, hasSignature: boolean, now: Date): RuleResult {
  const phase = petitionPhase(p, now);
  if (!takesSignatures(phase)) return refused('petition.closed', codeParam('state', 'petition', petitionPhaseWords(phase), phase.kind));
  if (!hasSignature) return refused('petition.not_signed');
  return { ok: true };
}

/**
 * Signatures are taken until the petition is answered, or until its signing period ends short of
 * the threshold. Past the threshold they still count: support shown while the body considers it.
 */
export function takesSignatures(phase: PetitionPhase): boolean {
  return phase.kind === 'open' || phase.kind === 'awaiting_answer' || phase.kind === 'overdue';
}

/** The answering body's answer is recorded by a secretary or admin (as voting is opened), once the threshold is reached. */
export function checkAnswer(p: PetitionRecord, actorRole: Role | null, bodyName: string, now: Date): RuleResult {
  if (actorRole === null || !hasRole(actorRole, 'secretary')) return refused('petition.answer_not_allowed', { body: bodyName });
  const phase = petitionPhase(p, now);
  if (phase.kind !== 'awaiting_answer' && phase.kind !== 'overdue')
    return refused('petition.not_awaiting_answer', codeParam('state', 'petition', petitionPhaseWords(phase), phase.kind));
  return { ok: true };
}

/** The charter's petition rules, in plain English; [] when they are sound. `ratioProblem` is the charter's own ratio check. */
export function petitionSpecErrors(spec: PetitionSpec, bodies: readonly BodySpec[], ratioProblem: (r: Ratio) => string | null): string[] {
  const errors: string[] = [];
  if (typeof spec !== 'object' || spec === null) return ['Petitions: the setting must be an object with the petition rules.'];
  // A charter arrives as JSON in an amendment: a missing ratio is an error, not a crash.
  const ratio = (r: unknown) =>
    typeof r === 'object' && r !== null ? ratioProblem(r as Ratio) : 'must be a fraction such as {"num":1,"den":10,"inclusive":true}.';
  const members = ratio(spec.thresholdOfMembers);
  if (members) errors.push(`Petitions: the threshold of members ${members}`);
  const group = ratio(spec.thresholdOfGroup);
  if (group) errors.push(`Petitions: the threshold of a group ${group}`);
  for (const [what, days] of [
    ['signing period', spec.signingDays],
    ['answer period', spec.answerWithinDays],
  ] as const) {
    if (!Number.isInteger(days) || days < 1 || days > 365) errors.push(`Petitions: the ${what} must be a whole number of days from 1 to 365 (it is ${days}).`);
  }
  if (typeof spec.signerNamesPublic !== 'boolean') errors.push('Petitions: say whether signers’ names are public (true or false).');
  const body = bodies.find((b) => b.key === spec.answeringBodyKey);
  if (!body) errors.push(`Petitions are answered by body "${spec.answeringBodyKey}", which the charter does not define.`);
  else if (body.electorate) errors.push(`Petitions must be answered by a governing body with seats, not by the member-wide ${body.name}.`);
  return errors;
}

/** Words for the constituency: "all members", "the employees group". */
export function constituencyWords(c: Constituency): string {
  return c.kind === 'all_members' ? 'all members' : `the ${c.group} group`;
}
