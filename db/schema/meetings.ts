import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { userRef } from './auth';
import { id, ts } from './columns';
import { orgRef } from './organizations';

export const meetingKind = pgEnum('meeting_kind', ['regular', 'special']);

/** One agenda item: a discussion item in free text, or a proposal of the organization by number. */
export type AgendaItem = { kind: 'item'; text: string } | { kind: 'proposal'; number: number; title: string };

/**
 * A meeting of a body of seats (lib/governance/meeting.ts). The notice the charter required for
 * its kind is copied onto the row when it is scheduled; `shortest_notice_hours` is the least
 * notice any of its times gave (a time moved closer lowers it), so "short notice" never depends
 * on a later charter. `seat_holders` and `noticed` are the notice's coverage when it was given;
 * the fate of each mail is read from the outbox. `sequence` is the iCalendar SEQUENCE.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    orgId: orgRef('cascade'),
    /** Per-organization number, for humans: "Meeting #3". */
    number: integer('number').notNull(),
    bodyKey: text('body_key').notNull(),
    kind: meetingKind('kind').notNull(),
    title: text('title').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    location: text('location').notNull(),
    agenda: jsonb('agenda').$type<AgendaItem[]>().notNull(),
    charterVersion: integer('charter_version').notNull(),
    requiredNoticeHours: integer('required_notice_hours').notNull(),
    shortestNoticeHours: integer('shortest_notice_hours').notNull(),
    seatHolders: integer('seat_holders').notNull(),
    noticed: integer('noticed').notNull(),
    sequence: integer('sequence').notNull().default(0),
    scheduledBy: userRef('scheduled_by', 'set null'),
    scheduledAt: ts('scheduled_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    cancelledAt: ts('cancelled_at'),
    cancelReason: text('cancel_reason'),
  },
  (t) => [
    unique('meetings_org_number_unique').on(t.orgId, t.number),
    // The public pages list upcoming meetings by start.
    index('meetings_org_starts_idx').on(t.orgId, t.startsAt),
    check('meetings_end_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const attendanceStatus = pgEnum('attendance_status', ['present', 'remote', 'absent']);

/**
 * Attendance of one seat holder at one meeting, as the scheduler recorded it; the attendee's own
 * confirmation or dispute sits beside it. One row per meeting and person; a new record replaces
 * the status and clears the attendee's answer.
 */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** Null once the attendee deleted their account: the record (and the quorum it made) stays, nameless. */
    userId: userRef('user_id', 'set null'),
    status: attendanceStatus('status').notNull(),
    recordedBy: userRef('recorded_by', 'set null'),
    recordedAt: ts('recorded_at').notNull(),
    /** 'confirmed' or 'disputed' by the attendee; null: not answered yet. */
    answer: text('answer').$type<'confirmed' | 'disputed'>(),
    answeredAt: ts('answered_at'),
    disputeNote: text('dispute_note'),
  },
  (t) => [unique('meeting_attendance_one_per_person').on(t.meetingId, t.userId)],
);

export const rollCallVote = pgEnum('roll_call_vote', ['yes', 'no', 'abstain', 'absent']);

/**
 * A roll-call vote taken in a meeting on one motion (lib/governance/roll-call.ts): an agenda item
 * or a free-text motion. The rules it was counted by (charter seats, quorum, majority, answer
 * period) and its outcome are copied onto the row when it is recorded, so a later charter never
 * changes a past result. A carried motion of an irregular meeting is held until a proposal
 * ratifies it (`ratified_at`, `ratified_by_proposal_id`).
 */
export const meetingRollCalls = pgTable(
  'meeting_roll_calls',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** Per-meeting number: "Roll call 2 of meeting #3". */
    number: integer('number').notNull(),
    motion: text('motion').notNull(),
    /** The agenda item it decides (1-based), or null for a motion not on the agenda. */
    agendaItem: integer('agenda_item'),
    /** The proposal the agenda item lists, if any: the roll call never changes that proposal's state. */
    proposalNumber: integer('proposal_number'),
    charterSeats: integer('charter_seats').notNull(),
    quorum: jsonb('quorum').$type<{ num: number; den: number; inclusive: boolean }>().notNull(),
    majority: jsonb('majority').$type<{ num: number; den: number; inclusive: boolean }>().notNull(),
    answerDays: integer('answer_days').notNull(),
    carried: boolean('carried').notNull(),
    /** Whether the meeting was irregular when the roll call was recorded (the page re-reads it live). */
    irregularAtRecord: boolean('irregular_at_record').notNull(),
    recordedBy: userRef('recorded_by', 'set null'),
    recordedAt: ts('recorded_at').notNull(),
    ratifiedAt: ts('ratified_at'),
    ratifiedByProposalId: uuid('ratified_by_proposal_id'),
  },
  (t) => [unique('meeting_roll_calls_meeting_number_unique').on(t.meetingId, t.number)],
);

/** One seat holder's vote in a roll call, with their own confirmation or dispute beside it. */
export const meetingRollCallVotes = pgTable(
  'meeting_roll_call_votes',
  {
    id: id(),
    rollCallId: uuid('roll_call_id')
      .notNull()
      .references(() => meetingRollCalls.id, { onDelete: 'cascade' }),
    /** Null once the voter deleted their account: the vote (and the count it made) stays, nameless. */
    userId: userRef('user_id', 'set null'),
    vote: rollCallVote('vote').notNull(),
    answer: text('answer').$type<'confirmed' | 'disputed'>(),
    answeredAt: ts('answered_at'),
    disputeNote: text('dispute_note'),
  },
  (t) => [unique('meeting_roll_call_votes_one_per_person').on(t.rollCallId, t.userId)],
);

export const closedMatterKind = pgEnum('closed_matter_kind', ['personnel', 'legal', 'security', 'other']);

/**
 * The minutes of a meeting (lib/governance/minutes.ts): the current draft (its text, hash and
 * revision number; every revision's hash is in the log), sealed once a majority of the body's
 * charter seats approved it. `closed_matter` marks a closed session: sealed, its text stays off
 * the public record until `discloses_at`, when the worker sets `disclosed_at`. A trigger (migration
 * meeting_minutes) refuses any change to a sealed row but that one.
 */
export const meetingMinutes = pgTable('meeting_minutes', {
  id: id(),
  meetingId: uuid('meeting_id')
    .notNull()
    .unique('meeting_minutes_one_per_meeting')
    .references(() => meetings.id, { onDelete: 'cascade' }),
  revision: integer('revision').notNull(),
  text: text('text').notNull(),
  textSha256: text('text_sha256').notNull(),
  closedMatter: closedMatterKind('closed_matter'),
  draftedBy: userRef('drafted_by', 'set null'),
  draftedAt: ts('drafted_at').notNull(),
  sealedAt: ts('sealed_at'),
  disclosesAt: ts('discloses_at'),
  disclosedAt: ts('disclosed_at'),
});

/** A seat holder's answer to one revision of the minutes: one per person and revision. */
export const meetingMinutesVotes = pgTable(
  'meeting_minutes_votes',
  {
    id: id(),
    minutesId: uuid('minutes_id')
      .notNull()
      .references(() => meetingMinutes.id, { onDelete: 'cascade' }),
    userId: userRef('user_id', 'set null'),
    revision: integer('revision').notNull(),
    approve: boolean('approve').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [unique('meeting_minutes_votes_one_per_revision').on(t.minutesId, t.userId, t.revision)],
);
