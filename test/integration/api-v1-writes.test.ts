/**
 * The proposal life cycle through /api/v1 (create a draft, publish, withdraw, the result) and the
 * new reads (bodies and seats, the decision log), with the bad input issue 16 names: an expired,
 * revoked or wrongly scoped token (read-only writing, another organization's), a body failing the
 * schema, a rule's refusal — each a problem, each leaving every table as it was.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { apiTokens, decisionLog, memberships, organizations, proposals } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import type { Role } from '@/lib/governance/roles';
import type * as ClockModule from '@/lib/clock';
import { issueApiToken } from '@/lib/use-cases/api-tokens';
import { apiV1Fetch } from './api-routes';
import { foundWithNamedPeople } from './fixtures/organization';
import { expectRedirect, form, session, signInAs, writableRowCounts } from './helpers';
import { apiV1File } from './support/api-v1-file';

const DAY = 86_400_000;
const T0 = new Date('2026-08-01T12:00:00Z');
const clock = { now: T0 };
vi.mock('@/lib/clock', async (importOriginal) => ({ ...(await importOriginal<typeof ClockModule>()), now: () => new Date(clock.now) }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const proposalActions = await import('@/app/o/[slug]/proposals/actions');

let db: Database;
let orgId = '';
let otherOrgId = '';
const ids: Record<string, string> = {};
const fetch = apiV1Fetch();
const base = 'http://quorate.test/api/v1/orgs';

apiV1File(
  (handle) => (db = handle),
  async () => {
    const founded = await foundWithNamedPeople(db, {
      slug: 'writes',
      name: 'Writes',
      people: ['admin', 'author', 'member', 'outsider'],
      domain: 'writes.example.org',
      founder: 'admin',
      members: ['author', 'member'],
      seated: ['admin', 'author'],
      at: new Date(T0.getTime() - 10 * DAY),
      other: { slug: 'writes-other', founder: 'outsider' },
    });
    Object.assign(ids, founded.ids);
    ({ orgId, otherOrgId } = founded);
    await db.insert(memberships).values({ orgId: otherOrgId, userId: ids.author!, role: 'member' as Role });
  },
);

type Body = Record<string, unknown> & { code?: string; errors?: Record<string, string[]> };
async function call(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  type = 'application/json',
): Promise<{ status: number; body: Body; type: string }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'Content-Type': type } : {}) },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Body, type: res.headers.get('content-type') ?? '' };
}

const token = async (who: string, scope: 'read' | 'write' = 'write', org: string | null = orgId, days = 30) =>
  (await issueApiToken(db, ids[who]!, { name: `${who} ${scope}`, scope, orgId: org, expiresInDays: days }, new Date(clock.now))).token;

const draft = { typeKey: 'resolution', title: 'Plant an orchard', body: 'Twelve apple trees along the south fence, planted in autumn.' };

/** The request is refused with `status` and `code` as a problem, and no table changed. */
async function refusedAndUnchanged(status: number, code: string, run: () => Promise<{ status: number; body: Body; type: string }>) {
  const before = await writableRowCounts(db);
  const res = await run();
  expect(res.type).toMatch(/^application\/problem\+json/);
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  expect(await writableRowCounts(db)).toEqual(before);
  return res.body;
}

describe('/api/v1 proposal life cycle', () => {
  it('a draft: created by a write token, seen by its author only; the form creates the same', async () => {
    clock.now = T0;
    const write = await token('author');
    const created = await call('POST', '/writes/proposals', write, draft);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ ok: true, proposal: { number: 1, status: 'draft' } });
    expect((await call('GET', '/writes/proposals/1', write)).body).toMatchObject({ status: 'draft', title: 'Plant an orchard' });
    expect((await call('GET', '/writes/proposals/1', await token('member'))).status).toBe(404);
    expect((await call('GET', '/writes/proposals/1')).status).toBe(404);
    // Another member cannot publish or withdraw it: they cannot even see it.
    const memberWrite = await token('member');
    await refusedAndUnchanged(404, 'api.not_found', () => call('POST', '/writes/proposals/1/publish', memberWrite, {}));
    signInAs({ id: ids.author!, email: 'author@writes.example.org', name: 'author person' });
    const to = await expectRedirect(() => proposalActions.createProposalAction(initialActionState, form({ orgId, ...draft })));
    expect(to).toBe('/o/writes/proposals/2');
    const rows = await db.select().from(proposals).where(eq(proposals.orgId, orgId));
    expect(rows.map((r) => [r.number, r.status, r.title])).toEqual([
      [1, 'draft', 'Plant an orchard'],
      [2, 'draft', 'Plant an orchard'],
    ]);
  });

  it('bad tokens change nothing: none, garbage, expired, revoked (401); read-only or another organization’s (403)', async () => {
    clock.now = T0;
    await refusedAndUnchanged(401, 'api.unauthenticated', () => call('POST', '/writes/proposals', undefined, draft));
    await refusedAndUnchanged(401, 'api.unauthenticated', () => call('POST', '/writes/proposals', 'qrt_' + 'x'.repeat(43), draft));
    const expiring = await token('author', 'write', orgId, 7);
    clock.now = new Date(T0.getTime() + 7 * DAY);
    await refusedAndUnchanged(401, 'api.unauthenticated', () => call('POST', '/writes/proposals', expiring, draft));
    await refusedAndUnchanged(401, 'api.unauthenticated', () => call('POST', '/writes/proposals/1/publish', expiring, {}));
    clock.now = T0;
    const revoked = await token('author');
    await db.update(apiTokens).set({ revokedAt: T0 }).where(eq(apiTokens.userId, ids.author!));
    await refusedAndUnchanged(401, 'api.unauthenticated', () => call('POST', '/writes/proposals/1/withdraw', revoked, { reason: 'Changed my mind.' }));
    const readOnly = await token('author', 'read');
    await refusedAndUnchanged(403, 'api.read_only', () => call('POST', '/writes/proposals', readOnly, draft));
    await refusedAndUnchanged(403, 'api.read_only', () => call('POST', '/writes/proposals/1/publish', readOnly, {}));
    const elsewhere = await token('author', 'write', otherOrgId);
    await refusedAndUnchanged(403, 'api.other_organization', () => call('POST', '/writes/proposals', elsewhere, draft));
    await refusedAndUnchanged(403, 'api.other_organization', () => call('POST', '/writes/proposals/1/withdraw', elsewhere, { reason: 'Changed my mind.' }));
    // An outsider's write token: the form's own refusal.
    const outsider = await token('outsider', 'write', null);
    await refusedAndUnchanged(403, 'action.forbidden', () => call('POST', '/writes/proposals', outsider, draft));
  });

  it('a body failing the schema is a 400 naming each field, and changes nothing', async () => {
    clock.now = T0;
    const write = await token('author');
    const bad = await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', '/writes/proposals', write, { typeKey: '', title: 'x', body: 7 }));
    expect(Object.keys(bad.errors ?? {}).sort()).toEqual(['body', 'title', 'typeKey']);
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', '/writes/proposals', write, '[1,2]'));
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', '/writes/proposals/1/publish', write, { confirmFoundingClose: 'maybe' }));
    const short = await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', '/writes/proposals/1/withdraw', write, { reason: 'no' }));
    expect(Object.keys(short.errors ?? {})).toEqual(['reason']);
    await refusedAndUnchanged(415, 'action.invalid_input', () => call('POST', '/writes/proposals', write, 'title=x', 'application/x-www-form-urlencoded'));
    // A rule's "no" (an unknown proposal type) is a 409 with the rule's code, the form's own.
    const unknownType = await refusedAndUnchanged(409, 'proposal.type_unknown', () => call('POST', '/writes/proposals', write, { ...draft, typeKey: 'nope' }));
    signInAs({ id: ids.author!, email: 'author@writes.example.org', name: 'author person' });
    const state = await proposalActions.createProposalAction(initialActionState, form({ orgId, ...draft, typeKey: 'nope' }));
    expect([state.code, state.message]).toEqual([unknownType.code, unknownType.detail]);
  });

  it('publish: the founding-close rule is a 409 that changes nothing; confirmed, it publishes as the form does', async () => {
    clock.now = T0;
    const write = await token('author');
    await refusedAndUnchanged(409, 'founding.close_unconfirmed', () => call('POST', '/writes/proposals/1/publish', write));
    const published = await call('POST', '/writes/proposals/1/publish', write, { confirmFoundingClose: 'yes' });
    expect(published).toMatchObject({ status: 200, body: { ok: true, proposal: { number: 1, status: 'published' } } });
    signInAs({ id: ids.author!, email: 'author@writes.example.org', name: 'author person' });
    const p2 = (
      await db
        .select()
        .from(proposals)
        .where(and(eq(proposals.orgId, orgId), eq(proposals.number, 2)))
    )[0]!;
    expect((await proposalActions.publishProposalAction(initialActionState, form({ orgId, proposalId: p2.id }))).ok).toBe(true);
    const entries = await db
      .select()
      .from(decisionLog)
      .where(and(eq(decisionLog.orgId, orgId), eq(decisionLog.kind, 'proposal.published')));
    expect(entries).toHaveLength(2);
    expect(Object.keys(entries[0]!.payload).sort()).toEqual(Object.keys(entries[1]!.payload).sort());
    expect((await call('GET', '/writes/proposals/1')).body).toMatchObject({ status: 'published', phase: { kind: 'discussion' } });
    // Published twice: the rule refuses.
    await refusedAndUnchanged(409, 'proposal.publish_not_allowed', () => call('POST', '/writes/proposals/1/publish', write, {}));
  });

  it('withdraw: another member is refused as by the form; the author withdraws, and the result says so', async () => {
    clock.now = new Date(T0.getTime() + DAY);
    const reason = { reason: 'The orchard needs a survey first.' };
    const memberWrite = await token('member');
    const refused = await refusedAndUnchanged(409, 'proposal.withdraw_not_allowed', () => call('POST', '/writes/proposals/1/withdraw', memberWrite, reason));
    const p1 = (
      await db
        .select()
        .from(proposals)
        .where(and(eq(proposals.orgId, orgId), eq(proposals.number, 1)))
    )[0]!;
    signInAs({ id: ids.member!, email: 'member@writes.example.org', name: 'member person' });
    const state = await proposalActions.withdrawProposalAction(initialActionState, form({ orgId, proposalId: p1.id, ...reason }));
    expect(state.code).toBe(refused.code);
    const done = await call('POST', '/writes/proposals/1/withdraw', await token('author'), reason);
    expect(done).toMatchObject({ status: 200, body: { ok: true, proposal: { number: 1, status: 'withdrawn' } } });
    const res = await call('GET', '/writes/proposals/1/result');
    expect(res.body).toMatchObject({ number: 1, decided: true, outcome: 'withdrawn', phase: { kind: 'withdrawn' } });
    expect((await call('GET', '/writes/proposals/2/result')).body).toMatchObject({ decided: false, outcome: null });
    expect((await call('GET', '/writes/proposals/99/result')).status).toBe(404);
  });
});

describe('/api/v1 bodies and the decision log', () => {
  it('bodies: every seat, its holder’s name or its vacancy with the deadline; no e-mail addresses', async () => {
    clock.now = T0;
    const res = await call('GET', '/writes/bodies');
    expect(res.status).toBe(200);
    type Seat = { holder: string | null; vacant: boolean; vacancyDueAt: string | null; overdue: boolean };
    const board = (res.body.bodies as { key: string; charterSeats: number; filledSeats: number; vacantSeats: number; seats: Seat[] }[]).find(
      (b) => b.key === 'board',
    )!;
    expect(board.filledSeats).toBe(2);
    expect(board.vacantSeats).toBe(board.charterSeats - 2);
    expect(board.seats.filter((s) => !s.vacant).map((s) => s.holder)).toEqual(['admin person', 'author person']);
    const vacant = board.seats.filter((s) => s.vacant);
    expect(vacant.length).toBeGreaterThan(0);
    expect(vacant.every((s) => s.holder === null && (s.vacancyDueAt === null || !Number.isNaN(Date.parse(s.vacancyDueAt))))).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain('@writes.example.org');
    await db.update(organizations).set({ isPublic: false }).where(eq(organizations.id, otherOrgId));
    expect((await call('GET', '/writes-other/bodies')).status).toBe(404);
    expect((await call('GET', '/writes-other/bodies', await token('author', 'read', null))).status).toBe(200);
  });

  it('the log: newest first, a page at a time by cursor, filtered by kind; bad queries are 400', async () => {
    clock.now = T0;
    const all = (await db.select({ seq: decisionLog.seq }).from(decisionLog).where(eq(decisionLog.orgId, orgId)))
      .map((e) => Number(e.seq))
      .sort((a, b) => b - a);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: Body } = await call('GET', `/writes/log?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      const entries = page.body.entries as { seq: number; problem: string | null; entry: string; kind: string }[];
      expect(entries.length).toBeLessThanOrEqual(3);
      expect(entries.every((e) => e.problem === null && JSON.parse(e.entry).kind === e.kind)).toBe(true);
      seen.push(...entries.map((e) => e.seq));
      cursor = page.body.next_cursor as string | null;
    } while (cursor);
    expect(seen).toEqual(all);
    const published = await call('GET', '/writes/log?kind=proposal.published');
    expect((published.body.entries as { kind: string }[]).map((e) => e.kind)).toEqual(['proposal.published', 'proposal.published']);
    for (const q of ['limit=0', 'cursor=abc', 'kind=DROP TABLE']) {
      const bad = await call('GET', `/writes/log?${q}`);
      expect(bad.status, q).toBe(400);
      expect(bad.body.code).toBe('action.invalid_input');
    }
    expect((await call('GET', '/writes-other/log')).status).toBe(404);
  });
});
