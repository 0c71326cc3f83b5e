/**
 * The /api/v1 meeting record added in 1.5.0: attendance, roll calls and minutes, and the answers
 * of those they name. Each write runs the form's own operation (lib/actions/operations.ts): the
 * same rows and refusal codes as the form; a read-only token, another organization's token, a
 * body failing the schema or a rule's "no" answer a problem and leave every table as it was.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { meetingAttendance, meetingRollCalls } from '@/db/schema';
import type * as ClockModule from '@/lib/clock';
import { loadMeetingRollCalls } from '@/db/read/meeting-roll-calls';
import { initialActionState } from '@/lib/actions/state';
import { scheduleMeeting } from '@/lib/use-cases/meetings';
import { foundWithOtherOrganization, signInAsPerson } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { form, session } from './helpers';
import { apiV1File } from './support/api-v1-file';

const MIN = 60_000;
const DAY = 86_400_000;
const T0 = new Date(Math.floor(Date.now() / DAY) * DAY - 20 * DAY);
const clock = { now: T0 };
vi.mock('@/lib/clock', async (importOriginal) => ({ ...(await importOriginal<typeof ClockModule>()), now: () => new Date(clock.now) }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let db: Database;
let org: FoundedOrganization;
let otherOrgId = '';
let meeting: { id: string; number: number };
/** Roll call 1, recorded by the first roll-call test. */
let rollCallId = '';
const startsAt = new Date(T0.getTime() + 10 * DAY + 9 * 60 * MIN);
/** Nonprofit board: 9 charter seats, 6 filled (persons 0–5; 0 is the admin); persons 6–9 are members without a seat. */
const { call, token, refusedAndUnchanged, scopesRefused } = apiV1File(
  (handle) => (db = handle),
  async () => {
    ({ org, otherOrgId } = await foundWithOtherOrganization(db, { slug: 'api-meeting-record', seated: 6, at: T0 }));
    meeting = await scheduleMeeting(
      db,
      org.admin,
      {
        orgId: org.orgId,
        bodyKey: 'board',
        kind: 'regular',
        title: 'Board meeting',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 90 * MIN),
        location: 'Room 2',
        agenda: [{ kind: 'item', text: 'Hire the auditor' }],
      },
      new Date(T0.getTime() + DAY),
    );
    clock.now = new Date(startsAt.getTime() + 5 * MIN);
  },
);
const meetingActions = await import('@/app/o/[slug]/meetings/actions');
const rollCallActions = await import('@/app/o/[slug]/meetings/roll-calls/actions');
const minutesActions = await import('@/app/o/[slug]/meetings/minutes/actions');

const path = (tail: string) => `/${org.slug}/meetings/${meeting.number}/${tail}`;
const person = (i: number) => org.people[i]!.userId;
const tokenOf = (i: number) => token(person(i), org.orgId);

describe('POST /api/v1/orgs/{slug}/meetings/{number}/attendance', () => {
  it('the admin records each seat holder as the attendance form does; the meeting read shows it', async () => {
    const admin = await tokenOf(0);
    for (let i = 0; i < 6; i++) {
      const status = i === 5 ? 'absent' : i === 4 ? 'remote' : 'present';
      const res = await call('POST', path('attendance'), admin, { userId: person(i), status });
      expect(res).toMatchObject({ status: 200, body: { ok: true, meeting: { number: meeting.number }, attendance: { userId: person(i), status } } });
    }
    const read = await call('GET', `/${org.slug}/meetings/${meeting.number}`, admin);
    const attendance = read.body.attendance as { userId: string; status: string }[];
    expect(attendance.map((a) => a.status).sort()).toEqual(['absent', 'present', 'present', 'present', 'present', 'remote']);
  });

  it('refuses a read-only token, another organization’s token, a bad body, a plain member and a member without a seat, as the form does; nothing changes', async () => {
    await scopesRefused(person(0), otherOrgId, 'POST', path('attendance'), { userId: person(1), status: 'present' });
    const admin = await tokenOf(0);
    const bad = await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', path('attendance'), admin, { userId: person(1), status: 'late' }));
    expect(bad.errors).toEqual({ status: ['Choose present, remote or absent.'] });
    await refusedAndUnchanged(404, 'api.not_found', () =>
      call('POST', `/${org.slug}/meetings/999/attendance`, admin, { userId: person(1), status: 'present' }),
    );
    const plain = await tokenOf(1);
    const member = await refusedAndUnchanged(409, 'meeting.not_authorized', () =>
      call('POST', path('attendance'), plain, { userId: person(1), status: 'absent' }),
    );
    signInAsPerson(org, 1);
    const byForm = await meetingActions.recordAttendanceAction(
      initialActionState,
      form({ orgId: org.orgId, meetingId: meeting.id, userId: person(1), status: 'absent' }),
    );
    expect(byForm).toMatchObject({ ok: false, code: member.code });
    await refusedAndUnchanged(409, 'meeting.attendee_not_seat_holder', () => call('POST', path('attendance'), admin, { userId: person(7), status: 'present' }));
  });

  it('the seat holder confirms or disputes their own record as the form does; someone without a record is refused with the form’s code', async () => {
    const holder = await tokenOf(5);
    const res = await call('POST', path('attendance/answer'), holder, { answer: 'disputed', note: 'I was there, late.' });
    expect(res).toMatchObject({ status: 200, body: { ok: true, attendance: { answer: 'disputed' } } });
    const [row] = await db
      .select()
      .from(meetingAttendance)
      .where(and(eq(meetingAttendance.meetingId, meeting.id), eq(meetingAttendance.userId, person(5))));
    expect(row).toMatchObject({ answer: 'disputed', disputeNote: 'I was there, late.' });
    await scopesRefused(person(4), otherOrgId, 'POST', path('attendance/answer'), { answer: 'confirmed' });
    const bad = await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', path('attendance/answer'), holder, { answer: 'maybe' }));
    expect(bad.errors).toEqual({ answer: ['Confirm or dispute the record.'] });
    const unseated = await tokenOf(7);
    const none = await refusedAndUnchanged(409, 'meeting.no_attendance_record', () =>
      call('POST', path('attendance/answer'), unseated, { answer: 'confirmed' }),
    );
    signInAsPerson(org, 7);
    expect(
      await meetingActions.answerAttendanceAction(initialActionState, form({ orgId: org.orgId, meetingId: meeting.id, answer: 'confirmed' })),
    ).toMatchObject({
      ok: false,
      code: none.code,
    });
  });
});

describe('POST /api/v1/orgs/{slug}/meetings/{number}/roll-calls', () => {
  const votes = (yes: number[], no: number[] = []) => [
    ...yes.map((i) => ({ userId: person(i), vote: 'yes' })),
    ...no.map((i) => ({ userId: person(i), vote: 'no' })),
  ];

  it('the admin records a roll call as the form does; the voter confirms or disputes their vote', async () => {
    const admin = await tokenOf(0);
    const res = await call('POST', path('roll-calls'), admin, { agendaItem: '1', motion: '', votes: votes([0, 1, 2, 3], [4]) });
    expect(res).toMatchObject({ status: 201, body: { ok: true, meeting: { number: meeting.number }, rollCall: { number: 1, carried: false, held: false } } });
    // The form's own fields, `vote:<userId>`, are accepted too.
    const byFields = await call('POST', path('roll-calls'), admin, {
      motion: 'Adjourn',
      ...Object.fromEntries([0, 1, 2, 3, 4].map((i) => [`vote:${person(i)}`, 'yes'])),
    });
    expect(byFields).toMatchObject({ status: 201, body: { rollCall: { number: 2, carried: true } } });
    const [first] = await db
      .select()
      .from(meetingRollCalls)
      .where(and(eq(meetingRollCalls.meetingId, meeting.id), eq(meetingRollCalls.number, 1)));
    const voter = await tokenOf(4);
    expect(await call('POST', path(`roll-calls/${first!.id}/answer`), voter, { answer: 'disputed', note: 'I voted yes.' })).toMatchObject({
      status: 200,
      body: { ok: true, rollCall: { number: 1, answer: 'disputed' } },
    });
    rollCallId = first!.id;
    // The read lists them as the meeting page does.
    const read = await call('GET', path('roll-calls'), voter);
    expect(read.status).toBe(200);
    const listed = read.body.rollCalls as { number: number; carried: boolean; standing: string; disputes: number; votes: { name: string; vote: string }[] }[];
    const onPage = await loadMeetingRollCalls(meeting.id, false);
    expect(listed.map((r) => [r.number, r.carried, r.standing, r.disputes])).toEqual(onPage.map((r) => [r.number, r.outcome.carried, r.standing, r.disputes]));
    expect(listed[0]!.votes).toEqual(JSON.parse(JSON.stringify(onPage[0]!.votes)));
    expect(JSON.stringify(read.body)).not.toMatch(/@/);
    const elsewhere = await token(person(4), otherOrgId, 'read');
    expect(await call('GET', path('roll-calls'), elsewhere)).toMatchObject({ status: 403, body: { code: 'api.other_organization' } });
    expect(await call('GET', `/${org.slug}/meetings/999/roll-calls`, voter)).toMatchObject({ status: 404, body: { code: 'api.not_found' } });
  });

  it('refuses a read-only token, another organization’s token, a bad body and the rules’ “no” with the form’s codes; nothing changes', async () => {
    await scopesRefused(person(0), otherOrgId, 'POST', path('roll-calls'), { motion: 'Sell', votes: votes([0]) });
    const admin = await tokenOf(0);
    const bad = await refusedAndUnchanged(400, 'action.invalid_input', () =>
      call('POST', path('roll-calls'), admin, { motion: 'Sell', votes: [{ userId: person(0), vote: 'maybe' }] }),
    );
    expect(Object.values(bad.errors ?? {}).flat()).toContain('Choose yes, no, abstain or absent for each seat holder.');
    await refusedAndUnchanged(409, 'roll_call.not_attending', () => call('POST', path('roll-calls'), admin, { motion: 'Sell', votes: votes([0, 5]) }));
    const plain = await tokenOf(2);
    const member = await refusedAndUnchanged(409, 'roll_call.not_authorized', () =>
      call('POST', path('roll-calls'), plain, { motion: 'Sell', votes: votes([2]) }),
    );
    signInAsPerson(org, 2);
    const byForm = await rollCallActions.recordRollCallAction(
      initialActionState,
      form({ orgId: org.orgId, meetingId: meeting.id, motion: 'Sell', [`vote:${person(2)}`]: 'yes' }),
    );
    expect(byForm).toMatchObject({ ok: false, code: member.code });
    // The answer: only a voter; the same code as the form.
    await scopesRefused(person(1), otherOrgId, 'POST', path(`roll-calls/${rollCallId}/answer`), { answer: 'confirmed' });
    const unseated = await tokenOf(7);
    const noVote = await refusedAndUnchanged(409, 'roll_call.no_vote', () =>
      call('POST', path(`roll-calls/${rollCallId}/answer`), unseated, { answer: 'confirmed' }),
    );
    signInAsPerson(org, 7);
    expect(
      await rollCallActions.answerRollCallVoteAction(initialActionState, form({ orgId: org.orgId, meetingId: meeting.id, rollCallId, answer: 'confirmed' })),
    ).toMatchObject({ ok: false, code: noVote.code });
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', path('roll-calls/not-an-id/answer'), unseated, { answer: 'confirmed' }));
  });
});

describe('POST /api/v1/orgs/{slug}/meetings/{number}/minutes and /minutes/answers', () => {
  const text = 'The board met in Room 2. Present: five of six seat holders. The auditor motion was not carried.';

  it('the admin drafts the minutes as the form does; seat holders approve or reject the revision they read', async () => {
    clock.now = new Date(startsAt.getTime() + 2 * 60 * MIN);
    const res = await call('POST', path('minutes'), await tokenOf(0), { text });
    expect(res).toMatchObject({ status: 201, body: { ok: true, meeting: { number: meeting.number }, minutes: { revision: 1 } } });
    const yes = await call('POST', path('minutes/answers'), await tokenOf(1), { revision: '1', answer: 'approve' });
    expect(yes).toMatchObject({ status: 200, body: { ok: true, minutes: { revision: 1, approved: true, sealed: false, approvals: 1 } } });
    const no = await call('POST', path('minutes/answers'), await tokenOf(2), { revision: 1, answer: 'reject' });
    expect(no).toMatchObject({ status: 200, body: { minutes: { approved: false, approvals: 1 } } });
    // The read, as the page shows it to each: the draft's text to the body, not to a member without a seat.
    const seated = await call('GET', path('minutes'), await token(person(1), org.orgId, 'read'));
    expect(seated).toMatchObject({
      status: 200,
      body: {
        minutes: { revision: 1, text, approval: { state: 'open', approvals: 1, rejections: 1, needed: 5 } },
        viewer: { holdsSeat: true, ownAnswer: 'approved', mayAnswer: false },
      },
    });
    const unseated = await call('GET', path('minutes'), await token(person(7), org.orgId, 'read'));
    expect(unseated).toMatchObject({ status: 200, body: { minutes: { revision: 1, text: null }, viewer: { holdsSeat: false, mayAnswer: false } } });
    const elsewhere = await token(person(1), otherOrgId, 'read');
    expect(await call('GET', path('minutes'), elsewhere)).toMatchObject({ status: 403, body: { code: 'api.other_organization' } });
  });

  it('refuses a read-only token, another organization’s token, a bad body and the rules’ “no” with the form’s codes; nothing changes', async () => {
    await scopesRefused(person(0), otherOrgId, 'POST', path('minutes'), { text });
    const admin = await tokenOf(0);
    const short = await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', path('minutes'), admin, { text: 'Too short.' }));
    expect(short.errors).toEqual({ text: ['The minutes are at least 20 characters.'] });
    const plain = await tokenOf(3);
    const member = await refusedAndUnchanged(409, 'minutes.not_authorized', () => call('POST', path('minutes'), plain, { text }));
    signInAsPerson(org, 3);
    expect(await minutesActions.draftMinutesAction(initialActionState, form({ orgId: org.orgId, meetingId: meeting.id, text }))).toMatchObject({
      ok: false,
      code: member.code,
    });
    await scopesRefused(person(3), otherOrgId, 'POST', path('minutes/answers'), { revision: '1', answer: 'approve' });
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', path('minutes/answers'), plain, { revision: '1', answer: 'maybe' }));
    const twice = await tokenOf(1);
    const again = await refusedAndUnchanged(409, 'minutes.already_voted', () =>
      call('POST', path('minutes/answers'), twice, { revision: '1', answer: 'approve' }),
    );
    signInAsPerson(org, 1);
    expect(
      await minutesActions.answerMinutesAction(initialActionState, form({ orgId: org.orgId, meetingId: meeting.id, revision: '1', answer: 'approve' })),
    ).toMatchObject({ ok: false, code: again.code });
    const unseated = await tokenOf(7);
    await refusedAndUnchanged(409, 'minutes.not_seat_holder', () => call('POST', path('minutes/answers'), unseated, { revision: '1', answer: 'approve' }));
  });
});
