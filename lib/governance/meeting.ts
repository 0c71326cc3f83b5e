/**
 * Meetings of a body of seats: who schedules them, the notice the charter requires, what makes a
 * meeting irregular, and its quorum. Pure: no I/O; time is a parameter.
 *
 * Lesson behind the notice rules (issue 15): a decision taken by a few members of a board in a
 * meeting the others did not know about is the closed-door decision Quorate exists to prevent.
 * So a meeting gets the charter's full notice, or — for a special meeting — the charter's
 * special-meeting notice; nothing else can shorten it. A meeting whose notice turned out short
 * (its time moved closer after scheduling) or did not reach every seat holder is still held,
 * but marked irregular on the public record, with the reason.
 */
import { refused } from './refusal';
import { hoursParam } from './refusal-facts';
import { hasRole } from './roles';
import { part } from './rule-parts';
import type { RulePart } from './rule-parts';
import type { Role } from './roles';
import { meetsRatio } from './tally';
import { formatHours } from './time';
import type { Charter, MeetingSpec, Ratio, RuleResult } from './types';

export const meetingKinds = ['regular', 'special'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

const HOUR_MS = 3_600_000;
/** A meeting lasts at most a day: a longer one is several meetings, each with its own notice. */
export const maxMeetingMinutes = 24 * 60;

/** Charters stored before meetings existed: a week (regular), 48 hours (special), a majority of charter seats. */
export const defaultMeetingSpec: MeetingSpec = { regularNoticeHours: 7 * 24, specialNoticeHours: 48, quorum: { num: 1, den: 2, inclusive: false } };

export function meetingSpecOf(charter: Pick<Charter, 'meetings'>): MeetingSpec {
  return charter.meetings ?? defaultMeetingSpec;
}

export function requiredNoticeHours(spec: MeetingSpec, kind: MeetingKind): number {
  return kind === 'special' ? spec.specialNoticeHours : spec.regularNoticeHours;
}

/** Whole hours of notice from `at` to `startsAt` (rounded down: 47h59m is 47 hours, short of 48). */
export function noticeHoursGiven(at: Date, startsAt: Date): number {
  return Math.floor((startsAt.getTime() - at.getTime()) / HOUR_MS);
}

/**
 * Meetings are called by a secretary or an admin: the secretary keeps the record (roles.ts), and
 * an organization without one still has its admins. A seat holder who is only a member asks them.
 */
export function mayScheduleMeetings(role: Role | null): boolean {
  return role !== null && hasRole(role, 'secretary');
}

export type MeetingTimes = { startsAt: Date; endsAt: Date };

function timesProblem(t: MeetingTimes, at: Date): RuleResult {
  if (t.endsAt.getTime() <= t.startsAt.getTime()) return refused('meeting.end_before_start');
  if (t.endsAt.getTime() - t.startsAt.getTime() > maxMeetingMinutes * 60_000) return refused('meeting.too_long');
  if (t.startsAt.getTime() <= at.getTime()) return refused('meeting.in_past');
  return { ok: true };
}

/**
 * Scheduling: by a secretary or admin, in the future, with at least the charter's notice for the
 * kind. A regular meeting inside its notice period is refused even if a special meeting's notice
 * is met: only calling it as a special meeting uses the shorter period.
 */
export function checkSchedule(p: MeetingTimes & { role: Role | null; kind: MeetingKind; at: Date; spec: MeetingSpec }): RuleResult {
  if (!mayScheduleMeetings(p.role)) return refused('meeting.not_authorized');
  const times = timesProblem(p, p.at);
  if (!times.ok) return times;
  const required = requiredNoticeHours(p.spec, p.kind);
  const given = noticeHoursGiven(p.at, p.startsAt);
  if (given < required) {
    return refused(p.kind === 'special' ? 'meeting.short_notice_special' : 'meeting.short_notice_regular', {
      ...hoursParam('required', required),
      ...hoursParam('given', Math.max(given, 0)),
      ...hoursParam('special', p.spec.specialNoticeHours),
    });
  }
  return { ok: true };
}

export type MeetingState = { startsAt: Date; cancelledAt: Date | null };

/** Changing or cancelling: by a secretary or admin, before the meeting starts, not once cancelled. */
export function checkChange(m: MeetingState, role: Role | null, at: Date): RuleResult {
  if (!mayScheduleMeetings(role)) return refused('meeting.not_authorized');
  if (m.cancelledAt !== null) return refused('meeting.cancelled');
  if (m.startsAt.getTime() <= at.getTime()) return refused('meeting.started');
  return { ok: true };
}

/**
 * An update. A new time is allowed inside the notice period (the meeting may have to move), but
 * the notice it gives is measured from the update, and a shorter one than the kind requires marks
 * the meeting irregular: `shortestNoticeHours` keeps the least notice any of its times had.
 */
export function checkUpdate(m: MeetingState, next: MeetingTimes, role: Role | null, at: Date): RuleResult {
  const change = checkChange(m, role, at);
  if (!change.ok) return change;
  return timesProblem(next, at);
}

/** The least notice the meeting has had: the scheduled notice, lowered by a time change made closer to the start. */
export function shortestNotice(current: number, m: MeetingTimes, next: MeetingTimes, at: Date): number {
  const timeChanged = next.startsAt.getTime() !== m.startsAt.getTime() || next.endsAt.getTime() !== m.endsAt.getTime();
  return timeChanged ? Math.min(current, noticeHoursGiven(at, next.startsAt)) : current;
}

/**
 * How far the notice reached: the seat holders when it was given, those it was addressed to, and
 * the fate of those mails (accepted by the mail server, or given up on after retries).
 */
export type NoticeCoverage = { seatHolders: number; noticed: number; delivered: number; failed: number };

export type IrregularReason =
  | { kind: 'short_notice'; givenHours: number; requiredHours: number }
  | { kind: 'not_noticed'; missing: number; seatHolders: number }
  | { kind: 'notice_failed'; failed: number; seatHolders: number };

export type Irregularity = { irregular: boolean; reasons: IrregularReason[] };

/**
 * A meeting is irregular when its notice was short by any path (shortestNoticeHours below the
 * kind's requirement) or did not reach every seat holder (one was not addressed, or a notice to
 * one failed). Notices still being delivered are not yet a failure.
 */
export function meetingIrregularity(m: { shortestNoticeHours: number; requiredNoticeHours: number; coverage: NoticeCoverage }): Irregularity {
  const reasons: IrregularReason[] = [];
  if (m.shortestNoticeHours < m.requiredNoticeHours) {
    reasons.push({ kind: 'short_notice', givenHours: Math.max(m.shortestNoticeHours, 0), requiredHours: m.requiredNoticeHours });
  }
  const c = m.coverage;
  if (c.noticed < c.seatHolders) reasons.push({ kind: 'not_noticed', missing: c.seatHolders - c.noticed, seatHolders: c.seatHolders });
  if (c.failed > 0) reasons.push({ kind: 'notice_failed', failed: c.failed, seatHolders: c.seatHolders });
  return { irregular: reasons.length > 0, reasons };
}

export function irregularReasonText(r: IrregularReason): string {
  switch (r.kind) {
    case 'short_notice':
      return `Short notice: ${formatHours(r.givenHours)} given, the charter requires ${formatHours(r.requiredHours)}.`;
    case 'not_noticed':
      return `${r.missing} of ${r.seatHolders} seat holders ${r.missing === 1 ? 'was' : 'were'} not sent the notice.`;
    case 'notice_failed':
      return `The notice to ${r.failed} of ${r.seatHolders} seat holders could not be delivered.`;
  }
}

/** Why a meeting is irregular, as a part (the English of each is `irregularReasonText`). */
export function irregularReasonPart(r: IrregularReason): RulePart {
  switch (r.kind) {
    case 'short_notice':
      return part('irregular.short_notice', { given: { hours: r.givenHours }, required: { hours: r.requiredHours } });
    case 'not_noticed':
      return part('irregular.not_noticed', { missing: r.missing, seatHolders: r.seatHolders });
    case 'notice_failed':
      return part('irregular.notice_failed', { failed: r.failed, seatHolders: r.seatHolders });
  }
}

/** "4 of 5 seat holders (80%)": coverage as the log and the page state it. */
export function coverageText(c: Pick<NoticeCoverage, 'seatHolders'> & { reached: number }): string {
  if (c.seatHolders === 0) return 'no seat holders';
  return `${c.reached} of ${c.seatHolders} seat holders (${Math.floor((100 * c.reached) / c.seatHolders)}%)`;
}

/** The coverage as a part (the English is `coverageText`). */
export function coveragePart(c: Pick<NoticeCoverage, 'seatHolders'> & { reached: number }): RulePart {
  const percent = c.seatHolders === 0 ? 0 : Math.floor((100 * c.reached) / c.seatHolders);
  return part('coverage', { reached: c.reached, seatHolders: c.seatHolders, percent });
}

/** Quorum of a meeting: attending seats (present or remote) against the body's CHARTER seats, never the filled ones. */
export function meetingQuorum(attending: number, charterSeats: number, quorum: Ratio): { met: boolean; attending: number; charterSeats: number } {
  return { met: charterSeats > 0 && meetsRatio(attending, charterSeats, quorum), attending, charterSeats };
}

/** The charter's meeting rules, in plain English; [] when they are sound. `ratioProblem` is the charter's own ratio check. */
export function meetingSpecErrors(spec: MeetingSpec, ratioProblem: (r: Ratio) => string | null): string[] {
  if (typeof spec !== 'object' || spec === null) return ['Meetings: the setting must be an object with the meeting rules.'];
  const errors: string[] = [];
  for (const [what, hours] of [
    ['regular', spec.regularNoticeHours],
    ['special', spec.specialNoticeHours],
  ] as const) {
    if (!Number.isInteger(hours) || hours < 1 || hours > 90 * 24)
      errors.push(`Meetings: the ${what} notice must be a whole number of hours from 1 to 2160 (it is ${hours}).`);
  }
  if (Number.isInteger(spec.regularNoticeHours) && Number.isInteger(spec.specialNoticeHours) && spec.specialNoticeHours > spec.regularNoticeHours) {
    errors.push('Meetings: a special meeting’s notice cannot be longer than a regular meeting’s.');
  }
  const quorum =
    typeof spec.quorum === 'object' && spec.quorum !== null ? ratioProblem(spec.quorum) : 'must be a fraction such as {"num":1,"den":2,"inclusive":false}.';
  if (quorum) errors.push(`Meetings: the quorum ${quorum}`);
  return errors;
}

/** "Regular meetings need 7 days of notice, special meetings 48 hours; …" */
export function meetingRulesText(spec: MeetingSpec, ratioWords: (r: Ratio) => string): string {
  return `Regular meetings need ${formatHours(spec.regularNoticeHours)} of notice, special meetings ${formatHours(spec.specialNoticeHours)}; nothing else shortens it. Quorum: ${ratioWords(spec.quorum)} of the body’s charter seats attending.`;
}

/** The charter's meeting rules as a part (the English is `meetingRulesText`). */
export function meetingRulesPart(spec: MeetingSpec): RulePart {
  return part('rules', { regular: { hours: spec.regularNoticeHours }, special: { hours: spec.specialNoticeHours }, quorum: { ratio: spec.quorum } });
}

export const attendanceStatuses = ['present', 'remote', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

/**
 * Recording attendance: by a secretary or admin, once the meeting has started (not cancelled),
 * for a person who holds a seat in the meeting's body — a non-seat-holder or non-member is refused.
 */
export function checkRecordAttendance(
  m: MeetingState,
  p: { role: Role | null; attendeeHoldsSeat: boolean; attendeeName: string; bodyName: string; at: Date },
): RuleResult {
  if (!mayScheduleMeetings(p.role)) return refused('meeting.not_authorized');
  if (m.cancelledAt !== null) return refused('meeting.cancelled');
  if (p.at.getTime() < m.startsAt.getTime()) return refused('meeting.not_started');
  if (!p.attendeeHoldsSeat) return refused('meeting.attendee_not_seat_holder', { name: p.attendeeName, body: p.bodyName });
  return { ok: true };
}

/** Attending (for the quorum): present in the room or remote. */
export function attends(status: AttendanceStatus): boolean {
  return status === 'present' || status === 'remote';
}
