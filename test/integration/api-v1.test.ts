/**
 * The REST API (/api/v1) through its route handlers, with Request objects: a journey with a token
 * (read, comment, vote, read the result after the close), and the refusals — no token, a garbage,
 * expired or revoked one, a read-only one, another organization's, a body failing the schema, an
 * outsider voting. A vote through the API must leave the same kind of log entry as the form's.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { apiTokens, decisionLog, memberships } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import type { Role } from '@/lib/governance/roles';
import type * as ClockModule from '@/lib/clock';
import { issueApiToken } from '@/lib/use-cases/api-tokens';
import { createDraft } from '@/lib/use-cases/drafts';
import { publishProposal } from '@/lib/use-cases/publish';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { foundWithNamedPeople } from './fixtures/organization';
import { form, session, signInAs } from './helpers';
import { apiV1File } from './support/api-v1-file';

const DAY = 86_400_000;
const T0 = new Date('2026-06-01T12:00:00Z');
const clock = { now: T0 };
vi.mock('@/lib/clock', async (importOriginal) => ({ ...(await importOriginal<typeof ClockModule>()), now: () => new Date(clock.now) }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const orgRoute = await import('@/app/api/v1/orgs/[slug]/route');
const listRoute = await import('@/app/api/v1/orgs/[slug]/proposals/route');
const proposalRoute = await import('@/app/api/v1/orgs/[slug]/proposals/[number]/route');
const commentsRoute = await import('@/app/api/v1/orgs/[slug]/proposals/[number]/comments/route');
const ballotsRoute = await import('@/app/api/v1/orgs/[slug]/proposals/[number]/ballots/route');
const proposalActions = await import('@/app/o/[slug]/proposals/actions');

let db: Database;
const ids: Record<string, string> = {};
let orgId = '';
let otherOrgId = '';
let votingNumber = 0;
let votingId = '';
let discussionNumber = 0;

apiV1File(
  (handle) => (db = handle),
  async () => {
    const founded = await foundWithNamedPeople(db, {
      slug: 'api-org',
      name: 'API Org',
      people: ['admin', 'seat', 'seat2', 'member', 'outsider', 'b1', 'b2'],
      domain: 'api.example.org',
      founder: 'admin',
      members: ['seat', 'seat2', 'member', 'b1', 'b2'],
      seated: ['seat', 'seat2', 'b1', 'b2', 'admin'],
      at: new Date(T0.getTime() - 20 * DAY),
      other: { slug: 'api-other', founder: 'outsider' },
    });
    Object.assign(ids, founded.ids);
    ({ orgId, otherOrgId } = founded);
    const admin = { userId: ids.admin!, role: 'admin' as Role };
    const draft = async (title: string, at: Date) => {
      const d = await createDraft(
        db,
        admin,
        {
          orgId,
          typeKey: 'resolution',
          title,
          body: 'A body long enough for the rules to accept it.',
          subjectUserId: null,
          effect: {},
          emergency: false,
          options: [],
        },
        at,
      );
      await publishProposal(db, admin, { orgId, proposalId: d.id }, at);
      return d;
    };
    const voting = await draft('Buy a kettle', new Date(T0.getTime() - 8 * DAY));
    await recordTransitions(db, voting.id, orgId, new Date(T0.getTime() - DAY / 2));
    votingId = voting.id;
    votingNumber = voting.number;
    discussionNumber = (await draft('Paint the hall', new Date(T0.getTime() - DAY))).number;
  },
);

const base = 'http://quorate.test/api/v1/orgs';
const get = (path: string, token?: string) => new Request(`${base}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
const post = (path: string, body: unknown, token?: string, type = 'application/json') =>
  new Request(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': type, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });
const vote = (number: number, body: unknown, token?: string) =>
  ballotsRoute.POST(post(`/api-org/proposals/${number}/ballots`, body, token), params({ slug: 'api-org', number: String(number) }));
const readProposal = (number: number, token?: string) =>
  proposalRoute.GET(get(`/api-org/proposals/${number}`, token), params({ slug: 'api-org', number: String(number) }));

async function problemOf(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as { status: number; code: string; type: string; title: string; detail: string; errors?: Record<string, string[]> };
  expect(body.status).toBe(res.status);
  expect(body.type).toBe(`urn:quorate:problem:${body.code}`);
  expect(body.title && body.detail).toBeTruthy();
  return body;
}

const token = async (who: string, scope: 'read' | 'write', org: string | null = null, days = 30) =>
  (await issueApiToken(db, ids[who]!, { name: `${who} ${scope}`, scope, orgId: org, expiresInDays: days }, new Date(clock.now))).token;

describe('/api/v1', () => {
  it('journey: read, comment, vote while voting is open (no ballots shown; the count after the close, last test)', async () => {
    clock.now = T0;
    const write = await token('seat', 'write');
    const org = await orgRoute.GET(get('/api-org', write), params({ slug: 'api-org' }));
    expect(org.status).toBe(200);
    const orgBody = (await org.json()) as { bodies: { key: string; charterSeats: number; seats: { holder: string | null }[] }[] };
    const boardBody = orgBody.bodies.find((b) => b.key === 'board')!;
    expect(boardBody.seats.filter((s) => s.holder).map((s) => s.holder)).toContain('seat person');
    expect(JSON.stringify(orgBody)).not.toContain('@api.example.org');

    const list = await listRoute.GET(get('/api-org/proposals?limit=1'), params({ slug: 'api-org' }));
    const page1 = (await list.json()) as { proposals: { number: number }[]; next_cursor: string | null };
    expect(page1.proposals).toHaveLength(1);
    expect(page1.next_cursor).not.toBeNull();
    const list2 = await listRoute.GET(get(`/api-org/proposals?limit=1&cursor=${page1.next_cursor}`), params({ slug: 'api-org' }));
    const page2 = (await list2.json()) as { proposals: { number: number }[]; next_cursor: string | null };
    expect(page2.proposals[0]!.number).toBeLessThan(page1.proposals[0]!.number);
    expect(page2.next_cursor).toBeNull();

    const commented = await commentsRoute.POST(
      post(`/api-org/proposals/${discussionNumber}/comments`, { body: 'Which colour?', stance: 'concern' }, write),
      params({ slug: 'api-org', number: String(discussionNumber) }),
    );
    expect(commented.status).toBe(201);

    const voted = await vote(votingNumber, { choice: 'yes', rationale: 'Tea matters.' }, write);
    expect(voted.status).toBe(201);
    expect(await voted.json()).toEqual({ ok: true, ballot: { choice: 'yes' } });

    const during = (await (await readProposal(votingNumber)).json()) as { phase: { kind: string }; stages: { closed: boolean; tally: unknown }[] };
    expect(during.phase.kind).toBe('voting');
    expect(during.stages[0]).toMatchObject({ closed: false, tally: null });
    expect(JSON.stringify(during)).not.toMatch(/"yes"|Tea matters/);
  });

  it('a vote through the API leaves the same log entry as one through the form', async () => {
    clock.now = T0;
    const readEntry = async (actor: string) =>
      (
        await db
          .select()
          .from(decisionLog)
          .where(and(eq(decisionLog.orgId, orgId), eq(decisionLog.kind, 'ballot.cast'), eq(decisionLog.actorId, ids[actor]!)))
      )
        .map((e) => ({ kind: e.kind, subject: e.subject, keys: Object.keys(e.payload).sort(), stageIndex: e.payload.stageIndex, number: e.payload.number }))
        .at(-1);
    signInAs({ id: ids.seat2!, email: 'seat2@api.example.org', name: 'seat2 person' });
    const state = await proposalActions.castBallotAction(initialActionState, form({ orgId, proposalId: votingId, choice: 'no' }));
    expect(state.ok).toBe(true);
    const viaApi = await readEntry('seat');
    expect(viaApi).toBeTruthy();
    expect(await readEntry('seat2')).toEqual(viaApi);
  });

  it('writes need a write token: none or read-only is refused, garbage/expired/revoked is 401', async () => {
    clock.now = T0;
    expect((await problemOf(await vote(votingNumber, { choice: 'yes' }))).code).toBe('api.unauthenticated');
    const read = await token('seat', 'read');
    const refused = await vote(votingNumber, { choice: 'yes' }, read);
    expect(refused.status).toBe(403);
    expect((await problemOf(refused)).code).toBe('api.read_only');
    for (const bad of ['qrt_' + 'A'.repeat(43), 'not-a-token', read.slice(0, -1)]) {
      const res = await readProposal(votingNumber, bad);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await problemOf(res)).code).toBe('api.unauthenticated');
    }
    const expiring = await token('seat', 'write', null, 7);
    clock.now = new Date(T0.getTime() + 8 * DAY);
    expect((await readProposal(votingNumber, expiring)).status).toBe(401);
    clock.now = T0;
    const revoked = await token('seat', 'write');
    await db.update(apiTokens).set({ revokedAt: T0 }).where(eq(apiTokens.userId, ids.seat!));
    expect((await vote(votingNumber, { choice: 'no' }, revoked)).status).toBe(401);
  });

  it("another organization's token is refused (403), and a private organization is a 404 without a member's token", async () => {
    clock.now = T0;
    await db.insert(memberships).values({ orgId: otherOrgId, userId: ids.member!, role: 'member' });
    const elsewhere = await token('member', 'write', otherOrgId);
    const res = await orgRoute.GET(get('/api-org', elsewhere), params({ slug: 'api-org' }));
    expect(res.status).toBe(403);
    expect((await problemOf(res)).code).toBe('api.other_organization');
    expect((await vote(votingNumber, { choice: 'yes' }, elsewhere)).status).toBe(403);
    await db
      .update((await import('@/db/schema')).organizations)
      .set({ isPublic: false })
      .where(eq((await import('@/db/schema')).organizations.id, otherOrgId));
    expect((await orgRoute.GET(get('/api-other'), params({ slug: 'api-other' }))).status).toBe(404);
    expect((await orgRoute.GET(get('/api-nope'), params({ slug: 'api-nope' }))).status).toBe(404);
    expect((await orgRoute.GET(get('/api-other', elsewhere), params({ slug: 'api-other' }))).status).toBe(200);
  });

  it('a body failing the form schema is a 400 problem naming the fields', async () => {
    clock.now = T0;
    const write = await token('b1', 'write');
    const res = await vote(votingNumber, { choice: 'maybe', rationale: 7 }, write);
    expect(res.status).toBe(400);
    const body = await problemOf(res);
    expect(body.code).toBe('action.invalid_input');
    expect(Object.keys(body.errors ?? {}).sort()).toEqual(['choice', 'rationale']);
    expect((await vote(votingNumber, 'not json{', write)).status).toBe(400);
    const huge = await problemOf(await vote(votingNumber, { choice: 'yes', rationale: 'x'.repeat(70_000) }, write));
    expect(huge.errors).toEqual({ _form: ['The body is too large.'] });
    const formPosted = post(`/api-org/proposals/${votingNumber}/ballots`, 'choice=yes', write, 'application/x-www-form-urlencoded');
    expect((await ballotsRoute.POST(formPosted, params({ slug: 'api-org', number: String(votingNumber) }))).status).toBe(415);
    // The path names the proposal: a proposalId or orgId in the body is ignored.
    const forged = await vote(votingNumber, { choice: 'yes', orgId: otherOrgId, proposalId: '00000000-0000-4000-8000-000000000000' }, write);
    expect(forged.status).toBe(201);
  });

  it('an outsider cannot vote: the same refusal as the form', async () => {
    clock.now = T0;
    const write = await token('outsider', 'write');
    const res = await vote(votingNumber, { choice: 'yes' }, write);
    expect(res.status).toBe(403);
    const body = await problemOf(res);
    signInAs({ id: ids.outsider!, email: 'outsider@api.example.org', name: null });
    const state = await proposalActions.castBallotAction(initialActionState, form({ orgId, proposalId: votingId, choice: 'yes' }));
    expect(state.ok).toBe(false);
    expect(body.code).toBe(state.code);
    expect(body.detail).toBe(state.message);
    // A member without a seat: the rules' own refusal code, as the form gets it.
    const member = await token('member', 'write');
    const memberRes = await vote(votingNumber, { choice: 'yes' }, member);
    signInAs({ id: ids.member!, email: 'member@api.example.org', name: null });
    const memberState = await proposalActions.castBallotAction(initialActionState, form({ orgId, proposalId: votingId, choice: 'yes' }));
    expect((await problemOf(memberRes)).code).toBe(memberState.code);
    expect(memberRes.status).toBe(409);
  });

  it('unknown proposals and bad cursors are problems', async () => {
    clock.now = T0;
    expect((await readProposal(9999)).status).toBe(404);
    const bad = await listRoute.GET(get('/api-org/proposals?limit=500'), params({ slug: 'api-org' }));
    expect(bad.status).toBe(400);
    expect(Object.keys((await problemOf(bad)).errors ?? {})).toEqual(['limit']);
  });

  it('the ballot rate limit is the form’s, shared: 20 a minute per person, then 429', async () => {
    clock.now = T0;
    const write = await token('b2', 'write');
    signInAs({ id: ids.b2!, email: 'b2@api.example.org', name: 'b2 person' });
    for (let i = 0; i < 10; i++)
      expect((await proposalActions.castBallotAction(initialActionState, form({ orgId, proposalId: votingId, choice: 'yes' }))).ok).toBe(true);
    for (let i = 0; i < 10; i++) expect((await vote(votingNumber, { choice: i % 2 ? 'yes' : 'no' }, write)).status).toBe(201);
    const limited = await vote(votingNumber, { choice: 'no' }, write);
    expect(limited.status).toBe(429);
    expect((await problemOf(limited)).code).toBe('rate_limit.exceeded');
    expect((await proposalActions.castBallotAction(initialActionState, form({ orgId, proposalId: votingId, choice: 'no' }))).code).toBe('rate_limit.exceeded');
  });

  it('after the close: the stage count, never a ballot while it was open', async () => {
    clock.now = new Date(T0.getTime() + 4 * DAY);
    await recordTransitions(db, votingId, orgId, clock.now);
    const write = await token('seat', 'write');
    const after = (await (await readProposal(votingNumber, write)).json()) as {
      phase: { kind: string };
      stages: { closed: boolean; tally: { yes: number; no: number; cast: number } }[];
    };
    // seat, b1 and b2 (last ballot: yes) voted yes through the API, seat2 no through the form.
    expect(after.stages[0]).toMatchObject({ closed: true, tally: { yes: 3, no: 1, cast: 4 } });
    expect(['passed', 'rejected', 'failed_quorum']).toContain(after.phase.kind);
    const late = await vote(votingNumber, { choice: 'no' }, write);
    expect(late.status).toBe(409);
    clock.now = T0;
  });
});
