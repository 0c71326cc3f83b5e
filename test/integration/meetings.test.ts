/**
 * Meetings through the server actions, as forged POSTs would reach them: who may schedule, the
 * charter's notice (refused inside it; a special meeting only with the special notice), the
 * mandatory notice with its calendar invitation (REQUEST, SEQUENCE on change, CANCEL), short
 * notice by a later change and a failed notice marking the meeting irregular, attendance for
 * seat holders only, confirmed or disputed, and the log still verifying with the new kinds.
 */
import { and, eq, isNotNull, like } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, meetingAttendance, meetings, notifyEvents, outbox, proposals, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { loadOrganizationCalendar } from '@/db/read/calendar';
import { listMeetingSummaries, loadMeetingPage } from '@/db/read/meetings';
import type { ActionState } from '@/lib/actions/state';
import { initialActionState } from '@/lib/actions/state';
import { deliverDue, deliveryOptions } from '@/lib/notify/delivery';
import type { MailTransport } from '@/lib/notify/delivery';
import type { OutgoingMail } from '@/lib/notify/mailer';
import { answerOwnAttendance, recordAttendance } from '@/lib/use-cases/meeting-attendance';
import { expectRedirect, form, session, signInAs, withTestDatabase, loggedEntriesInWords } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('@/lib/rate-limit', () => ({ consumeLimit: async () => ({ ok: true }), consumeLimitIn: async () => ({ ok: true }) }));

const { scheduleMeetingAction, updateMeetingAction, cancelMeetingAction, recordAttendanceAction, answerAttendanceAction } =
  await import('@/app/o/[slug]/meetings/actions');

const HOUR = 3_600_000;
let db: Database;
let orgId: string;
const people: Record<string, { id: string; email: string; name: string | null }> = {};
let outsider: { id: string; email: string; name: string | null };

withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  ({ orgId } = await seedDemo(db));
  for (const u of await db.select().from(users)) people[u.email.split('@')[0]!] = u;
  const [o] = await db.insert(users).values({ email: 'outsider@meetings.example.org', name: 'Out Sider' }).returning();
  outsider = o!;
});
beforeEach(() => signInAs(null));

const as = (key: string) => signInAs(people[key] ?? null);
/** A datetime-local value (UTC) `hours` from now, on the minute. */
const inHours = (hours: number) => new Date(Math.ceil((Date.now() + hours * HOUR) / 60_000) * 60_000 + 60_000).toISOString().slice(0, 16);
const details = (hours: number, extra: Record<string, string> = {}) => ({
  orgId,
  title: 'Quarterly board meeting',
  startsAt: inHours(hours),
  durationMinutes: '90',
  location: 'Town hall, room 2 — https://meet.example.org/board',
  agenda: 'Approval of the last minutes\n\nThe budget',
  ...extra,
});
const schedule = (hours: number, kind: 'regular' | 'special' = 'regular', extra: Record<string, string> = {}) =>
  scheduleMeetingAction(initialActionState, form({ ...details(hours, extra), bodyKey: 'board', kind }));

async function scheduled(hours: number, kind: 'regular' | 'special' = 'regular', extra: Record<string, string> = {}) {
  as('grace');
  const to = await expectRedirect(() => schedule(hours, kind, extra));
  const number = Number(to.split('/').at(-1));
  return (
    await db
      .select()
      .from(meetings)
      .where(and(eq(meetings.orgId, orgId), eq(meetings.number, number)))
  )[0]!;
}

function refused(state: ActionState, code: string) {
  expect(state.ok, state.message).toBe(false);
  expect(state.code).toBe(code);
}

const counts = async () => ({ meetings: await db.$count(meetings), log: await db.$count(decisionLog), outbox: await db.$count(outbox) });
const noticeRows = (meetingId: string) =>
  db
    .select({ userId: outbox.recipientUserId, mandatory: outbox.mandatory, key: notifyEvents.key, payload: notifyEvents.payload })
    .from(outbox)
    .innerJoin(notifyEvents, eq(notifyEvents.id, outbox.eventId))
    .where(and(eq(outbox.kind, 'meeting_notice'), like(notifyEvents.key, `meeting:${meetingId}:%`)));

function recording(refuseTo: Set<string> = new Set()): MailTransport & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return {
    kind: 'file',
    sent,
    send: async (m) => {
      if (refuseTo.has(m.to)) throw Object.assign(new Error('mailbox unavailable'), { code: 'EENVELOPE' });
      sent.push(m);
    },
    close: async () => {},
  };
}

describe('meetings through the actions', () => {
  it('the secretary schedules a regular meeting: every board seat holder gets a mandatory notice, logged with its notice and coverage', async () => {
    const m = await scheduled(8 * 24);
    expect(m.kind).toBe('regular');
    expect(m.requiredNoticeHours).toBe(7 * 24);
    expect(m.seatHolders).toBe(6);
    expect(m.noticed).toBe(6);
    expect(m.agenda).toEqual([
      { kind: 'item', text: 'Approval of the last minutes' },
      { kind: 'item', text: 'The budget' },
    ]);
    const rows = await noticeRows(m.id);
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.mandatory)).toBe(true);
    const [entry] = await db
      .select()
      .from(decisionLog)
      .where(eq(decisionLog.subject, `meeting:${m.id}`));
    expect(entry!.kind).toBe('meeting.scheduled');
    expect(entry!.payload).toMatchObject({ number: m.number, seatHolders: 6, noticed: 6, requiredNoticeHours: 168, meetingKind: 'regular' });
    expect((entry!.payload as { noticeHours: number }).noticeHours).toBeGreaterThanOrEqual(8 * 24 - 1);
    expect((await listMeetingSummaries(orgId)).find((s) => s.id === m.id)?.irregular).toBe(false);
    // The organization's calendar feed lists it, and only under its own body.
    const feed = await loadOrganizationCalendar({ id: orgId }, null, new Date(), 'https://q.example');
    expect(feed!.items.some((i) => i.id === `meeting-${m.id}-feed` && i.kind === 'meeting')).toBe(true);
    const members = await loadOrganizationCalendar({ id: orgId }, 'members', new Date(), 'https://q.example');
    expect(members!.items.some((i) => i.kind === 'meeting')).toBe(false);
  });

  it('refuses a regular meeting inside its notice period, and a special one inside the special notice; writes nothing', async () => {
    as('grace');
    const before = await counts();
    refused(await schedule(3 * 24), 'meeting.short_notice_regular');
    refused(await schedule(24, 'special'), 'meeting.short_notice_special');
    refused(await schedule(-1, 'special'), 'meeting.in_past');
    expect(await counts()).toEqual(before);
    // The charter’s special-meeting notice (48 hours for this board) is the only shorter path.
    const special = await scheduled(49, 'special');
    expect(special.requiredNoticeHours).toBe(48);
  });

  it('refuses scheduling by a member (even a seat holder), an observer and a non-member; writes nothing', async () => {
    const before = await counts();
    as('linus'); // a board seat holder, a member
    refused(await schedule(10 * 24), 'meeting.not_authorized');
    as('tim'); // an observer
    refused(await schedule(10 * 24), 'meeting.not_authorized');
    signInAs(outsider);
    refused(await schedule(10 * 24), 'action.forbidden');
    expect(await counts()).toEqual(before);
  });

  it('an agenda refers to published proposals by number; an unknown or draft one is refused', async () => {
    const [published] = await db
      .select({ number: proposals.number, title: proposals.title })
      .from(proposals)
      .where(and(eq(proposals.orgId, orgId), isNotNull(proposals.publishedAt)));
    const m = await scheduled(8 * 24, 'regular', { agenda: `#${published!.number}\nAny other business` });
    expect(m.agenda[0]).toEqual({ kind: 'proposal', number: published!.number, title: published!.title });
    const [draft] = await db
      .select({ number: proposals.number })
      .from(proposals)
      .where(and(eq(proposals.orgId, orgId), eq(proposals.status, 'draft')));
    as('grace');
    refused(await schedule(8 * 24, 'regular', { agenda: `#${draft!.number}` }), 'meeting.unknown_proposal');
    refused(await schedule(8 * 24, 'regular', { agenda: '#9999' }), 'meeting.unknown_proposal');
  });

  it('the notice carries an iCalendar invitation: REQUEST with a stable UID, SEQUENCE up on a change, CANCEL on cancellation', async () => {
    const m = await scheduled(9 * 24);
    const first = recording();
    await deliverDue(db, first, new Date());
    const invite = (mail: OutgoingMail | undefined) => mail?.attachments?.[0]?.content ?? '';
    const toGrace = () => first.sent.filter((s) => s.to === people.grace!.email && s.subject.includes(`Meeting #${m.number} `));
    const original = invite(toGrace().at(-1));
    expect(original).toContain('METHOD:REQUEST');
    expect(original).toContain(`UID:meeting-${m.id}@`);
    expect(original).toContain('SEQUENCE:0');
    expect(toGrace().at(-1)!.attachments![0]!.filename).toBe('invite.ics');
    expect(toGrace().at(-1)!.text).toContain('The budget');

    as('ada'); // an admin may change it too
    const changed = await updateMeetingAction(initialActionState, form({ ...details(10 * 24), meetingId: m.id, title: 'Quarterly board meeting (moved)' }));
    expect(changed.ok, changed.message).toBe(true);
    const cancelled = await cancelMeetingAction(initialActionState, form({ orgId, meetingId: m.id, reason: 'The auditors’ report is late.' }));
    expect(cancelled.ok, cancelled.message).toBe(true);
    await deliverDue(db, first, new Date());
    const all = toGrace().map(invite);
    expect(all.some((c) => c.includes('SEQUENCE:1') && c.includes('METHOD:REQUEST'))).toBe(true);
    const cancel = all.find((c) => c.includes('METHOD:CANCEL'))!;
    expect(cancel).toContain(`UID:meeting-${m.id}@`);
    expect(cancel).toContain('SEQUENCE:2');
    expect(cancel).toContain('STATUS:CANCELLED');
    refused(await cancelMeetingAction(initialActionState, form({ orgId, meetingId: m.id, reason: 'Again.' })), 'meeting.cancelled');
    as('linus');
    refused(await updateMeetingAction(initialActionState, form({ ...details(10 * 24), meetingId: m.id })), 'meeting.not_authorized');
  });

  it('a change of time inside the notice period is short notice: the meeting is irregular, with the reason', async () => {
    const m = await scheduled(8 * 24);
    as('grace');
    const state = await updateMeetingAction(initialActionState, form({ ...details(5), meetingId: m.id }));
    expect(state.ok, state.message).toBe(true);
    expect(state.message).toMatch(/irregular/);
    const summary = (await listMeetingSummaries(orgId)).find((s) => s.id === m.id)!;
    expect(summary.irregular).toBe(true);
    expect(summary.irregularReasons[0]).toMatch(/^Short notice: \d hours given, the charter requires 7 days/);
    const [updated] = await db
      .select()
      .from(decisionLog)
      .where(and(eq(decisionLog.subject, `meeting:${m.id}`), eq(decisionLog.kind, 'meeting.updated')));
    expect(updated!.payload).toMatchObject({ timeChanged: true, shortNotice: true });
  });

  it('a notice that fails to reach a seat holder makes the meeting irregular', async () => {
    const m = await scheduled(8 * 24);
    await deliverDue(db, recording(new Set([people.omar!.email])), new Date(), deliveryOptions({ maxAttempts: 1 }));
    const summary = (await listMeetingSummaries(orgId)).find((s) => s.id === m.id)!;
    expect(summary.irregular).toBe(true);
    expect(summary.irregularReasons).toEqual(['The notice to 1 of 6 seat holders could not be delivered.']);
  });

  it('attendance: recorded after the start for seat holders only; confirmed or disputed by the attendee; quorum against charter seats', async () => {
    const m = await scheduled(8 * 24);
    as('grace');
    // Before the start: refused.
    refused(
      await recordAttendanceAction(initialActionState, form({ orgId, meetingId: m.id, userId: people.omar!.id, status: 'present' })),
      'meeting.not_started',
    );
    const during = new Date(m.startsAt.getTime() + 10 * 60_000);
    const grace = { userId: people.grace!.id, role: 'secretary' as const };
    const rec = (key: string, status: 'present' | 'remote' | 'absent') =>
      recordAttendance(db, grace, { orgId, meetingId: m.id, userId: (people[key] ?? outsider).id, status }, during);
    await expect(rec('tim', 'present')).rejects.toMatchObject({ code: 'meeting.attendee_not_seat_holder' }); // a member without a seat
    await expect(rec('outsider', 'present')).rejects.toMatchObject({ code: 'meeting.attendee_not_seat_holder' }); // not a member
    await expect(
      recordAttendance(db, { userId: people.linus!.id, role: 'member' }, { orgId, meetingId: m.id, userId: people.omar!.id, status: 'present' }, during),
    ).rejects.toMatchObject({ code: 'meeting.not_authorized' });
    expect(await db.$count(meetingAttendance, eq(meetingAttendance.meetingId, m.id))).toBe(0);
    for (const key of ['margaret', 'omar', 'priya', 'linus']) await rec(key, 'present');
    await rec('ada', 'remote');
    await rec('grace', 'absent');
    // 5 of 9 charter seats attend (6 filled): more than half of the charter seats.
    const page = await loadMeetingPage(orgId, m.number, people.grace!.id, during);
    expect(page!.quorum).toMatchObject({ met: true, attending: 5, charterSeats: 9 });
    await rec('ada', 'absent');
    expect((await loadMeetingPage(orgId, m.number, null, during))!.quorum).toMatchObject({ met: false, attending: 4 });

    await answerOwnAttendance(db, { userId: people.omar!.id, role: 'member' }, { orgId, meetingId: m.id, answer: 'confirmed', note: null }, during);
    await answerOwnAttendance(
      db,
      { userId: people.ada!.id, role: 'admin' },
      { orgId, meetingId: m.id, answer: 'disputed', note: 'I joined remotely at 18:05.' },
      during,
    );
    as('tim');
    refused(await answerAttendanceAction(initialActionState, form({ orgId, meetingId: m.id, answer: 'confirmed' })), 'meeting.no_attendance_record');
    const kinds = (
      await db
        .select({ kind: decisionLog.kind })
        .from(decisionLog)
        .where(eq(decisionLog.subject, `meeting:${m.id}`))
    ).map((r) => r.kind);
    expect(kinds).toContain('meeting.attendance_recorded');
    expect(kinds).toContain('meeting.attendance_confirmed');
    expect(kinds).toContain('meeting.attendance_disputed');
  });

  it('the organization’s log still verifies with the meeting entries, and each reads in words', async () => {
    const { report, entries: meetingEntries, words } = await loggedEntriesInWords(db, orgId, 'meeting.');
    expect(report.problems).toEqual([]);
    expect(new Set(meetingEntries.map((e) => e.kind))).toEqual(
      new Set([
        'meeting.scheduled',
        'meeting.updated',
        'meeting.cancelled',
        'meeting.attendance_recorded',
        'meeting.attendance_confirmed',
        'meeting.attendance_disputed',
      ]),
    );
    for (const text of words) expect(text).toMatch(/meeting #\d+/i);
  });
});
