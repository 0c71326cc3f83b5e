/**
 * The /api/v1 operations added in 1.4.0: delegations to the caller, a seat election's nominations,
 * following a proposal, opening voting and petitions. Each read shows what its page shows that
 * person; each write runs the form's own operation (lib/actions/operations.ts): the same rows and
 * refusal codes as the form, and for a read-only token, another organization's token, a body
 * failing the schema or a rule's "no", a problem that leaves every table as it was.
 */
import { scopeWords } from '@/lib/governance/delegation-scope';
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, memberships, proposalFollows, seats, users } from '@/db/schema';
import { loadDelegationsPage } from '@/db/read/delegations-page';
import { charterFromTemplate } from '@/lib/governance/templates';
import { createDraft } from '@/lib/use-cases/drafts';
import { foundOrganization, foundingAppoint } from '@/lib/use-cases/founding';
import { publishProposal } from '@/lib/use-cases/publish';
import { openPetition } from '@/lib/use-cases/petitions';
import { loadPetitionPage } from '@/db/read/petitions';
import { initialActionState } from '@/lib/actions/state';
import { createStormOrg } from '@/scripts/support/storm-org';
import type { StormOrg } from '@/scripts/support/storm-org';
import { otherOrganization, withMemberAssembly } from './fixtures/organization';
import { form, session, signInAs } from './helpers';
import { apiV1File } from './support/api-v1-file';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let db: Database;
let otherOrgId = '';
let outsiderId = '';
let org: StormOrg;
const { call, token, refusedAndUnchanged, scopesRefused } = apiV1File(
  (handle) => (db = handle),
  async () => {
    ({ outsiderId, otherOrgId } = await otherOrganization(db, 'more-acts'));
    org = await createStormOrg(db, {
      slug: 'more-acts',
      seats: 5,
      voteClosesAt: new Date(Date.now() + 86_400_000),
      charterEdit: (c) => withMemberAssembly(c, { delegation: true }),
    });
  },
);
const proposalActions = await import('@/app/o/[slug]/proposals/actions');
const petitionActions = await import('@/app/o/[slug]/petitions/actions');

/** Refused with `status` and `code`, every table as it was, follows too. */
async function refusedNoFollowChange(status: number, code: string, run: () => ReturnType<typeof call>) {
  const before = await db.$count(proposalFollows);
  const body = await refusedAndUnchanged(status, code, run);
  expect(await db.$count(proposalFollows)).toBe(before);
  return body;
}

/** The form's answer to the same request, signed in as `userId`. */
function asForm(userId: string) {
  signInAs({ id: userId, email: `${userId}@more-acts.example.org`, name: 'someone' });
}

/** A read token of `userId` limited to the other organization (made a member there). */
async function elsewhereReadToken(userId: string) {
  await db.insert(memberships).values({ orgId: otherOrgId, userId, role: 'member' }).onConflictDoNothing();
  return token(userId, otherOrgId, 'read');
}

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
      page.toMeOther.map((o) => ({ name: o.name, scope: scopeWords(o.scope) })),
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

describe('/api/v1 follow and unfollow a proposal', () => {
  const follows = (userId: string) => db.$count(proposalFollows, and(eq(proposalFollows.proposalId, org.proposalId), eq(proposalFollows.userId, userId)));

  it('a member follows (PUT) and unfollows (DELETE) through the API, as the Follow button does', async () => {
    const member = org.voters[1]!.userId;
    const path = `/${org.slug}/proposals/${org.proposalNumber}/follow`;
    const write = await token(member, org.orgId);
    expect(await call('PUT', path, write)).toMatchObject({ status: 200, body: { ok: true, proposal: { number: org.proposalNumber, following: true } } });
    expect(await follows(member)).toBe(1);
    // Idempotent, as a PUT is.
    expect((await call('PUT', path, write)).status).toBe(200);
    expect(await follows(member)).toBe(1);
    // The method says follow or not: a body's `follow` is overridden.
    expect(await call('DELETE', path, write, { follow: 'true' })).toMatchObject({ status: 200, body: { proposal: { following: false } } });
    expect(await follows(member)).toBe(0);
    // The button follows through the same operation.
    asForm(member);
    expect(
      await proposalActions.followProposalAction(initialActionState, form({ orgId: org.orgId, proposalId: org.proposalId, follow: 'true' })),
    ).toMatchObject({
      ok: true,
    });
    expect(await follows(member)).toBe(1);
  });

  it('refuses a wrong scope, another organization’s token, a non-object body, an observer and a draft (the form’s code), changing nothing', async () => {
    const member = org.voters[2]!.userId;
    const path = `/${org.slug}/proposals/${org.proposalNumber}/follow`;
    await scopesRefused(member, otherOrgId, 'PUT', path);
    await scopesRefused(member, otherOrgId, 'DELETE', path);
    const write = await token(member, org.orgId);
    const bad = await refusedNoFollowChange(400, 'action.invalid_input', () => call('PUT', path, write, ['follow']));
    expect(Object.keys(bad.errors ?? {})).toEqual(['_form']);
    // An observer does not follow (the operation's minimum role, as the form's).
    const [watcher] = await db.insert(users).values({ email: 'watcher@more-acts.example.org', name: 'Watcher' }).returning();
    await db.insert(memberships).values({ orgId: org.orgId, userId: watcher!.id, role: 'observer' });
    const observer = await token(watcher!.id, org.orgId);
    await refusedNoFollowChange(403, 'action.forbidden', () => call('PUT', path, observer));
    // A draft: someone else's is not found; one's own is refused by the rule, with the form's code.
    const draft = await call('POST', `/${org.slug}/proposals`, write, {
      typeKey: 'resolution',
      title: 'Paint the hall',
      body: 'The board paints the hall before spring.',
    });
    const draftNumber = (draft.body.proposal as { number: number }).number;
    const draftPath = `/${org.slug}/proposals/${draftNumber}/follow`;
    const notAuthor = await token(org.voters[3]!.userId, org.orgId);
    await refusedNoFollowChange(404, 'api.not_found', () => call('PUT', draftPath, notAuthor));
    const refused = await refusedNoFollowChange(409, 'follow.not_published', () => call('PUT', draftPath, write));
    asForm(member);
    const id = (await call('GET', `/${org.slug}/proposals/${draftNumber}`, write)).body.id as string;
    expect((await proposalActions.followProposalAction(initialActionState, form({ orgId: org.orgId, proposalId: id, follow: 'true' }))).code).toBe(
      refused.code,
    );
  });
});

describe('/api/v1 open voting', () => {
  /** A resolution of the admin's, published just after the founding (its comment window long over), or just now. */
  async function resolution(title: string, publishedAt: Date) {
    const admin = { userId: org.admin.userId, role: 'admin' as const };
    const body = 'The board adopts this resolution once it has voted on it.';
    const made = await createDraft(
      db,
      admin,
      { orgId: org.orgId, typeKey: 'resolution', title, body, subjectUserId: null, effect: {}, emergency: false },
      publishedAt,
    );
    await publishProposal(db, admin, { orgId: org.orgId, proposalId: made.id }, publishedAt);
    return made;
  }
  const stagesOpened = async (number: number) =>
    ((await call('GET', `/${org.slug}/proposals/${number}`)).body.stages as { opensAt: string | null }[]).map((s) => s.opensAt !== null);

  it('an admin opens voting through the API on a proposal ready for it, logged as through the button', async () => {
    const ready = await resolution('Ready for voting', new Date(Date.now() - 9 * 86_400_000 + 600_000));
    expect((await call('GET', `/${org.slug}/proposals/${ready.number}`)).body.phase).toMatchObject({ kind: 'ready_for_voting' });
    const admin = await token(org.admin.userId, org.orgId);
    const opened = await call('POST', `/${org.slug}/proposals/${ready.number}/open-voting`, admin);
    expect(opened).toMatchObject({ status: 200, body: { ok: true, proposal: { number: ready.number, votingOpened: true } } });
    expect(await stagesOpened(ready.number)).toEqual([true]);
    const logged = await db
      .select()
      .from(decisionLog)
      .where(and(eq(decisionLog.orgId, org.orgId), eq(decisionLog.subject, `proposal:${ready.id}`)));
    expect(logged.map((e) => [e.kind, e.actorId]).filter(([k]) => k === 'voting.opened')).toEqual([['voting.opened', org.admin.userId]]);
  });

  it('refuses a wrong scope, another organization’s token, a non-object body, a member and a proposal not ready (the button’s codes), changing nothing', async () => {
    const ready = await resolution('Also ready', new Date(Date.now() - 9 * 86_400_000 + 600_000));
    const fresh = await resolution('Just published', new Date(Date.now() - 60_000));
    const path = (n: number) => `/${org.slug}/proposals/${n}/open-voting`;
    await scopesRefused(org.admin.userId, otherOrgId, 'POST', path(ready.number));
    const admin = await token(org.admin.userId, org.orgId);
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', path(ready.number), admin, 'now'));
    // A member is not a secretary: refused as the button is (the operation's minimum role).
    const member = org.voters[1]!.userId;
    const memberToken = await token(member, org.orgId);
    await refusedAndUnchanged(403, 'action.forbidden', () => call('POST', path(ready.number), memberToken));
    expect(await stagesOpened(ready.number)).toEqual([false]);
    // Its comment window still runs: the rule's code, as the button answers.
    const early = await refusedAndUnchanged(409, 'voting.comment_window', () => call('POST', path(fresh.number), admin));
    asForm(org.admin.userId);
    expect((await proposalActions.openVotingAction(initialActionState, form({ orgId: org.orgId, proposalId: fresh.id }))).code).toBe(early.code);
    expect(await stagesOpened(fresh.number)).toEqual([false]);
    await refusedAndUnchanged(404, 'api.not_found', () => call('POST', path(9999), admin));
  });
});

describe('/api/v1 petitions', () => {
  const open = (title: string) =>
    openPetition(
      db,
      { userId: org.voters[0]!.userId, role: 'member' },
      { orgId: org.orgId, title, body: 'The members ask the board to publish its minutes within a week.', forGroup: false },
      new Date(),
    );

  it('lists and reads petitions as their pages show them, and a member signs through the API as through the form', async () => {
    const first = await open('Publish the minutes');
    const second = await open('Open the meetings');
    const list = await call('GET', `/${org.slug}/petitions?limit=1`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({
      petitions: [{ number: second.number, title: 'Open the meetings', phase: { kind: 'open' } }],
      next_cursor: String(second.number),
    });
    const rest = await call('GET', `/${org.slug}/petitions?cursor=${second.number}`);
    expect(rest.body).toMatchObject({ petitions: [{ number: first.number, title: 'Publish the minutes' }], next_cursor: null });
    const path = `/${org.slug}/petitions/${first.number}`;
    const signer = org.voters[1]!.userId;
    const before = await call('GET', path, await token(signer, org.orgId, 'read'));
    expect(before.body).toMatchObject({
      petition: { number: first.number, signatureCount: 0, requiredSignatures: 1 },
      viewer: { signed: false, maySign: true },
    });
    // Anonymous: what the page shows anyone, nothing the caller may do.
    const anonymous = await call('GET', path);
    expect(anonymous.body.viewer).toEqual({ signed: false, maySign: false, mayRevoke: false, mayAnswer: false, notEligibleReason: null });
    const page = await loadPetitionPage(org.orgId, first.number, null, new Date());
    expect(anonymous.body).toEqual(JSON.parse(JSON.stringify({ ...page, petition: { ...page!.petition, id: undefined, constituencyGroup: undefined } })));
    const signed = await call('POST', `${path}/signatures`, await token(signer, org.orgId), { confirm: 'yes' });
    expect(signed).toMatchObject({ status: 201, body: { ok: true, petition: { number: first.number, signatureCount: 1, thresholdReached: true } } });
    const after = await call('GET', path, await token(signer, org.orgId, 'read'));
    expect(after.body).toMatchObject({ petition: { signatureCount: 1 }, viewer: { signed: true, maySign: false, mayRevoke: true } });
    // This charter keeps signers' names private: none are listed, to anyone.
    expect(after.body).toMatchObject({ signerNamesPublic: false, signers: [] });
    // The form signs through the same operation.
    asForm(org.voters[2]!.userId);
    expect(await petitionActions.signPetitionAction(initialActionState, form({ orgId: org.orgId, petitionId: first.id, confirm: 'yes' }))).toMatchObject({
      ok: true,
    });
    expect((await call('GET', path)).body).toMatchObject({ petition: { signatureCount: 2 } });
  });

  it('refuses a wrong scope, another organization’s token, a failing body, a non-member and a second signature (the form’s code), writing nothing', async () => {
    const p = await open('Hold an open day');
    const path = `/${org.slug}/petitions/${p.number}/signatures`;
    const signer = org.voters[3]!.userId;
    await scopesRefused(signer, otherOrgId, 'POST', path, { confirm: 'yes' });
    const write = await token(signer, org.orgId);
    const unticked = await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', path, write, { confirm: 'no' }));
    expect(Object.keys(unticked.errors ?? {})).toEqual(['confirm']);
    const outsider = await token(outsiderId, null);
    await refusedAndUnchanged(403, 'action.forbidden', () => call('POST', path, outsider, { confirm: 'yes' }));
    await refusedAndUnchanged(404, 'api.not_found', () => call('POST', `/${org.slug}/petitions/9999/signatures`, write, { confirm: 'yes' }));
    expect((await call('POST', path, write, { confirm: 'yes' })).status).toBe(201);
    const twice = await refusedAndUnchanged(409, 'petition.already_signed', () => call('POST', path, write, { confirm: 'yes' }));
    asForm(signer);
    expect((await petitionActions.signPetitionAction(initialActionState, form({ orgId: org.orgId, petitionId: p.id, confirm: 'yes' }))).code).toBe(twice.code);
    expect(await call('GET', `/${org.slug}/petitions/9999`)).toMatchObject({ status: 404, body: { code: 'api.not_found' } });
    expect(await call('GET', `/${org.slug}/petitions?limit=500`)).toMatchObject({ status: 400, body: { code: 'action.invalid_input' } });
  });
});
