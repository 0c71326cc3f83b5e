import 'server-only';
import { and, asc, countDistinct, desc, eq, gte, inArray, isNotNull, isNull, like } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { meetingAttendance, meetings, notifyEvents, organizations, outbox, proposals, users } from '@/db/schema';
import { highestWhere } from './scalars';

export type MeetingRow = typeof meetings.$inferSelect;
export type AttendanceRow = typeof meetingAttendance.$inferSelect;

export async function nextMeetingNumber(tx: Executor, orgId: string): Promise<number> {
  return (await highestWhere(tx, meetings.number, eq(meetings.orgId, orgId))) + 1;
}

export async function insertMeeting(tx: Executor, values: typeof meetings.$inferInsert): Promise<MeetingRow> {
  const [row] = await tx.insert(meetings).values(values).returning();
  return row!;
}

/** The meeting locked for this transaction (every change takes this lock first, then the log head). */
export async function lockMeeting(tx: Executor, orgId: string, meetingId: string): Promise<MeetingRow | null> {
  const rows = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.orgId, orgId), eq(meetings.id, meetingId)))
    .for('update');
  return rows[0] ?? null;
}

export async function updateMeetingRow(tx: Executor, meetingId: string, patch: Partial<typeof meetings.$inferInsert>): Promise<MeetingRow> {
  const [row] = await tx.update(meetings).set(patch).where(eq(meetings.id, meetingId)).returning();
  return row!;
}

export async function getMeetingByNumber(db: Executor, orgId: string, number: number): Promise<MeetingRow | null> {
  const rows = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.orgId, orgId), eq(meetings.number, number)));
  return rows[0] ?? null;
}

/** The organization's meetings, latest start first (the list page; at most `limit`). */
export async function listMeetings(db: Executor, orgId: string, limit = 200): Promise<MeetingRow[]> {
  return db.select().from(meetings).where(eq(meetings.orgId, orgId)).orderBy(desc(meetings.startsAt)).limit(limit);
}

/** Meetings not cancelled that end after `at`, soonest first (the organization page, the calendars). */
export async function listUpcomingMeetings(db: Executor, orgId: string, at: Date, limit = 20): Promise<MeetingRow[]> {
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.orgId, orgId), isNull(meetings.cancelledAt), gte(meetings.endsAt, at)))
    .orderBy(asc(meetings.startsAt))
    .limit(limit);
}

/** Published proposals of the organization among `numbers`: an agenda refers only to what the public can read. */
export async function publishedProposalTitles(tx: Executor, orgId: string, numbers: number[]): Promise<Map<number, string>> {
  if (numbers.length === 0) return new Map();
  const rows = await tx
    .select({ number: proposals.number, title: proposals.title })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), inArray(proposals.number, numbers), isNotNull(proposals.publishedAt)));
  return new Map(rows.map((r) => [r.number, r.title]));
}

/** The notice events of a meeting are keyed `meeting:<id>:<sequence>` and `meeting:<id>:cancel`. */
export const meetingNoticeKey = (meetingId: string, part: number | 'cancel') => `meeting:${meetingId}:${part}`;

/**
 * The fate of the organization's meeting notices, by meeting, counted by seat holder: those whose
 * notice of the meeting as scheduled was accepted by the mail server, and those any of whose
 * notices of it were given up on (dead letters, which are few: fetched one by one).
 */
export async function meetingNoticeFates(db: Executor, orgId: string): Promise<Map<string, { delivered: number; failed: number }>> {
  const byKey = and(eq(outbox.orgId, orgId), eq(outbox.kind, 'meeting_notice'));
  const [sent, dead] = await Promise.all([
    db
      .select({ key: notifyEvents.key, n: countDistinct(outbox.recipientUserId) })
      .from(outbox)
      .innerJoin(notifyEvents, eq(notifyEvents.id, outbox.eventId))
      .where(and(byKey, eq(outbox.status, 'sent'), like(notifyEvents.key, 'meeting:%:0')))
      .groupBy(notifyEvents.key),
    db
      .selectDistinct({ key: notifyEvents.key, userId: outbox.recipientUserId })
      .from(outbox)
      .innerJoin(notifyEvents, eq(notifyEvents.id, outbox.eventId))
      .where(and(byKey, eq(outbox.status, 'dead'))),
  ]);
  const fates = new Map<string, { delivered: number; failed: number }>();
  const of = (key: string) => {
    const id = key.split(':')[1] ?? '';
    if (!fates.has(id)) fates.set(id, { delivered: 0, failed: 0 });
    return fates.get(id)!;
  };
  for (const r of sent) of(r.key).delivered = Number(r.n);
  const failedPeople = new Map<string, Set<string>>();
  for (const r of dead) {
    const id = r.key.split(':')[1] ?? '';
    if (!failedPeople.has(id)) failedPeople.set(id, new Set());
    failedPeople.get(id)!.add(r.userId);
  }
  for (const [id, people] of failedPeople) of(`meeting:${id}`).failed = people.size;
  return fates;
}

export async function attendanceOf(db: Executor, meetingId: string): Promise<(AttendanceRow & { name: string | null })[]> {
  const rows = await db
    .select({ a: meetingAttendance, name: users.name })
    .from(meetingAttendance)
    .leftJoin(users, eq(users.id, meetingAttendance.userId))
    .where(eq(meetingAttendance.meetingId, meetingId))
    .orderBy(asc(users.name));
  return rows.map((r) => ({ ...r.a, name: r.name }));
}

/** Records (or replaces) one person's attendance; a new record clears their earlier answer. */
export async function upsertAttendance(
  tx: Executor,
  v: { meetingId: string; userId: string; status: 'present' | 'remote' | 'absent'; recordedBy: string; at: Date },
): Promise<void> {
  await tx
    .insert(meetingAttendance)
    .values({ meetingId: v.meetingId, userId: v.userId, status: v.status, recordedBy: v.recordedBy, recordedAt: v.at })
    .onConflictDoUpdate({
      target: [meetingAttendance.meetingId, meetingAttendance.userId],
      set: { status: v.status, recordedBy: v.recordedBy, recordedAt: v.at, answer: null, answeredAt: null, disputeNote: null },
    });
}

export async function lockAttendance(tx: Executor, meetingId: string, userId: string): Promise<AttendanceRow | null> {
  const rows = await tx
    .select()
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.userId, userId)))
    .for('update');
  return rows[0] ?? null;
}

export async function answerAttendance(tx: Executor, id: string, answer: 'confirmed' | 'disputed', note: string | null, at: Date): Promise<void> {
  await tx.update(meetingAttendance).set({ answer, answeredAt: at, disputeNote: note }).where(eq(meetingAttendance.id, id));
}

/** Meetings of these organizations ending after `since`, for the calendar feeds (cancelled ones too, marked). */
export async function listCalendarMeetingRows(db: Executor, input: { orgIds: string[]; since: Date; limit: number }) {
  if (input.orgIds.length === 0) return [];
  return db
    .select({
      meetingId: meetings.id,
      orgId: meetings.orgId,
      orgSlug: organizations.slug,
      orgName: organizations.name,
      number: meetings.number,
      title: meetings.title,
      kind: meetings.kind,
      bodyKey: meetings.bodyKey,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      location: meetings.location,
      cancelledAt: meetings.cancelledAt,
      updatedAt: meetings.updatedAt,
    })
    .from(meetings)
    .innerJoin(organizations, eq(organizations.id, meetings.orgId))
    .where(and(inArray(meetings.orgId, input.orgIds), gte(meetings.endsAt, input.since)))
    .orderBy(asc(meetings.startsAt))
    .limit(input.limit);
}
