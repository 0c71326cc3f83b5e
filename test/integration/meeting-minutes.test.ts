/**
 * Minutes through the server actions, as forged POSTs would reach them: drafted by the secretary
 * only, answered by the body's seat holders only and once per revision, a revision asking again,
 * sealed at a majority of the CHARTER seats and never changed after (the use case and the
 * database both refuse); a closed session sealed with its hash only, unreadable outside the body
 * (page data, JSON export, API log, Atom feed) until the worker discloses it on the charter's
 * date; the verifier matching each text to its seal and failing a tampered disclosure.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, meetingMinutes, meetingMinutesVotes, organizations, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { loadMinutesView } from '@/db/read/meeting-minutes';
import type { ActionState } from '@/lib/actions/state';
import { initialActionState } from '@/lib/actions/state';
import { recordAttendance } from '@/lib/use-cases/meeting-attendance';
import { draftMinutes } from '@/lib/use-cases/meeting-minutes';
import { scheduleMeeting } from '@/lib/use-cases/meetings';
import { discloseDueMinutes } from '@/lib/use-cases/minutes-disclosure';
import { checkExport } from '@/scripts/verify';
import { checkMinutes } from '@/scripts/verify/minutes';
import { exportAndVerifyLog, form, session, signInAs, withTestDatabase, loggedEntriesInWords } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('@/lib/rate-limit', () => ({ consumeLimit: async () => ({ ok: true }), consumeLimitIn: async () => ({ ok: true }) }));

const { draftMinutesAction, answerMinutesAction } = await import('@/app/o/[slug]/meetings/minutes/actions');
const { GET: exportJson } = await import('@/app/api/o/[slug]/log/export/route');
const { GET: apiLog } = await import('@/app/api/v1/orgs/[slug]/log/route');
const { GET: atomFeed } = await import('@/app/o/[slug]/log/feed.atom/route');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let db: Database;
let orgId: string;
let slug: string;
const people: Record<string, { id: string; email: string; name: string | null }> = {};

withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  ({ orgId } = await seedDemo(db));
  for (const u of await db.select().from(users)) people[u.email.split('@')[0]!] = u;
  const [o] = await db.insert(users).values({ email: 'outsider@minutes.example.org', name: 'Out Sider' }).returning();
  people.outsider = o!;
  slug = (await db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, orgId)))[0]!.slug;
});
beforeEach(() => signInAs(null));

const as = (key: string) => signInAs(people[key] ?? null);
const grace = () => ({ userId: people.grace!.id, role: 'secretary' as const });
/** The board's seat holders (9 charter seats, 6 filled: 5 approvals seal). */
const board = ['margaret', 'omar', 'priya', 'linus', 'ada', 'grace'];

/** A board meeting that started an hour ago, with attendance recorded. */
async function startedMeeting(title: string) {
  const startsAt = new Date(Date.now() - HOUR);
  const { id, number } = await scheduleMeeting(
    db,
    grace(),
    {
      orgId,
      bodyKey: 'board',
      kind: 'regular',
      title,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      location: 'Room 1',
      agenda: [{ kind: 'item', text: 'The budget' }],
    },
    new Date(Date.now() - 10 * DAY),
  );
  for (const who of board)
    await recordAttendance(db, grace(), { orgId, meetingId: id, userId: people[who]!.id, status: who === 'omar' ? 'absent' : 'present' }, new Date());
  return { id, number };
}

/** The trigger's refusal, through drizzle's wrapper ("Failed query: …", the cause says why). */
async function refusedByDatabase(write: PromiseLike<unknown>) {
  const error = await Promise.resolve(write).then(
    () => null,
    (e: unknown) => e as Error & { cause?: Error },
  );
  expect(error).not.toBeNull();
  expect(`${error!.message} ${error!.cause?.message ?? ''}`).toMatch(/meeting_minutes are sealed/);
}

function refused(state: ActionState, code: string) {
  expect(state.ok, state.message).toBe(false);
  expect(state.code).toBe(code);
}
function ok(state: ActionState) {
  expect(state.ok, state.message).toBe(true);
}
const draft = (meetingId: string, text: string, closedMatter = '') => draftMinutesAction(initialActionState, form({ orgId, meetingId, text, closedMatter }));
const answer = (meetingId: string, revision: number, a: 'approve' | 'reject' = 'approve') =>
  answerMinutesAction(initialActionState, form({ orgId, meetingId, revision: String(revision), answer: a }));
const snapshot = async () => ({
  minutes: await db.select().from(meetingMinutes),
  votes: await db.$count(meetingMinutesVotes),
  log: await db.$count(decisionLog),
});
const entriesOf = async (meetingId: string) =>
  (
    await db
      .select()
      .from(decisionLog)
      .where(eq(decisionLog.subject, `meeting:${meetingId}`))
  ).filter((e) => e.kind.startsWith('minutes.'));

async function approveBy(meetingId: string, revision: number, who: string[]) {
  for (const w of who) {
    as(w);
    ok(await answer(meetingId, revision));
  }
}

const TEXT = '# Minutes\n\nThe board adopted the budget. <script>alert(1)</script>';
const SECRET = 'The board discussed the dismissal of the caretaker, Mr. Example, for cause: CONFIDENTIAL-7731.';

describe('minutes of a regular meeting', () => {
  it('refuses a draft by a member (even a seat holder), an observer and a non-member; nothing changes', async () => {
    const m = await startedMeeting('Drafting rights');
    const before = await snapshot();
    for (const [who, code] of [
      ['linus', 'minutes.not_authorized'],
      ['tim', 'minutes.not_authorized'],
    ] as const) {
      as(who);
      refused(await draft(m.id, TEXT), code);
    }
    as('outsider');
    expect((await draft(m.id, TEXT)).ok).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it('drafts, revises (approvals reset), refuses a non-seat-holder and a second answer, seals at 5 of 9 charter seats, and never changes again', async () => {
    const m = await startedMeeting('Sealing');
    as('grace');
    ok(await draft(m.id, TEXT));
    // An approval by someone without a seat, or by an observer, is refused and changes nothing.
    let before = await snapshot();
    for (const who of ['tim', 'sofia', 'outsider']) {
      as(who);
      expect((await answer(m.id, 1)).ok).toBe(false);
    }
    as('sofia');
    refused(await answer(m.id, 1), 'minutes.not_seat_holder');
    expect(await snapshot()).toEqual(before);
    // Approving twice: the second is refused.
    await approveBy(m.id, 1, ['margaret', 'linus', 'priya', 'ada']);
    before = await snapshot();
    as('ada');
    refused(await answer(m.id, 1), 'minutes.already_voted');
    expect(await snapshot()).toEqual(before);
    as('omar');
    ok(await answer(m.id, 1, 'reject'));
    // A revision resets the approvals: four approvals of revision 1 no longer count, and an answer to revision 1 is stale.
    as('grace');
    ok(await draft(m.id, `${TEXT}\n\nCorrected: the budget passed 5 to 0.`));
    as('omar');
    refused(await answer(m.id, 1), 'minutes.stale_revision');
    const view = await loadMinutesView(await ctxOf(m.id), people.grace!.id);
    expect(view.minutes!.approval).toMatchObject({ approvals: 0, needed: 5, state: 'open' });
    await approveBy(m.id, 2, ['margaret', 'linus', 'priya', 'ada']);
    as('omar');
    const sealed = await answer(m.id, 2);
    ok(sealed);
    expect(sealed.message).toContain('sealed');
    const [row] = await db.select().from(meetingMinutes).where(eq(meetingMinutes.meetingId, m.id));
    expect(row!.sealedAt).not.toBeNull();
    expect(row!.revision).toBe(2);
    const seal = (await entriesOf(m.id)).find((e) => e.kind === 'minutes.sealed')!;
    expect(seal.payload).toMatchObject({ revision: 2, textSha256: row!.textSha256, text: row!.text, closedSession: false });
    // The public reads the sealed text.
    expect((await loadMinutesView(await ctxOf(m.id), null)).minutes!.text).toBe(row!.text);

    // The adversary: the secretary edits after sealing, a seat holder answers again, the database is written directly.
    before = await snapshot();
    as('grace');
    refused(await draft(m.id, 'A quietly rewritten record of what happened.'), 'minutes.sealed');
    as('grace');
    refused(await answer(m.id, 2), 'minutes.sealed');
    await expect(
      draftMinutes(db, grace(), { orgId, meetingId: m.id, text: 'Rewritten after sealing, by the use case.', closedMatter: null }, new Date()),
    ).rejects.toMatchObject({
      code: 'minutes.sealed',
    });
    await refusedByDatabase(db.update(meetingMinutes).set({ text: 'Rewritten in the database.' }).where(eq(meetingMinutes.id, row!.id)));
    await refusedByDatabase(db.update(meetingMinutes).set({ closedMatter: 'legal' }).where(eq(meetingMinutes.id, row!.id)));
    expect(await snapshot()).toEqual(before);
  });

  it('the draft is prefilled from the agenda and the attendance', async () => {
    const m = await startedMeeting('Prefill');
    const view = await loadMinutesView(await ctxOf(m.id), people.grace!.id);
    expect(view.prefill).toContain('### 1. The budget');
    expect(view.prefill).toContain('- Absent: Omar Haddad');
    expect(view.prefill).toContain('Quorum met: 5 of 9 charter seats attending.');
    expect((await loadMinutesView(await ctxOf(m.id), people.linus!.id)).prefill).toBeNull();
  });
});

/** What the meeting page hands the minutes loader. */
async function ctxOf(meetingId: string) {
  const { loadMeetingPage } = await import('@/db/read/meetings');
  const { meetings } = await import('@/db/schema');
  const [row] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
  const page = (await loadMeetingPage(orgId, row!.number, null, new Date()))!;
  return {
    ...page.meeting,
    orgId,
    agenda: page.agenda,
    attendance: page.attendance,
    quorum: page.quorum,
    started: page.started,
    cancelled: page.meeting.cancelled,
  };
}

const context = () => ({ params: Promise.resolve({ slug }) });
const request = (path: string) => new Request(`http://quorate.test${path}`);
async function publicBodies(): Promise<string> {
  const json = await (await exportJson(request(`/api/o/${slug}/log/export`), context())).text();
  const api = await (await apiLog(request(`/api/v1/orgs/${slug}/log?limit=100`), context())).text();
  const atom = await (await atomFeed(request(`/o/${slug}/log/feed.atom`), context())).text();
  return [json, api, atom].join('\n');
}

describe('a closed session', () => {
  it('is sealed with its hash only, unreadable outside the body until the worker discloses it on the charter’s date, and verifies', async () => {
    const m = await startedMeeting('Closed session');
    as('grace');
    ok(await draft(m.id, SECRET, 'personnel'));
    await approveBy(m.id, 1, ['margaret', 'linus', 'priya', 'ada', 'omar']);
    const [row] = await db.select().from(meetingMinutes).where(eq(meetingMinutes.meetingId, m.id));
    expect(row!.sealedAt).not.toBeNull();
    // The nonprofit board template: 365 days.
    expect(row!.disclosesAt!.getTime() - row!.sealedAt!.getTime()).toBe(365 * DAY);
    const seal = (await entriesOf(m.id)).find((e) => e.kind === 'minutes.sealed')!;
    expect(seal.payload).toMatchObject({ closedSession: true, matter: 'personnel', textSha256: row!.textSha256, number: m.number });
    expect(seal.payload).not.toHaveProperty('text');
    expect((seal.payload as { attendance: unknown[] }).attendance).toHaveLength(6);

    // Before the date: not in the page data for the public, an observer, a member without a seat, or the secretary's page once sealed unless seated; not in the export, the API log or the feed.
    for (const viewer of [null, people.tim!.id, people.sofia!.id, people.outsider!.id]) {
      const view = await loadMinutesView(await ctxOf(m.id), viewer);
      expect(view.minutes!.text).toBeNull();
      expect(JSON.stringify(view)).not.toContain('CONFIDENTIAL-7731');
    }
    expect((await loadMinutesView(await ctxOf(m.id), people.linus!.id)).minutes!.text).toBe(SECRET);
    expect(await publicBodies()).not.toContain('CONFIDENTIAL-7731');
    // A forged request cannot disclose or revise it: the worker's pass before the date does nothing; a draft is refused.
    const before = await snapshot();
    expect(await discloseDueMinutes(db, new Date(row!.disclosesAt!.getTime() - 1000))).toBe(0);
    as('grace');
    refused(await draft(m.id, 'Disclosing early by rewriting the sealed minutes.'), 'minutes.sealed');
    await refusedByDatabase(db.update(meetingMinutes).set({ disclosesAt: new Date() }).where(eq(meetingMinutes.id, row!.id)));
    expect(await snapshot()).toEqual(before);

    // On the date: disclosed once, with the text; readable by everyone; the log verifies, the verifier checks the hash.
    expect(await discloseDueMinutes(db, row!.disclosesAt!)).toBe(1);
    expect(await discloseDueMinutes(db, new Date(row!.disclosesAt!.getTime() + DAY))).toBe(0);
    const disclosed = (await entriesOf(m.id)).find((e) => e.kind === 'minutes.disclosed')!;
    expect(disclosed.payload).toMatchObject({ text: SECRET, textSha256: row!.textSha256, matter: 'personnel' });
    expect((await loadMinutesView(await ctxOf(m.id), null)).minutes!.text).toBe(SECRET);
    await refusedByDatabase(db.update(meetingMinutes).set({ disclosedAt: null }).where(eq(meetingMinutes.id, row!.id)));
    expect(await publicBodies()).toContain('CONFIDENTIAL-7731');

    const { doc, report } = await exportAndVerifyLog(db, orgId);
    expect(report.ok, JSON.stringify(report.problems)).toBe(true);
    const check = await checkExport(doc);
    expect(check.report.ok, JSON.stringify(check.report.problems)).toBe(true);
    expect(check.minutesChecked).toBeGreaterThanOrEqual(2);

    // A tampered disclosure: another text than the one sealed. The verifier fails it.
    const tampered = structuredClone(doc) as { entries: { kind: string; subject: string; payload: Record<string, unknown> }[] };
    const entry = tampered.entries.find((e) => e.kind === 'minutes.disclosed' && e.subject === `meeting:${m.id}`)!;
    entry.payload.text = SECRET.replace('for cause', 'by mutual agreement');
    const bad = await checkExport(tampered);
    expect(bad.report.ok).toBe(false);
    expect(bad.report.problems.map((p) => p.kind)).toContain('minutes_mismatch');
    expect(checkMinutes(tampered.entries).problems).toHaveLength(1);
  });

  it('the verifier also fails a disclosure with no seal, a second disclosure, and a sealed open text that does not match', () => {
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    const e = (seq: number, kind: string, payload: Record<string, unknown>, subject = 'meeting:x') => ({ seq, kind, subject, payload });
    expect(checkMinutes([e(1, 'minutes.disclosed', { text: 'a' })]).problems).toHaveLength(1);
    const sealed = e(1, 'minutes.sealed', { closedSession: true, textSha256: sha('secret') });
    expect(checkMinutes([sealed, e(2, 'minutes.disclosed', { text: 'secret' })])).toEqual({ problems: [], checked: 1 });
    expect(checkMinutes([sealed, e(2, 'minutes.disclosed', { text: 'secret' }), e(3, 'minutes.disclosed', { text: 'secret' })]).problems).toHaveLength(1);
    expect(checkMinutes([e(1, 'minutes.sealed', { closedSession: false, textSha256: sha('open'), text: 'opened' })]).problems).toHaveLength(1);
    expect(checkMinutes([e(1, 'minutes.sealed', { closedSession: true, textSha256: sha('s'), text: 's' })]).problems).toHaveLength(1);
  });
});

it('every minutes entry reads in words, and the log still verifies', async () => {
  const { report, entries, words: summaries } = await loggedEntriesInWords(db, orgId, 'minutes.', () => 'Board');
  expect(report.problems).toEqual([]);
  expect(new Set(entries.map((e) => e.kind))).toEqual(
    new Set(['minutes.drafted', 'minutes.approved', 'minutes.rejected', 'minutes.sealed', 'minutes.disclosed']),
  );
  for (const words of summaries) {
    expect(words).toMatch(/minutes of meeting #\d+/i);
    expect(words).not.toContain('CONFIDENTIAL');
  }
});
