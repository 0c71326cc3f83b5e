/**
 * The /api/v1 operations added in 1.4.0: delegations to the caller, a seat election's nominations,
 * following a proposal, opening voting and petitions. Each read shows what its page shows that
 * person; each write runs the form's own operation (lib/actions/operations.ts): the same rows and
 * refusal codes as the form, and for a read-only token, another organization's token, a body
 * failing the schema or a rule's "no", a problem that leaves every table as it was.
 */
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { memberships, seats, users } from '@/db/schema';
import { insertOrganization } from '@/db/queries/organizations';
import { loadDelegationsPage } from '@/db/read/delegations-page';
import { charterFromTemplate } from '@/lib/governance/templates';
import { createDraft } from '@/lib/use-cases/drafts';
import { foundOrganization, foundingAppoint } from '@/lib/use-cases/founding';
import { publishProposal } from '@/lib/use-cases/publish';
import { createStormOrg } from '@/scripts/support/storm-org';
import type { StormOrg } from '@/scripts/support/storm-org';
import { apiCalls } from './api-calls';
import { withMemberAssembly } from './fixtures/organization';
import { session, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let db: Database;
let otherOrgId = '';
let outsiderId = '';
let org: StormOrg;
withTestDatabase({ app: true }, (handle) => (db = handle.db));
const { call, token } = apiCalls(() => db);

/** A read token of `userId` limited to the other organization (made a member there). */
async function elsewhereReadToken(userId: string) {
  await db.insert(memberships).values({ orgId: otherOrgId, userId, role: 'member' }).onConflictDoNothing();
  return token(userId, otherOrgId, 'read');
}

beforeAll(async () => {
  const [outsider] = await db.insert(users).values({ email: 'outsider@more-acts.example.org', name: 'Out Sider' }).returning();
  outsiderId = outsider!.id;
  otherOrgId = (
    await db.transaction((tx) => insertOrganization(tx, { slug: 'more-acts-other', name: 'Other', mission: '', createdBy: outsider!.id, at: new Date() }))
  ).id;
  org = await createStormOrg(db, {
    slug: 'more-acts',
    seats: 5,
    voteClosesAt: new Date(Date.now() + 86_400_000),
    charterEdit: (c) => withMemberAssembly(c, { delegation: true }),
  });
}, 60_000);

describe('/api/v1 delegations to the caller', () => {
  it('lists who delegates to the caller, directly and through others, as the delegations page does, a page at a time', async () => {
    const [a, b, c, d] = org.voters.map((v) => v.userId);
    const path = `/${org.slug}/delegations/to-me`;
    const read = await token(a!, org.orgId, 'read');
    expect((await call('GET', path, read)).body).toEqual({ carries: 1, delegators: [], next_cursor: null });
    // b and c delegate to a in general (c through b); d for member votes only.
    expect((await call('POST', `/${org.slug}/delegations`, await token(b!, org.orgId), { delegateUserId: a, scope: 'general' })).status).toBe(201);
    expect((await call('POST', `/${org.slug}/delegations`, await token(c!, org.orgId), { delegateUserId: b, scope: 'general' })).status).toBe(201);
    expect((await call('POST', `/${org.slug}/delegations`, await token(d!, org.orgId), { delegateUserId: a, scope: 'type:member_vote' })).status).toBe(201);
    const all = await call('GET', path, read);
    expect(all.status).toBe(200);
    const page = await loadDelegationsPage(org.orgId, a!, new Date());
    expect(all.body.carries).toBe(1 + page.toMeGeneral.length);
    const delegators = all.body.delegators as { name: string; scope: string; direct: boolean; scopeWords: string; typeKey: string | null }[];
    expect(delegators.filter((x) => x.scope === 'general').map((x) => ({ name: x.name, direct: x.direct }))).toEqual(page.toMeGeneral);
    expect(delegators.filter((x) => x.scope !== 'general').map((x) => ({ name: x.name, scope: x.scopeWords }))).toEqual(
      page.toMeOther.map((o) => ({ name: o.name, scope: o.scope })),
    );
    expect(delegators.map((x) => [x.scope, x.direct, x.typeKey])).toEqual([
      ['general', true, null],
      ['general', false, null],
      ['type', true, 'member_vote'],
    ]);
    // Names only: no user id, no e-mail address.
    expect(JSON.stringify(all.body)).not.toMatch(/@|[0-9a-f]{8}-[0-9a-f]{4}-/);
    // Two at a time.
    const first = await call('GET', `${path}?limit=2`, read);
    expect(first.body).toMatchObject({ next_cursor: '2' });
    expect(first.body.delegators).toEqual(delegators.slice(0, 2));
    const second = await call('GET', `${path}?limit=2&cursor=2`, read);
    expect(second.body).toMatchObject({ delegators: delegators.slice(2), next_cursor: null });
  });

  it('needs a member’s token of this organization, and a well-formed cursor', async () => {
    const path = `/${org.slug}/delegations/to-me`;
    expect(await call('GET', path)).toMatchObject({ status: 401, body: { code: 'api.unauthenticated' } });
    expect(await call('GET', path, await token(outsiderId, null, 'read'))).toMatchObject({ status: 403, body: { code: 'action.forbidden' } });
    const elsewhere = await elsewhereReadToken(org.voters[0]!.userId);
    expect(await call('GET', path, elsewhere)).toMatchObject({ status: 403, body: { code: 'api.other_organization' } });
    const bad = await call('GET', `${path}?cursor=x`, await token(org.voters[0]!.userId, org.orgId, 'read'));
    expect(bad).toMatchObject({ status: 400, body: { code: 'action.invalid_input' } });
  });
});

/** A cooperative whose assembly is full and whose board is empty, with a board election in its comment window (as api-v1-nominations.test.ts). */
async function electionOrg(slug: string) {
  const at = new Date(Date.now() - 86_400_000);
  const names = ['Admin', 'Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Eve', 'Fay', 'Gus', 'Hal'];
  const people = await db
    .insert(users)
    .values(names.map((name) => ({ email: `${slug}-${name.toLowerCase()}@example.org`, name, emailVerified: at })))
    .returning({ id: users.id });
  const charter = charterFromTemplate('cooperative');
  const body = charter.bodies.find((b) => b.key === 'members')!;
  body.charterSeats = 6;
  body.minSeatsForCriticalDecisions = 4;
  const admin = people[0]!;
  const orgId = (
    await db.transaction((tx) =>
      foundOrganization(tx, { slug, name: 'Coop', mission: 'Election drills.', createdBy: admin.id, templateKey: 'cooperative', charter, at }),
    )
  ).id;
  await db.insert(memberships).values(people.slice(1).map((p) => ({ orgId, userId: p.id, role: 'member' as const, createdAt: at })));
  const assemblySeats = await db
    .select({ id: seats.id })
    .from(seats)
    .where(and(eq(seats.orgId, orgId), eq(seats.bodyKey, 'members')))
    .orderBy(asc(seats.position));
  for (const [i, p] of people.slice(1, 7).entries())
    await foundingAppoint(db, { userId: admin.id, role: 'admin' }, { orgId, seatId: assemblySeats[i]!.id, userId: p.id }, at);
  const author = { userId: people[1]!.id, role: 'member' as const };
  const publishedAt = new Date(Date.now() - 60_000);
  const draft = { orgId, typeKey: 'board_election', body: 'The assembly elects directors to the vacant seats of the board.', subjectUserId: null };
  const effect = { bodyKey: 'board', seatClass: 'general' };
  const election = await createDraft(db, author, { ...draft, title: 'Board election', effect, emergency: false }, publishedAt);
  await publishProposal(db, author, { orgId, proposalId: election.id }, publishedAt);
  const unpublished = await createDraft(db, author, { ...draft, title: 'Another election', effect, emergency: false }, publishedAt);
  return { orgId, slug, people: people.map((p) => p.id), election, unpublished };
}

describe('/api/v1 nominations of a seat election (read)', () => {
  it('lists them as the proposal page does — names and answers, never an id — with the caller’s own, a page at a time', async () => {
    const e = await electionOrg('more-elect');
    const [, ana, ben, , , , eve, fay, gus] = e.people;
    const path = `/${e.slug}/proposals/${e.election.number}/nominations`;
    expect((await call('POST', path, await token(eve!, e.orgId), { nomineeUserId: fay })).status).toBe(201);
    expect((await call('POST', path, await token(gus!, e.orgId), { nomineeUserId: gus })).status).toBe(201);
    expect((await call('POST', `${path}/answer`, await token(gus!, e.orgId), { answer: 'accept' })).status).toBe(200);
    const anonymous = await call('GET', path);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toMatchObject({
      open: true,
      mine: null,
      made: 2,
      accepted: 1,
      next_cursor: null,
      nominations: [
        { nominee: 'Fay', nominator: 'Eve', self: false, status: 'nominated' },
        { nominee: 'Gus', nominator: 'Gus', self: true, status: 'accepted' },
      ],
    });
    expect(typeof anonymous.body.closesAt).toBe('string');
    expect(JSON.stringify(anonymous.body)).not.toMatch(/@|[0-9a-f]{8}-[0-9a-f]{4}-/);
    // The nominee sees their own nomination to answer, as the page offers them the answer forms.
    expect((await call('GET', path, await token(fay!, e.orgId, 'read'))).body.mine).toBe('nominated');
    expect((await call('GET', path, await token(gus!, e.orgId, 'read'))).body.mine).toBe('accepted');
    const first = await call('GET', `${path}?limit=1`);
    expect(first.body).toMatchObject({ made: 2, nominations: [{ nominee: 'Fay' }], next_cursor: '1' });
    expect((await call('GET', `${path}?limit=1&cursor=1`)).body).toMatchObject({ nominations: [{ nominee: 'Gus' }], next_cursor: null });
    // A draft is its author's alone; a proposal that is not an election has no nominations.
    const draftPath = `/${e.slug}/proposals/${e.unpublished.number}/nominations`;
    expect(await call('GET', draftPath, await token(ben!, e.orgId, 'read'))).toMatchObject({ status: 404, body: { code: 'api.not_found' } });
    expect(await call('GET', draftPath, await token(ana!, e.orgId, 'read'))).toMatchObject({ status: 200, body: { made: 0, open: false } });
    const notElection = await call('GET', `/${org.slug}/proposals/${org.proposalNumber}/nominations`);
    expect(notElection).toMatchObject({ status: 404, body: { code: 'api.not_found' } });
    expect((await call('GET', `${path}?limit=0`)).status).toBe(400);
    expect(await call('GET', path, await elsewhereReadToken(ana!))).toMatchObject({ status: 403, body: { code: 'api.other_organization' } });
  });
});
