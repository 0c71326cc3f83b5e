/**
 * Charter validation and lookup (docs/design.md §3). A charter is the organization's constitution as
 * data; these checks refuse any charter that would let a few people decide for everyone.
 *
 * Lessons behind the rules:
 * - A board shrank from 9 to 6 seats and two or three people decided: seats, quorum and
 *   critical-decision minimums are fixed numbers in the charter, never derived from headcount.
 * - A CEO was removed in a closed-door meeting: removal needs a named subject with a right of
 *   reply, a supermajority of charter seats, and no emergency shortcut.
 */
import type { BodySpec, Charter, ProposalTypeSpec, Ratio, StageSpec } from './types';
import { choiceTypeErrors } from './choice';
import { consentTypeErrors } from './consent';
import { electionTypeErrors } from './election';
import { delegationErrors, memberBodyErrors, memberStageErrors } from './electorate';
import { meetingSpecErrors } from './meeting';
import { rollCallSpecErrors } from './roll-call';
import { minutesSpecErrors } from './minutes';
import { petitionSpecErrors } from './petition';
import { vacancyFillingErrors } from './vacancy';
import { writtenConsentSpecErrors } from './written-consent';

export { charterFromTemplate, charterTemplates } from './templates';
export type { CharterTemplate, CharterTemplateKey } from './templates';
// Lives in effects.ts (what a passed proposal does); re-exported here because callers look for it beside validateCharter.
export { findBody, findType } from './lookup';

export type CharterValidation = { ok: true } | { ok: false; errors: string[] };

/** Checks every structural rule of a charter and returns all problems at once, in plain English. */
export function validateCharter(c: Charter): CharterValidation {
  const errors: string[] = [];

  if (!Number.isInteger(c.version) || c.version < 1) {
    errors.push(`The charter version must be a whole number of at least 1 (it is ${c.version}).`);
  }

  // Bodies -----------------------------------------------------------------------------------
  if (c.bodies.length === 0) errors.push('The charter must define at least one deciding body.');
  for (const key of duplicates(c.bodies.map((b) => b.key))) {
    errors.push(`Two or more bodies use the key "${key}"; each body needs its own key.`);
  }
  for (const body of c.bodies) errors.push(...bodyErrors(body));

  // Proposal types -----------------------------------------------------------------------------
  for (const key of duplicates(c.proposalTypes.map((t) => t.key))) {
    errors.push(`Two or more proposal types use the key "${key}"; each type needs its own key.`);
  }
  const bodyKeys = new Set(c.bodies.map((b) => b.key));
  for (const type of c.proposalTypes) errors.push(...typeErrors(type, bodyKeys), ...delegationErrors(type, c.bodies), ...memberStageErrors(type, c.bodies));

  // A body that nobody may refill would shrink for ever: say who fills each body's vacancies.
  errors.push(...vacancyFillingErrors(c));

  // Stakeholder petitions: a reachable threshold, real periods, a body of seats to answer.
  if (c.petitions !== undefined) errors.push(...petitionSpecErrors(c.petitions, c.bodies, ratioError));
  // Meetings: real notice periods, the special one no longer than the regular one, a reachable quorum.
  if (c.meetings !== undefined) errors.push(...meetingSpecErrors(c.meetings, ratioError), ...rollCallSpecErrors(c.meetings));
  // Unanimous written consent: a real signing period.
  if (c.writtenConsent !== undefined) errors.push(...writtenConsentSpecErrors(c.writtenConsent));
  // Minutes: a real disclosure period for closed sessions.
  if (c.minutes !== undefined) errors.push(...minutesSpecErrors(c.minutes));

  // docs/design.md §3.10: the charter changes only by proposal, so there must be a way to propose it.
  if (!c.proposalTypes.some((t) => t.effect === 'charter_amendment')) {
    errors.push('The charter must define a proposal type with the charter_amendment effect: a charter changes only by proposal.');
  }

  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

function bodyErrors(body: BodySpec): string[] {
  const errors: string[] = [];
  // People read these (on the creation page, under an amendment): name the body as they know it.
  const label = body.name.trim() === '' ? `Body "${body.key}"` : `The ${body.name.trim()}`;
  if (body.key.trim() === '') errors.push('Every body needs a non-empty key.');
  if (body.name.trim() === '') errors.push(`${label} needs a name.`);
  if (body.electorate !== undefined) return [...errors, ...memberBodyErrors(body, label)];
  if (!isWhole(body.charterSeats) || body.charterSeats < 1) {
    errors.push(`${label}: charter seats must be a whole number of at least 1 (it is ${body.charterSeats}).`);
  }
  // Critical decisions need a floor of filled seats; a floor above the seat count could never be met.
  if (!isWhole(body.minSeatsForCriticalDecisions) || body.minSeatsForCriticalDecisions < 1) {
    errors.push(`${label}: the seats needed for critical decisions must be a whole number of at least 1 (it is ${body.minSeatsForCriticalDecisions}).`);
  } else if (body.minSeatsForCriticalDecisions > body.charterSeats) {
    errors.push(
      `${label} has only ${body.charterSeats} seats, so critical decisions cannot need ${body.minSeatsForCriticalDecisions} filled seats: give it more seats or lower that number.`,
    );
  }
  if (!isWhole(body.vacancyDeadlineDays) || body.vacancyDeadlineDays < 1) {
    errors.push(`${label}: the vacancy deadline must be a whole number of days, at least 1 (it is ${body.vacancyDeadlineDays}).`);
  }
  let classTotal = 0;
  for (const [seatClass, minimum] of Object.entries(body.seatClassMinimums)) {
    if (!isWhole(minimum) || minimum < 0) {
      errors.push(`${label}: the minimum for seat class "${seatClass}" must be a whole number, zero or more (it is ${minimum}).`);
    } else {
      classTotal += minimum;
    }
  }
  if (classTotal > body.charterSeats) {
    errors.push(
      `${label} needs at least ${classTotal} seats: its seat classes require ${seatClassMinimumsText(body.seatClassMinimums)}, but it has only ${body.charterSeats}. ` +
        `Give it ${classTotal} or more seats, or lower a seat-class minimum.`,
    );
  }
  return errors;
}

function typeErrors(type: ProposalTypeSpec, bodyKeys: Set<string>): string[] {
  const errors: string[] = [];
  const label = `Proposal type "${type.key}"`;
  if (type.key.trim() === '') errors.push('Every proposal type needs a non-empty key.');
  if (type.name.trim() === '') errors.push(`${label} needs a name.`);

  // docs/design.md §3.1: windows are real periods of time, in whole hours so every notice can state them exactly.
  positiveHours(errors, label, 'the minimum comment window', type.minCommentWindowHours);
  positiveHours(errors, label, 'the late-revision window', type.lateRevisionWindowHours);
  positiveHours(errors, label, 'the late-revision extension', type.lateRevisionExtensionHours);
  if (!isWhole(type.replyWindowHours) || type.replyWindowHours < 0) {
    errors.push(`${label}: the reply window must be a whole number of hours, zero or more (it is ${type.replyWindowHours}).`);
  }
  // docs/design.md §3.8: a person named in a proposal gets a real chance to answer — at least a day.
  if (type.requiresSubject && type.replyWindowHours < 24) {
    errors.push(`${label} names a subject, so the subject's reply window must be at least 24 hours (it is ${type.replyWindowHours}).`);
  }

  if (type.stages.length === 0) errors.push(`${label} needs at least one deciding stage.`);
  type.stages.forEach((stage, i) => errors.push(...stageErrors(stage, `${label}, stage ${i + 1}`, bodyKeys)));

  const first = type.stages[0];
  if (type.effect === 'charter_amendment') {
    // docs/design.md §3.10: a supermajority of the whole body, not of whoever turned up.
    if (!type.critical) errors.push(`${label} amends the charter, so it must be critical.`);
    if (first && !(first.thresholdBase === 'charter_seats' && atLeastTwoThirds(first.threshold))) {
      errors.push(`${label} amends the charter, so its first stage must need at least 2/3 of charter seats voting yes.`);
    }
    // A charter change cannot be undone by a lapse; it always takes the full comment window.
    if (type.emergency) errors.push(`${label} amends the charter, so it cannot have an emergency procedure.`);
  }
  if (type.effect === 'seat_removal') {
    // Lesson: a CEO removed behind closed doors. Named subject, right of reply, supermajority of the charter.
    if (!type.requiresSubject) errors.push(`${label} removes someone from a seat, so it must name that person as its subject.`);
    if (!type.critical) errors.push(`${label} removes someone from a seat, so it must be critical.`);
    type.stages.forEach((stage, i) => {
      if (!(stage.thresholdBase === 'charter_seats' && atLeastTwoThirds(stage.threshold))) {
        errors.push(`${label} removes someone from a seat, so stage ${i + 1} must need at least 2/3 of charter seats voting yes.`);
      }
    });
    // A removal cannot be undone by a lapse either.
    if (type.emergency) errors.push(`${label} removes someone from a seat, so it cannot have an emergency procedure.`);
  }
  if (type.effect === 'membership_weight' && !type.requiresSubject) {
    // A member's weight changes only by a decision naming them, who is heard before the vote.
    errors.push(`${label} changes a member's weight, so it must name that member as its subject.`);
  }
  if (type.effect === 'seat_appointment' && type.critical) {
    // docs/design.md §3.4: a body below strength cannot take critical decisions but must always be able to refill itself.
    errors.push(`${label} fills vacant seats, so it must not be critical: a body below strength must always be able to fill its vacancies.`);
  }

  errors.push(...choiceTypeErrors(type));
  errors.push(...consentTypeErrors(type));
  errors.push(...electionTypeErrors(type));

  if (type.emergency) {
    const e = type.emergency;
    const ratioProblem = ratioError(e.motionThreshold);
    if (ratioProblem) errors.push(`${label}: the emergency motion threshold ${ratioProblem}`);
    else if (!atLeastTwoThirds(e.motionThreshold)) {
      errors.push(`${label}: an emergency motion must need at least 2/3 of charter seats (it needs ${ratioText(e.motionThreshold)}).`);
    }
    if (!isWhole(e.minCommentWindowHours) || e.minCommentWindowHours < 1) {
      errors.push(`${label}: the emergency comment window must be a whole number of hours, at least 1 (it is ${e.minCommentWindowHours}).`);
    } else if (e.minCommentWindowHours >= type.minCommentWindowHours) {
      errors.push(
        `${label}: the emergency comment window (${e.minCommentWindowHours} hours) must be shorter than the normal one (${type.minCommentWindowHours} hours).`,
      );
    }
    if (!isWhole(e.ratifyWithinDays) || e.ratifyWithinDays < 1) {
      errors.push(`${label}: an emergency decision must be ratified within a whole number of days, at least 1 (it is ${e.ratifyWithinDays}).`);
    }
  }
  return errors;
}

function stageErrors(stage: StageSpec, label: string, bodyKeys: Set<string>): string[] {
  const errors: string[] = [];
  if (!bodyKeys.has(stage.bodyKey)) errors.push(`${label} is decided by body "${stage.bodyKey}", which the charter does not define.`);
  positiveHours(errors, label, 'the voting window', stage.votingWindowHours);
  const quorum = ratioError(stage.quorum);
  if (quorum) errors.push(`${label}: the quorum ${quorum}`);
  const threshold = ratioError(stage.threshold);
  if (threshold) errors.push(`${label}: the threshold ${threshold}`);
  if (stage.thresholdBase !== 'votes_cast' && stage.thresholdBase !== 'charter_seats') {
    errors.push(`${label}: the threshold base must be votes_cast or charter_seats.`);
  }
  return errors;
}

/** Why a ratio is unusable (a sentence fragment to follow "the quorum …"), or null when it is fine. */
function ratioError(r: Ratio): string | null {
  if (!isWhole(r.num) || !isWhole(r.den)) return `must be a fraction of whole numbers (it is ${r.num}/${r.den}).`;
  if (r.den <= 0) return `must have a denominator above zero (it is ${r.num}/${r.den}).`;
  if (r.num <= 0) return `must be more than zero (it is ${r.num}/${r.den}).`;
  if (r.num > r.den) return `cannot be more than the whole (it is ${r.num}/${r.den}).`;
  if (!r.inclusive && r.num === r.den) return 'cannot be "more than all" — that can never be met.';
  return null;
}

/** True when the ratio is at least as demanding as "2/3 or more". */
export function atLeastTwoThirds(r: Ratio): boolean {
  return r.den > 0 && r.num * 3 >= r.den * 2;
}

/** '2/3 or more', 'more than 1/2'. */
export function ratioText(r: Ratio): string {
  return r.inclusive ? `${r.num}/${r.den} or more` : `more than ${r.num}/${r.den}`;
}

function positiveHours(errors: string[], label: string, what: string, hours: number): void {
  if (!isWhole(hours) || hours < 1) errors.push(`${label}: ${what} must be a whole number of hours, at least 1 (it is ${hours}).`);
}

/** 'employee_representative' → 'employee representative'. */
export function seatClassWords(seatClass: string): string {
  return seatClass.replace(/[_-]+/g, ' ').trim();
}

/** { independent: 3, employee_representative: 1 } → '3 independent seats and 1 employee representative seat' (zero minimums left out). */
export function seatClassMinimumsText(minimums: Record<string, number>): string {
  const items = Object.entries(minimums)
    .filter(([, n]) => Number.isInteger(n) && n > 0)
    .map(([seatClass, n]) => `${n} ${seatClassWords(seatClass)} ${n === 1 ? 'seat' : 'seats'}`);
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function isWhole(n: number): boolean {
  return Number.isInteger(n);
}

function duplicates(keys: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const k of keys) (seen.has(k) ? dup : seen).add(k);
  return [...dup];
}
