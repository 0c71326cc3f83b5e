/**
 * The /api/v1 operations issue 16 names beyond proposals: objections (raise, withdraw), choice
 * ballots (ranked, approval, STV), meetings (list, read, schedule, cancel) and the member list.
 * Each write runs the form's own operation (lib/actions/operations.ts): the same refusal code as
 * the form, and for a wrong scope, another organization's token or a body failing the schema, a
 * problem that leaves every table as it was.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, meetings, objections, rateLimits, votes } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import type { Charter, ChoiceMethodSpec } from '@/lib/governance/types';
import { createStormOrg } from '@/scripts/support/storm-org';
import type { StormOrg } from '@/scripts/support/storm-org';
import { otherOrganization } from './fixtures/organization';
import { session } from './helpers';
import { objectionSteps } from './objection-steps';
import { apiV1File } from './support/api-v1-file';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const proposalActions = await import('@/app/o/[slug]/proposals/actions');
const { raise } = objectionSteps(proposalActions);

let db: Database;
let otherOrgId = '';
let outsiderId = '';

// The calls and refusal checks every API test shares (api-calls.ts); another organization's token is for `otherOrgId`.
const api = apiV1File(
  (handle) => (db = handle),
  async () => ({ outsiderId, otherOrgId } = await otherOrganization(db, 'more')),
);
const { call, token, refusedAndUnchanged } = api;
const scopesRefused = (userId: string, method: string, path: string, body: unknown) => api.scopesRefused(userId, otherOrgId, method, path, body);

const withConsent = (c: Charter): Charter => {
  const resolution = c.proposalTypes.find((t) => t.key === 'resolution')!;
  return { ...c, proposalTypes: [...c.proposalTypes, { ...resolution, key: 'board_consent', name: 'Board decision by consent', consent: true }] };
};
const withMethod = (method: ChoiceMethodSpec) => (c: Charter) => ({
  ...c,
  proposalTypes: c.proposalTypes.map((t) => (t.key === 'board_choice' ? { ...t, method } : t)),
});
const soon = () => new Date(Date.now() + 86_400_000);

describe('/api/v1 objections', () => {
  let org: StormOrg;
  const path = () => `/${org.slug}/proposals/${org.proposalNumber}/objections`;
  const standing = async () =>
    db
      .select()
      .from(objections)
      .where(and(eq(objections.proposalId, org.proposalId), isNull(objections.withdrawnAt)));

  it('a seat holder raises and withdraws through the API, logged as through the form', async () => {
    org = await createStormOrg(db, { slug: 'more-consent', seats: 5, voteClosesAt: soon(), typeKey: 'board_consent', charterEdit: withConsent });
    const write = await token(org.voters[1]!.userId, org.orgId);
    const raised = await call('POST', path(), write, { reason: 'It leaves the night shift without a say.' });
    expect(raised).toMatchObject({ status: 201, body: { ok: true, objection: { standing: true } } });
    expect((await standing()).map((o) => [o.objectorUserId, o.reason])).toEqual([[org.voters[1]!.userId, 'It leaves the night shift without a say.']]);
    expect(await call('POST', `${path()}/withdraw`, write)).toMatchObject({ status: 200, body: { ok: true, objection: { standing: false } } });
    expect(await standing()).toEqual([]);
    const kinds = (await db.select().from(decisionLog).where(eq(decisionLog.orgId, org.orgId))).map((e) => e.kind);
    expect(kinds.filter((k) => k.startsWith('objection.'))).toEqual(['objection.raised', 'objection.withdrawn']);
    // The form writes the same row and entry.
    expect(await raise(org, 2, 'The budget line for this is not approved yet.')).toMatchObject({ ok: true });
    expect(await standing()).toHaveLength(1);
  });

  it('refuses a wrong scope, another organization’s token, a failing body and a rule’s "no" (the form’s code), writing nothing', async () => {
    const voter = org.voters[3]!.userId;
    const body = { reason: 'The venue cannot hold everyone.' };
    await scopesRefused(voter, 'POST', path(), body);
    const write = await token(voter, org.orgId);
    const short = await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', path(), write, { reason: 'no' }));
    expect(Object.keys(short.errors ?? {})).toEqual(['reason']);
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', path(), write, { reason: 7 }));
    // No standing objection to withdraw: the rule's code, as the form answers.
    await refusedAndUnchanged(409, 'objection.none_standing', () => call('POST', `${path()}/withdraw`, write));
    // The admin holds no seat: refused by the rule, as by the form.
    const admin = await token(org.admin.userId, org.orgId);
    const notSeated = await call('POST', path(), admin, body);
    expect(notSeated.status).toBe(409);
    const { signInAs, form } = await import('./helpers');
    signInAs({ id: org.admin.userId, email: org.admin.email, name: 'admin' });
    const state = await proposalActions.raiseObjectionAction(initialActionState, form({ orgId: org.orgId, proposalId: org.proposalId, ...body }));
    expect(state.code).toBe(notSeated.body.code);
    // An unknown proposal, and one whose number cannot be one.
    await refusedAndUnchanged(404, 'api.not_found', () => call('POST', `/${org.slug}/proposals/999/objections`, write, body));
    await refusedAndUnchanged(404, 'api.not_found', () => call('POST', `/${org.slug}/proposals/x1/objections`, write, body));
  });
});

describe('/api/v1 choice ballots', () => {
  let org: StormOrg;
  const path = () => `/${org.slug}/proposals/${org.proposalNumber}/choice-ballots`;

  it('a seat holder casts and changes a secret approval ballot', async () => {
    org = await createStormOrg(db, {
      slug: 'more-choice',
      seats: 5,
      voteClosesAt: soon(),
      typeKey: 'board_choice',
      options: ['Ada', 'Babbage', 'Curie'],
      charterEdit: withMethod({ key: 'approval', winners: 1 }),
    });
    const voter = org.voters[0]!;
    const write = await token(voter.userId, org.orgId);
    expect(await call('POST', path(), write, { preferences: '0,2' })).toMatchObject({ status: 201, body: { ok: true, ballot: { recorded: true } } });
    expect(await call('POST', path(), write, { preferences: '1' })).toMatchObject({ status: 201 });
    const mine = await db
      .select()
      .from(votes)
      .where(and(eq(votes.proposalId, org.proposalId), eq(votes.seatId, voter.seatId)));
    expect(mine.filter((v) => v.isCurrent).map((v) => v.preferences)).toEqual([[1]]);
    // The point was spent in the ballot's own transaction: two ballots, two points.
    const [limit] = await db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `ballot:${voter.userId}`));
    expect(limit?.points).toBe(2);
  });

  it('refuses a wrong scope, another organization’s token and a failing body, writing nothing; a refused ballot still spends its point', async () => {
    const voter = org.voters[1]!.userId;
    await scopesRefused(voter, 'POST', path(), { preferences: '0' });
    const write = await token(voter, org.orgId);
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', path(), write, { preferences: 'first' }));
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', path(), write, { preferences: 3 }));
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', path(), write, {}));
    // An option that does not exist: the rule refuses (409), and the attempt counts against the limit, as it always did.
    const refused = await call('POST', path(), write, { preferences: '7' });
    expect(refused.status).toBe(409);
    expect(
      await db
        .select()
        .from(votes)
        .where(and(eq(votes.proposalId, org.proposalId), eq(votes.voterUserId, voter))),
    ).toEqual([]);
    const [limit] = await db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `ballot:${voter}`));
    expect(limit?.points).toBe(1);
  });
});

describe('/api/v1 meetings', () => {
  let org: StormOrg;
  const inDays = (days: number) => new Date(Math.ceil((Date.now() + days * 86_400_000) / 60_000) * 60_000).toISOString().slice(0, 16);
  const details = () => ({
    bodyKey: 'board',
    kind: 'regular',
    title: 'Quarterly board meeting',
    startsAt: inDays(30),
    durationMinutes: '90',
    location: 'Town hall, room 2',
    agenda: 'The budget\n#1',
  });

  it('an admin schedules, anyone who may read the organization lists and reads it, the admin cancels', async () => {
    org = await createStormOrg(db, { slug: 'more-meetings', seats: 5, voteClosesAt: soon() });
    const admin = await token(org.admin.userId, org.orgId);
    const scheduled = await call('POST', `/${org.slug}/meetings`, admin, details());
    expect(scheduled).toMatchObject({ status: 201, body: { ok: true, meeting: { number: 1 } } });
    const list = await call('GET', `/${org.slug}/meetings`, admin);
    expect(list.body).toMatchObject({ meetings: [{ number: 1, title: 'Quarterly board meeting', kind: 'regular', cancelled: false }] });
    const one = await call('GET', `/${org.slug}/meetings/1`, admin);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      number: 1,
      agenda: [
        { kind: 'item', text: 'The budget' },
        { kind: 'proposal', number: 1 },
      ],
      attendance: [],
      quorum: { met: false, attending: 0 },
    });
    expect(JSON.stringify(one.body)).not.toContain('@');
    expect((await call('GET', `/${org.slug}/meetings/2`, admin)).status).toBe(404);
    const cancelled = await call('POST', `/${org.slug}/meetings/1/cancel`, admin, { reason: 'The hall is flooded.' });
    expect(cancelled).toMatchObject({ status: 200, body: { ok: true, meeting: { number: 1, cancelled: true } } });
    const [row] = await db.select().from(meetings).where(eq(meetings.orgId, org.orgId));
    expect(row!.cancelReason).toBe('The hall is flooded.');
  });

  it('refuses a wrong scope, another organization’s token, a failing body and a member who may not schedule, writing nothing', async () => {
    await scopesRefused(org.admin.userId, 'POST', `/${org.slug}/meetings`, details());
    const admin = await token(org.admin.userId, org.orgId);
    const bad = await refusedAndUnchanged(400, 'action.invalid_input', () =>
      call('POST', `/${org.slug}/meetings`, admin, { ...details(), startsAt: 'tomorrow' }),
    );
    expect(Object.keys(bad.errors ?? {})).toEqual(['startsAt']);
    await refusedAndUnchanged(400, 'action.invalid_input', () =>
      call('POST', `/${org.slug}/meetings`, admin, { ...details(), kind: 'party', durationMinutes: 5 }),
    );
    // A seat holder who is not a secretary or an admin: the rule's refusal, as the form's.
    const voter = await token(org.voters[0]!.userId, org.orgId);
    const refused = await refusedAndUnchanged(409, 'meeting.not_authorized', () => call('POST', `/${org.slug}/meetings`, voter, details()));
    expect(refused.detail).toBeTruthy();
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', `/${org.slug}/meetings/1/cancel`, admin, { reason: '' }));
    await refusedAndUnchanged(404, 'api.not_found', () => call('POST', `/${org.slug}/meetings/9/cancel`, admin, { reason: 'No such meeting.' }));
    await scopesRefused(org.admin.userId, 'POST', `/${org.slug}/meetings/1/cancel`, { reason: 'Cancelled twice.' });
  });
});

describe('/api/v1 members', () => {
  it('a member pages through the list and searches it; anonymous, an outsider and a bad query are refused', async () => {
    const org = await createStormOrg(db, { slug: 'more-members', seats: 5, voteClosesAt: soon() });
    const read = await token(org.voters[0]!.userId, org.orgId, 'read');
    const first = await call('GET', `/${org.slug}/members?limit=4`, read);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 6, matching: 6, next_cursor: '2' });
    expect((first.body.members as { role: string }[])[0]!.role).toBe('admin');
    const second = await call('GET', `/${org.slug}/members?limit=4&cursor=2`, read);
    expect(second.body).toMatchObject({ next_cursor: null });
    const emails = [...(first.body.members as { email: string }[]), ...(second.body.members as { email: string }[])].map((m) => m.email);
    expect(new Set(emails).size).toBe(6);
    const found = await call('GET', `/${org.slug}/members?q=${encodeURIComponent(org.voters[2]!.email)}`, read);
    expect(found.body).toMatchObject({ matching: 1, members: [{ email: org.voters[2]!.email }] });
    expect((await call('GET', `/${org.slug}/members`)).status).toBe(401);
    expect((await call('GET', `/${org.slug}/members`, await token(outsiderId, null, 'read'))).body.code).toBe('action.forbidden');
    expect((await call('GET', `/${org.slug}/members?limit=0`, read)).status).toBe(400);
  });
});
