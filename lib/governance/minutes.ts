/**
 * Minutes of a meeting of a body of seats: the draft the secretary starts from, who may draft and
 * approve, when the body has approved, and when a closed session's sealed text is disclosed.
 * Pure: no I/O; time is a parameter.
 *
 * Lesson behind the rules (issue 15): minutes written by one officer and "approved" by nobody are
 * that officer's account, not the body's. So a draft becomes the record only when a majority of the
 * body's CHARTER seats (not of those who happen to answer) approve that exact revision; then it is
 * sealed — its text and SHA-256 go into the log, and it never changes. A closed session's minutes
 * are sealed the same way, but the log holds only their hash until the charter's disclosure date:
 * sealed, not hidden, so nobody can rewrite them before they come out.
 */
import { refused } from './refusal';
import { hasRole } from './roles';
import type { Role } from './roles';
import { formatUtc } from './time';
import type { Charter, MinutesSpec } from './types';

export const closedMatterKinds = ['personnel', 'legal', 'security', 'other'] as const;
export type ClosedMatterKind = (typeof closedMatterKinds)[number];
export const closedMatterWords: Record<ClosedMatterKind, string> = {
  personnel: 'a personnel matter',
  legal: 'a legal matter',
  security: 'a security matter',
  other: 'another confidential matter',
};

/** Charters stored before minutes existed: a year, the longest any template sets. */
export const defaultMinutesSpec: MinutesSpec = { closedDisclosureDays: 365 };

export function minutesSpecOf(charter: Pick<Charter, 'minutes'>): MinutesSpec {
  return charter.minutes ?? defaultMinutesSpec;
}

export function minutesSpecErrors(spec: unknown): string[] {
  if (typeof spec !== 'object' || spec === null) return ['Minutes: the setting must be an object such as {"closedDisclosureDays":365}.'];
  const days = (spec as MinutesSpec).closedDisclosureDays;
  if (!Number.isInteger(days) || days < 1 || days > 10 * 365)
    return [`Minutes: a closed session's disclosure period must be a whole number of days from 1 to 3650 (it is ${String(days)}).`];
  return [];
}

export function minutesRulesText(spec: MinutesSpec): string {
  return `Minutes are approved by a majority of the body's charter seats and then sealed; a closed session's minutes are disclosed ${spec.closedDisclosureDays} days after sealing.`;
}

const DAY_MS = 86_400_000;

/** When a closed session's minutes sealed at `sealedAt` are disclosed. */
export function disclosureDate(sealedAt: Date, spec: MinutesSpec): Date {
  return new Date(sealedAt.getTime() + spec.closedDisclosureDays * DAY_MS);
}

/** One roll-call vote as the draft lists it (the roll-call feature fills these in). */
export type RollCallForMinutes = { motion: string; outcome: string; votes: { name: string; vote: string }[] };

export type MinutesDraftInput = {
  number: number;
  title: string;
  bodyName: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  agenda: ({ kind: 'item'; text: string } | { kind: 'proposal'; number: number; title: string })[];
  attendance: { name: string; status: 'present' | 'remote' | 'absent' }[];
  quorum: { met: boolean; attending: number; charterSeats: number };
  closedMatter?: ClosedMatterKind | null;
};

/** Markdown-inert text: a name or agenda line never turns into a heading, link or list by accident. */
function inert(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

/**
 * The first draft of the minutes: the meeting's facts, its attendance, one heading per agenda item
 * and the roll-call votes, for the secretary to complete. Deterministic (same input, same text).
 */
export function draftMinutesText(m: MinutesDraftInput, rollCalls: readonly RollCallForMinutes[] = []): string {
  const lines: string[] = [`# Minutes of meeting #${m.number}: ${inert(m.title)}`, ''];
  lines.push(`${inert(m.bodyName)}, ${formatUtc(m.startsAt)} to ${formatUtc(m.endsAt)}. Place: ${inert(m.location)}.`, '');
  if (m.closedMatter) lines.push(`Held in closed session (${closedMatterWords[m.closedMatter]}).`, '');
  const by = (s: 'present' | 'remote' | 'absent') =>
    m.attendance
      .filter((a) => a.status === s)
      .map((a) => inert(a.name))
      .join(', ') || 'none';
  lines.push('## Attendance', '', `- Present: ${by('present')}`, `- Remote: ${by('remote')}`, `- Absent: ${by('absent')}`);
  lines.push('', `Quorum ${m.quorum.met ? 'met' : 'not met'}: ${m.quorum.attending} of ${m.quorum.charterSeats} charter seats attending.`, '');
  lines.push('## Agenda', '');
  m.agenda.forEach((a, i) => {
    lines.push(`### ${i + 1}. ${a.kind === 'proposal' ? `Proposal #${a.number} ${inert(a.title)}` : inert(a.text)}`, '', '(Discussion and outcome.)', '');
  });
  if (m.agenda.length === 0) lines.push('No agenda items.', '');
  if (rollCalls.length > 0) {
    lines.push('## Roll-call votes', '');
    for (const r of rollCalls) {
      lines.push(`### ${inert(r.motion)}: ${inert(r.outcome)}`, '');
      for (const v of r.votes) lines.push(`- ${inert(v.name)}: ${inert(v.vote)}`);
      lines.push('');
    }
  }
  return `${lines.join('\n').trim()}\n`;
}

/** Drafting and revising: by whoever keeps the meeting's record (a secretary or an admin), once it has started, not when cancelled, never once sealed. */
export function checkDraftMinutes(m: { startsAt: Date; cancelledAt: Date | null }, p: { role: Role | null; sealed: boolean; at: Date }) {
  if (p.role === null || !hasRole(p.role, 'secretary')) return refused('minutes.not_authorized');
  if (m.cancelledAt !== null) return refused('meeting.cancelled');
  if (p.at.getTime() < m.startsAt.getTime()) return refused('minutes.not_started');
  if (p.sealed) return refused('minutes.sealed');
  return { ok: true as const };
}

/** Approving or rejecting: by a seat holder of the body, once per revision, before sealing. */
export function checkMinutesVote(p: { holdsSeat: boolean; sealed: boolean; alreadyVoted: boolean; bodyName: string }) {
  if (p.sealed) return refused('minutes.sealed');
  if (!p.holdsSeat) return refused('minutes.not_seat_holder', { body: p.bodyName });
  if (p.alreadyVoted) return refused('minutes.already_voted');
  return { ok: true as const };
}

export type MinutesApproval = { state: 'approved' | 'rejected' | 'open'; approvals: number; rejections: number; needed: number };

/**
 * Approval of one revision: approved when its approvals are MORE than half of the body's CHARTER
 * seats (empty seats count against it); rejected when so many rejected it that approval is out
 * of reach; open otherwise. A body with no charter seats never approves.
 */
export function minutesApproval(approvals: number, rejections: number, charterSeats: number): MinutesApproval {
  const needed = Math.floor(charterSeats / 2) + 1;
  const state = charterSeats > 0 && approvals >= needed ? 'approved' : charterSeats - rejections < needed ? 'rejected' : 'open';
  return { state, approvals, rejections, needed };
}

/** The worker discloses a sealed closed session's text once its date has come, and only once. */
export function dueForDisclosure(
  m: { closedMatter: ClosedMatterKind | null; sealedAt: Date | null; disclosesAt: Date | null; disclosedAt: Date | null },
  at: Date,
): boolean {
  return m.closedMatter !== null && m.sealedAt !== null && m.disclosesAt !== null && m.disclosedAt === null && m.disclosesAt.getTime() <= at.getTime();
}

/** May this viewer read the text? Sealed open minutes: everyone. A closed session's: the body's seat holders, and everyone once disclosed. A draft: the body and its record-keepers. */
export function mayReadMinutes(
  m: { closedMatter: ClosedMatterKind | null; sealedAt: Date | null; disclosedAt: Date | null },
  viewer: { holdsSeat: boolean; keepsRecord: boolean },
): boolean {
  if (m.sealedAt === null) return viewer.holdsSeat || viewer.keepsRecord;
  if (m.closedMatter === null || m.disclosedAt !== null) return true;
  return viewer.holdsSeat;
}
