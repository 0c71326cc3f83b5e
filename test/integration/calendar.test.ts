/**
 * Calendar feeds: an organization's public feed (what its public pages show, never a draft; one
 * body's with ?body=), and a person's private feed behind a hashed token (their organizations
 * only; a rotated, forged or malformed token answers exactly like an unknown address), and the
 * account actions that create and replace it. The session is the mocked one.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { calendarFeeds, memberships, organizations } from '@/db/schema';
import { personalDataExport } from '@/db/queries/account-export';
import { initialActionState } from '@/lib/actions/state';
import { hashCalendarToken } from '@/lib/auth/calendar-token';
import { charterFromTemplate } from '@/lib/governance/charter';
import { deleteAccount } from '@/lib/use-cases/account';
import { createDraft } from '@/lib/use-cases/drafts';
import { publishProposal } from '@/lib/use-cases/publish';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { withdrawProposal } from '@/lib/use-cases/withdraw';
import type { Actor } from '@/lib/use-cases/actor';
import { publicExportCacheControl } from '@/lib/transparency/public-org';
import { parseICalendar } from '../support/icalendar-parse';
import { foundOrganization, withMemberAssembly } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { form, session, signInAs, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { GET: orgFeed } = await import('@/app/o/[slug]/calendar.ics/route');
const { GET: personalFeed } = await import('@/app/calendar/[feed]/route');
const { createCalendarFeedAction, rotateCalendarFeedAction } = await import('@/app/account/actions');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let db: Database;
withTestDatabase({ app: true }, (handle) => (db = handle.db));

const orgCalendar = (slug: string, query = '') =>
  orgFeed(new Request(`http://quorate.test/o/${slug}/calendar.ics${query}`), { params: Promise.resolve({ slug }) });
const feedAt = (segment: string) => personalFeed(new Request(`http://quorate.test/calendar/${segment}`), { params: Promise.resolve({ feed: segment }) });
const as = (userId: string) => signInAs({ id: userId, email: `${userId}@example.org`, name: null });
const uids = (text: string) => parseICalendar(text).events.map((e) => e.UID!);
const summaries = (text: string) => parseICalendar(text).events.map((e) => e.SUMMARY!);

let open: FoundedOrganization;
let quiet: FoundedOrganization;
const p: Record<'discussion' | 'boardVote' | 'memberVote' | 'draft' | 'withdrawn' | 'quiet', string> = {
  discussion: '',
  boardVote: '',
  memberVote: '',
  draft: '',
  withdrawn: '',
  quiet: '',
};

async function proposal(org: FoundedOrganization, by: Actor, title: string, typeKey: string, publishedDaysAgo: number | null): Promise<string> {
  const at = new Date(Date.now() - (publishedDaysAgo ?? 0) * DAY);
  const body = 'A body long enough for the rules to accept it.';
  const { id } = await createDraft(db, by, { orgId: org.orgId, typeKey, title, body, subjectUserId: null, effect: {}, emergency: false }, at);
  if (publishedDaysAgo !== null) await publishProposal(db, by, { orgId: org.orgId, proposalId: id }, at);
  return id;
}

beforeAll(async () => {
  const charter = charterFromTemplate('nonprofit_board');
  withMemberAssembly(charter);
  const at = new Date(Date.now() - 30 * DAY);
  open = await foundOrganization(db, { slug: 'cal-open', name: 'Open, Inc; "Co"', seated: 5, at, charter });
  quiet = await foundOrganization(db, { slug: 'cal-quiet', name: 'Quiet', seated: 3, at });
  await db.update(organizations).set({ isPublic: false }).where(eq(organizations.id, quiet.orgId));
  // Person 6 of the open organization (no seat) also belongs to the private one.
  await db.insert(memberships).values({ orgId: quiet.orgId, userId: open.people[6]!.userId, role: 'member' });

  p.discussion = await proposal(open, open.admin, 'Buy a boat, a sail; and rope', 'resolution', 1);
  p.boardVote = await proposal(open, open.admin, 'Board vote', 'resolution', 8);
  p.memberVote = await proposal(open, open.admin, 'Member vote', 'member_vote', 8);
  p.draft = await proposal(open, open.people[6]!, 'Secret draft title', 'resolution', null);
  p.withdrawn = await proposal(open, open.admin, 'Withdrawn one', 'resolution', 1);
  await withdrawProposal(db, open.admin, { orgId: open.orgId, proposalId: p.withdrawn, reason: 'Changed our minds.' }, new Date());
  p.quiet = await proposal(quiet, quiet.admin, 'Quiet proposal', 'resolution', 1);
  for (const id of [p.boardVote, p.memberVote]) await recordTransitions(db, id, open.orgId, new Date(Date.now() - 12 * HOUR));
}, 120_000);

beforeEach(() => signInAs(null));

describe('an organization’s public feed', () => {
  it('lists the comment and voting closes of published proposals, never a draft; a withdrawal is CANCELLED', async () => {
    const res = await orgCalendar('cal-open');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe(publicExportCacheControl);
    const text = await res.text();
    // RFC 5545 §3.1: every line ends with CRLF, the last one too (the parser refuses anything else).
    expect(text.endsWith('\r\nEND:VCALENDAR\r\n')).toBe(true);
    const cal = parseICalendar(text);
    expect(cal.props['X-WR-CALNAME']).toBe('Open, Inc; "Co"');
    expect(uids(text)).toEqual(
      expect.arrayContaining([
        `proposal-${p.discussion}-comment-close@quorate.test`,
        `proposal-${p.boardVote}-stage-0-voting-close@quorate.test`,
        `proposal-${p.memberVote}-stage-0-voting-close@quorate.test`,
      ]),
    );
    expect(text).not.toContain(p.draft);
    expect(text).not.toContain('Secret draft');
    expect(text).not.toContain('★');
    const withdrawn = cal.events.filter((e) => e.UID!.includes(p.withdrawn));
    expect(withdrawn.length).toBeGreaterThan(0);
    expect(withdrawn.every((e) => e.STATUS === 'CANCELLED')).toBe(true);
    const discussion = cal.events.find((e) => e.UID === `proposal-${p.discussion}-comment-close@quorate.test`)!;
    expect(discussion.SUMMARY).toBe('#1 Buy a boat, a sail; and rope — comment window closes');
    expect(discussion['URL;VALUE=URI']).toBe('http://quorate.test/o/cal-open/proposals/1');
  });

  it('keeps its UIDs from one fetch to the next', async () => {
    expect(uids(await (await orgCalendar('cal-open')).text())).toEqual(uids(await (await orgCalendar('cal-open')).text()));
  });

  it('with ?body= keeps what that body decides; an unknown or odd body is the plain 404', async () => {
    const assembly = await (await orgCalendar('cal-open', '?body=assembly')).text();
    expect(uids(assembly).sort()).toEqual(
      [`proposal-${p.memberVote}-comment-close@quorate.test`, `proposal-${p.memberVote}-stage-0-voting-close@quorate.test`].sort(),
    );
    const board = await (await orgCalendar('cal-open', '?body=board')).text();
    expect(board).not.toContain(p.memberVote);
    expect(board).toContain(`proposal-${p.boardVote}-stage-0-voting-close`);
    const unknown = await orgCalendar('no-such-org');
    for (const q of ['?body=nope', '?body=%3Cscript%3E', `?body=${'a'.repeat(200)}`]) {
      const res = await orgCalendar('cal-open', q);
      expect(res.status, q).toBe(404);
      expect(await res.text(), q).toBe(await unknown.clone().text());
    }
  });

  it('a private organization’s feed is the unknown organization’s 404 without a member’s session', async () => {
    const res = await orgCalendar('cal-quiet');
    expect(res.status).toBe(404);
    expect(await res.text()).toBe(await (await orgCalendar('no-such-org')).text());
    as(quiet.people[1]!.userId);
    const member = await orgCalendar('cal-quiet');
    expect(member.status).toBe(200);
    expect(member.headers.get('cache-control')).toBe('private, no-store');
  });
});

/** Creates the signed-in person's feed through the action; returns its path's last segment. */
async function createFeed(userId: string): Promise<string> {
  as(userId);
  const state = await createCalendarFeedAction(initialActionState, form({}));
  expect(state).toMatchObject({ ok: true });
  return state.recorded!.feedPath!.replace('/calendar/', '');
}

/** Everything a 404 answer shows: status, body and the headers that matter. */
async function answer(res: Response) {
  return { status: res.status, body: await res.text(), type: res.headers.get('content-type'), cache: res.headers.get('cache-control') };
}

describe('a person’s private feed', () => {
  it('covers the organizations its owner belongs to, their own decisions starred, never a draft', async () => {
    const segment = await createFeed(open.people[6]!.userId);
    expect(segment).toMatch(/^[A-Za-z0-9_-]{43}\.ics$/);
    const res = await feedAt(segment);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const text = await res.text();
    expect(text.endsWith('\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(parseICalendar(text).events.length).toBeGreaterThan(0);
    expect(text).toContain(p.quiet);
    expect(text).not.toContain(p.draft);
    const titles = summaries(text);
    // On the member vote's roll: their vote; the board vote is not theirs.
    expect(titles).toContain('★ Your vote: Open, Inc; "Co": #3 Member vote — Member assembly voting closes');
    expect(titles).toContain('Open, Inc; "Co": #2 Board vote — Board voting closes');
    // Its use is noted.
    const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, open.people[6]!.userId));
    expect(row!.lastUsedAt).not.toBeNull();
  });

  it('shows a seat holder their board votes, and only the organizations they have joined', async () => {
    const text = await (await feedAt(await createFeed(open.people[1]!.userId))).text();
    expect(summaries(text)).toContain('★ Your vote: Open, Inc; "Co": #2 Board vote — Board voting closes');
    expect(text).not.toContain(p.quiet);
    // A pending invitation to the private organization is not a membership: its proposals stay out.
    await db.insert(memberships).values({ orgId: quiet.orgId, userId: open.people[9]!.userId, role: 'member', acceptedAt: null });
    const invited = await (await feedAt(await createFeed(open.people[9]!.userId))).text();
    expect(invited).toContain(p.discussion);
    expect(invited).not.toContain(p.quiet);
  });

  it('stores only the token’s hash', async () => {
    const segment = await createFeed(open.people[2]!.userId);
    const token = segment.slice(0, -4);
    const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, open.people[2]!.userId));
    expect(row!.tokenHash).toBe(hashCalendarToken(token));
    expect(row!.tokenHash).not.toContain(token);
    // The personal data export has the link's dates, neither the token nor its hash.
    const data = await personalDataExport(db, open.people[2]!.userId);
    expect(data!.calendarFeed).toMatchObject({ createdAt: expect.any(Date), rotatedAt: null });
    expect(JSON.stringify(data)).not.toContain(row!.tokenHash);
  });

  it('rotating ends the old address: it, a forged one and a malformed one answer exactly as an unknown address', async () => {
    const old = await createFeed(open.people[3]!.userId);
    expect((await feedAt(old)).status).toBe(200);
    const refused = await rotateCalendarFeedAction(initialActionState, form({}));
    expect(refused).toMatchObject({ ok: false, code: 'action.invalid_input' });
    expect(refused.fieldErrors?.confirmRotate?.[0]).toMatch(/Tick the box/);
    expect((await feedAt(old)).status).toBe(200);
    const rotated = await rotateCalendarFeedAction(initialActionState, form({ confirmRotate: 'yes' }));
    expect(rotated).toMatchObject({ ok: true });
    const fresh = rotated.recorded!.feedPath!.replace('/calendar/', '');
    expect(fresh).not.toBe(old);
    expect((await feedAt(fresh)).status).toBe(200);

    const unknownOrg = await answer(await orgCalendar('no-such-org'));
    expect(unknownOrg.status).toBe(404);
    const forged = `${'A'.repeat(43)}.ics`;
    for (const segment of [old, forged, `${old.slice(0, 42)}.ics`, old.slice(0, -4), `${old}x`, '..%2F..%2Fetc.ics', 'x'.repeat(5000)]) {
      expect(await answer(await feedAt(segment)), segment.slice(0, 50)).toEqual(unknownOrg);
    }
  });

  it('refuses a second link, a replacement without a link, and a signed-out caller', async () => {
    await createFeed(open.people[4]!.userId);
    expect(await createCalendarFeedAction(initialActionState, form({}))).toMatchObject({ ok: false, code: 'calendar.already_created' });
    as(open.people[5]!.userId);
    expect(await rotateCalendarFeedAction(initialActionState, form({ confirmRotate: 'yes' }))).toMatchObject({ ok: false, code: 'calendar.none_to_rotate' });
    signInAs(null);
    expect(await createCalendarFeedAction(initialActionState, form({}))).toMatchObject({ ok: false, code: 'action.signed_out' });
    expect(await rotateCalendarFeedAction(initialActionState, form({ confirmRotate: 'yes' }))).toMatchObject({ ok: false, code: 'action.signed_out' });
  });

  it('limits how often a link can be replaced', async () => {
    await createFeed(open.people[7]!.userId);
    let last = initialActionState;
    for (let i = 0; i < 10; i++) last = await rotateCalendarFeedAction(initialActionState, form({ confirmRotate: 'yes' }));
    expect(last).toMatchObject({ ok: false, code: 'rate_limit.exceeded' });
  });

  it('ends with the account: a deleted account’s address is the plain 404', async () => {
    const segment = await createFeed(open.people[8]!.userId);
    expect((await feedAt(segment)).status).toBe(200);
    await deleteAccount(db, { userId: open.people[8]!.userId, at: new Date() });
    expect(await answer(await feedAt(segment))).toEqual(await answer(await orgCalendar('no-such-org')));
  });
});
