/**
 * The /api/v1 writes issue 16 names beyond the first ones: revisions, recusals and delegations
 * (nominations: api-v1-nominations.test.ts). Each runs the form's own operation
 * (lib/actions/operations.ts): the same rows, log entries and refusal codes as the form, and for a
 * read-only token, another organization's token, a body failing the schema or a rule's "no", a
 * problem that leaves every table as it was.
 */
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, delegations, proposalRevisions, recusals } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import type { Charter } from '@/lib/governance/types';
import { createStormOrg } from '@/scripts/support/storm-org';
import type { StormOrg } from '@/scripts/support/storm-org';
import { otherOrganization, withMemberAssembly } from './fixtures/organization';
import { form, session, signInAs } from './helpers';
import { apiV1File } from './support/api-v1-file';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const proposalActions = await import('@/app/o/[slug]/proposals/actions');
const delegationActions = await import('@/app/o/[slug]/delegations/actions');

let db: Database;
let otherOrgId = '';
let outsiderId = '';
let org: StormOrg;
const { call, token, refusedAndUnchanged, scopesRefused } = apiV1File(
  (handle) => (db = handle),
  async () => {
    ({ outsiderId, otherOrgId } = await otherOrganization(db, 'acts'));
    org = await createStormOrg(db, { slug: 'acts', seats: 5, voteClosesAt: new Date(Date.now() + 86_400_000), charterEdit: withMemberVote });
  },
);

const logKinds = async (prefix: string) =>
  (await db.select().from(decisionLog).where(eq(decisionLog.orgId, org.orgId)).orderBy(asc(decisionLog.seq)))
    .map((e) => e.kind)
    .filter((k) => k.startsWith(prefix));

/** The form's answer to the same request, signed in as `userId`. */
function asForm(userId: string) {
  signInAs({ id: userId, email: `${userId}@acts.example.org`, name: 'someone' });
  return { orgId: org.orgId, proposalId: org.proposalId };
}

/** The board's charter with a member assembly whose votes may be delegated (`member_vote`). */
const withMemberVote = (charter: Charter): Charter => withMemberAssembly(charter, { delegation: true });

describe('/api/v1 revisions', () => {
  const draftBody = { typeKey: 'resolution', title: 'Buy a kettle', body: 'The old kettle leaks; the board buys a new one.' };

  it('the author revises their draft through the API; the revision is stored as through the form', async () => {
    const author = await token(org.voters[1]!.userId, org.orgId);
    const created = await call('POST', `/${org.slug}/proposals`, author, draftBody);
    expect(created.status).toBe(201);
    const number = (created.body.proposal as { number: number }).number;
    const revised = await call('POST', `/${org.slug}/proposals/${number}/revisions`, author, {
      title: 'Buy two kettles',
      body: 'The old kettles leak; the board buys two new ones.',
      changeNote: 'Two kettles.',
    });
    expect(revised).toMatchObject({ status: 201, body: { ok: true, revision: { number: 2 } } });
    const rows = await db.select().from(proposalRevisions).where(eq(proposalRevisions.revision, 2));
    expect(rows.map((r) => [r.title, r.changeNote, r.authorId])).toEqual([['Buy two kettles', 'Two kettles.', org.voters[1]!.userId]]);
  });

  it('refuses a wrong scope, another organization’s token, another member’s draft, a failing body and a rule’s "no" (the form’s code), writing nothing', async () => {
    const author = await token(org.voters[2]!.userId, org.orgId);
    const number = ((await call('POST', `/${org.slug}/proposals`, author, draftBody)).body.proposal as { number: number }).number;
    const path = `/${org.slug}/proposals/${number}/revisions`;
    const body = { title: 'A revised title', body: 'A revised body long enough for the rules.' };
    await scopesRefused(org.voters[2]!.userId, otherOrgId, 'POST', path, body);
    const bad = await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', path, author, { ...body, title: '' }));
    expect(Object.keys(bad.errors ?? {})).toEqual(['title']);
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', path, author, { ...body, changeNote: 7 }));
    // A draft shows only to its author: to anyone else it does not exist.
    const other = await token(org.voters[3]!.userId, org.orgId);
    await refusedAndUnchanged(404, 'api.not_found', () => call('POST', path, other, body));
    // The resolution in voting (not by consent): its author may no longer revise it; the form says the same.
    const voting = await token(org.voters[0]!.userId, org.orgId);
    await refusedAndUnchanged(409, 'proposal.revise_not_allowed', () => call('POST', `/${org.slug}/proposals/${org.proposalNumber}/revisions`, voting, body));
    const state = await proposalActions.reviseProposalAction(initialActionState, form({ ...asForm(org.voters[0]!.userId), ...body }));
    expect(state.code).toBe('proposal.revise_not_allowed');
  });
});

describe('/api/v1 recusals', () => {
  const path = () => `/${org.slug}/proposals/${org.proposalNumber}/recusals`;

  it('a seat holder recuses through the API, logged as through the form; a second time is refused with the rule’s code', async () => {
    const voter = org.voters[2]!;
    const write = await token(voter.userId, org.orgId);
    expect(await call('POST', path(), write, { reason: 'My employer bids for the contract.' })).toMatchObject({
      status: 201,
      body: { ok: true, recusal: { recorded: true } },
    });
    const rows = await db.select().from(recusals).where(eq(recusals.proposalId, org.proposalId));
    expect(rows.map((r) => [r.seatId, r.reason])).toEqual([[voter.seatId, 'My employer bids for the contract.']]);
    expect(await logKinds('recusal.')).toEqual(['recusal.declared']);
    await refusedAndUnchanged(409, 'recusal.already_declared', () => call('POST', path(), write, { reason: 'Once more, to be sure.' }));
    // The form recuses another seat the same way.
    expect(await proposalActions.declareRecusalAction(initialActionState, form({ ...asForm(org.voters[4]!.userId), reason: 'A family tie.' }))).toMatchObject({
      ok: true,
    });
    expect(await logKinds('recusal.')).toEqual(['recusal.declared', 'recusal.declared']);
  });

  it('refuses a wrong scope, another organization’s token, a failing body and a caller without a seat (the form’s code), writing nothing', async () => {
    const body = { reason: 'A conflict of interest.' };
    await scopesRefused(org.voters[3]!.userId, otherOrgId, 'POST', path(), body);
    const write = await token(org.voters[3]!.userId, org.orgId);
    const short = await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', path(), write, { reason: 'no' }));
    expect(Object.keys(short.errors ?? {})).toEqual(['reason']);
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', path(), write, {}));
    const admin = await token(org.admin.userId, org.orgId);
    await refusedAndUnchanged(409, 'recusal.not_seat_holder', () => call('POST', path(), admin, body));
    const state = await proposalActions.declareRecusalAction(initialActionState, form({ ...asForm(org.admin.userId), ...body }));
    expect(state.code).toBe('recusal.not_seat_holder');
  });
});

describe('/api/v1 delegations', () => {
  const mine = (userId: string) =>
    db
      .select()
      .from(delegations)
      .where(and(eq(delegations.orgId, org.orgId), eq(delegations.delegatorUserId, userId)));

  it('a member delegates, replaces, lists and revokes through the API, logged as through the form', async () => {
    const [a, b, c] = [org.voters[0]!.userId, org.voters[1]!.userId, org.voters[2]!.userId];
    const write = await token(a, org.orgId);
    const made = await call('POST', `/${org.slug}/delegations`, write, { delegateUserId: b, scope: 'type:member_vote' });
    expect(made).toMatchObject({ status: 201, body: { ok: true, delegation: { replaced: false } } });
    const replaced = await call('POST', `/${org.slug}/delegations`, write, { delegateUserId: c, scope: 'type:member_vote' });
    expect(replaced).toMatchObject({ status: 201, body: { ok: true, delegation: { replaced: true } } });
    const id = (replaced.body.delegation as { id: string }).id;
    // The caller's own delegations, with the id to revoke: a read token does; anonymous and outsiders do not.
    const read = await token(a, org.orgId, 'read');
    expect(await call('GET', `/${org.slug}/delegations`, read)).toMatchObject({
      status: 200,
      body: { delegations: [{ id, delegate: { userId: c }, scope: 'type:member_vote', typeKey: 'member_vote', proposalNumber: null }] },
    });
    expect((await call('GET', `/${org.slug}/delegations`)).body.code).toBe('api.unauthenticated');
    expect((await call('GET', `/${org.slug}/delegations`, await token(outsiderId, null, 'read'))).body.code).toBe('action.forbidden');
    expect(await call('POST', `/${org.slug}/delegations/${id}/revoke`, write)).toMatchObject({
      status: 200,
      body: { ok: true, delegation: { id, revoked: true } },
    });
    expect((await call('GET', `/${org.slug}/delegations`, read)).body).toEqual({ delegations: [] });
    // A `proposal:<id>` scope names the id getProposal gives.
    expect((await call('GET', `/${org.slug}/proposals/${org.proposalNumber}`, read)).body.id).toBe(org.proposalId);
    expect((await mine(a)).every((d) => d.revokedAt !== null)).toBe(true);
    expect(await logKinds('delegation.')).toEqual(['delegation.granted', 'delegation.revoked', 'delegation.granted', 'delegation.revoked']);
    // The form delegates through the same operation.
    signInAs({ id: b, email: 'b@acts.example.org', name: 'b' });
    expect(
      await delegationActions.delegateVoteAction(initialActionState, form({ orgId: org.orgId, delegateUserId: c, scope: 'type:member_vote' })),
    ).toMatchObject({
      ok: true,
    });
  });

  it('refuses a wrong scope, another organization’s token, a failing body and a rule’s "no" (the form’s code), writing nothing', async () => {
    const [a, b] = [org.voters[3]!.userId, org.voters[4]!.userId];
    const body = { delegateUserId: b, scope: 'type:member_vote' };
    await scopesRefused(a, otherOrgId, 'POST', `/${org.slug}/delegations`, body);
    const write = await token(a, org.orgId);
    const bad = await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', `/${org.slug}/delegations`, write, { ...body, scope: 'everything' }));
    expect(Object.keys(bad.errors ?? {})).toEqual(['scope']);
    const self = await refusedAndUnchanged(409, 'delegation.to_self', () => call('POST', `/${org.slug}/delegations`, write, { ...body, delegateUserId: a }));
    signInAs({ id: a, email: 'a@acts.example.org', name: 'a' });
    const state = await delegationActions.delegateVoteAction(initialActionState, form({ orgId: org.orgId, ...body, delegateUserId: a }));
    expect(state.code).toBe(self.code);
    // Revoking: someone else's delegation is not found, as the form answers; a malformed id fails the schema.
    const made = await call('POST', `/${org.slug}/delegations`, write, body);
    const id = (made.body.delegation as { id: string }).id;
    const revoke = `/${org.slug}/delegations/${id}/revoke`;
    await scopesRefused(a, otherOrgId, 'POST', revoke);
    const other = await token(b, org.orgId);
    await refusedAndUnchanged(409, 'delegation.not_found', () => call('POST', revoke, other));
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', `/${org.slug}/delegations/not-an-id/revoke`, write));
    expect((await mine(a)).filter((d) => d.revokedAt === null)).toHaveLength(1);
  });
});
