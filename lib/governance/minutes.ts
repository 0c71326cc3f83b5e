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
import { part } from './rule-parts';
import type { RuleParam, RulePart } from './rule-parts';
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

/** One roll-call vote as the draft lists it (the roll-call feature fills these in); `vote` is yes, no, abstain or absent. */
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

/** Says one part of the draft: `englishMinutesWords` for the log's English, the `meetingRules` messages for a page. */
export type MinutesWords = (p: RulePart) => string;

const str = (v: RuleParam | undefined): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const when = (v: RuleParam | undefined): string => (typeof v === 'object' && 'date' in v ? formatUtc(v.date) : '');

/** The draft's words in English, as they have always read. */
export const englishMinutesWords: MinutesWords = ({ key, params: p }) => {
  switch (key) {
    case 'minutes.heading':
      return `Minutes of meeting #${str(p.number)}: ${str(p.title)}`;
    case 'minutes.when':
      return `${str(p.body)}, ${when(p.start)} to ${when(p.end)}. Place: ${str(p.location)}.`;
    case 'minutes.closed':
      return `Held in closed session (${closedMatterWords[str(p.matter) as ClosedMatterKind] ?? closedMatterWords.other}).`;
    case 'minutes.attendance':
      return 'Attendance';
    case 'minutes.present':
      return `Present: ${str(p.names)}`;
    case 'minutes.remote':
      return `Remote: ${str(p.names)}`;
    case 'minutes.absent':
      return `Absent: ${str(p.names)}`;
    case 'minutes.nobody':
      return 'none';
    case 'minutes.quorum':
      return `Quorum ${p.met === 'true' ? 'met' : 'not met'}: ${str(p.attending)} of ${str(p.charterSeats)} charter seats attending.`;
    case 'minutes.agenda':
      return 'Agenda';
    case 'minutes.proposal':
      return `Proposal #${str(p.number)} ${str(p.title)}`;
    case 'minutes.discussion':
      return '(Discussion and outcome.)';
    case 'minutes.noAgenda':
      return 'No agenda items.';
    case 'minutes.rollCalls':
      return 'Roll-call votes';
    case 'minutes.rollCallOutcome':
      return `${str(p.motion)}: ${str(p.outcome)}`;
    case 'minutes.vote':
      return `${str(p.name)}: ${str(p.vote)}`;
    default:
      return '';
  }
};

/**
 * The first draft of the minutes: the meeting's facts, its attendance, one heading per agenda item
 * and the roll-call votes, for the secretary to complete. Deterministic (same input, same text).
 * In English unless `say` words its parts otherwise (a page prefills it in the reader's language);
 * the names, titles, motions and outcomes are made Markdown-inert either way.
 */
export function draftMinutesText(m: MinutesDraftInput, rollCalls: readonly RollCallForMinutes[] = [], say: MinutesWords = englishMinutesWords): string {
  const lines: string[] = [`# ${say(part('minutes.heading', { number: m.number, title: inert(m.title) }))}`, ''];
  lines.push(say(part('minutes.when', { body: inert(m.bodyName), start: { date: m.startsAt }, end: { date: m.endsAt }, location: inert(m.location) })), '');
  if (m.closedMatter) lines.push(say(part('minutes.closed', { matter: m.closedMatter })), '');
  const by = (s: 'present' | 'remote' | 'absent') =>
    m.attendance
      .filter((a) => a.status === s)
      .map((a) => inert(a.name))
      .join(', ') || say(part('minutes.nobody'));
  lines.push(
    `## ${say(part('minutes.attendance'))}`,
    '',
    `- ${say(part('minutes.present', { names: by('present') }))}`,
    `- ${say(part('minutes.remote', { names: by('remote') }))}`,
    `- ${say(part('minutes.absent', { names: by('absent') }))}`,
  );
  lines.push('', say(part('minutes.quorum', { met: String(m.quorum.met), attending: m.quorum.attending, charterSeats: m.quorum.charterSeats })), '');
  lines.push(`## ${say(part('minutes.agenda'))}`, '');
  m.agenda.forEach((a, i) => {
    const item = a.kind === 'proposal' ? say(part('minutes.proposal', { number: a.number, title: inert(a.title) })) : inert(a.text);
    lines.push(`### ${i + 1}. ${item}`, '', say(part('minutes.discussion')), '');
  });
  if (m.agenda.length === 0) lines.push(say(part('minutes.noAgenda')), '');
  if (rollCalls.length > 0) {
    lines.push(`## ${say(part('minutes.rollCalls'))}`, '');
    for (const r of rollCalls) {
      lines.push(`### ${say(part('minutes.rollCallOutcome', { motion: inert(r.motion), outcome: inert(r.outcome) }))}`, '');
      for (const v of r.votes) lines.push(`- ${say(part('minutes.vote', { name: inert(v.name), vote: inert(v.vote) }))}`);
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
