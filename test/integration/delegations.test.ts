/**
 * Delegating one's vote in member-wide votes: each refusal writes nothing (no delegation row
 * changes, no log entry), a replacement revokes the old delegation in the same transaction, a
 * revocation is always possible, and every change is on the decision log.
 */
import { and, asc, count, desc, eq, isNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, delegations, memberships, organizations, proposalStages, proposals, users } from '@/db/schema';
import { insertOrganization } from '@/db/queries/organizations';
import { initialActionState } from '@/lib/actions/state';
import { charterFromTemplate } from '@/lib/governance/charter';
import type { RefusalCode } from '@/lib/governance/messages';
import type { Role } from '@/lib/governance/roles';
import type { BodySpec, Charter, ProposalTypeSpec } from '@/lib/governance/types';
import { summarizeEntry } from '@/lib/transparency/summary';
import { delegateVote, revokeDelegation } from '@/lib/use-cases/delegations';
import { createDraft } from '@/lib/use-cases/drafts';
import { adoptFoundingCharter } from '@/lib/use-cases/founding';
import { publishProposal } from '@/lib/use-cases/publish';
import { expectRedirect, form, session, signInAs, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('@/lib/rate-limit', () => ({ consumeLimit: async () => ({ ok: true }), consumeLimitIn: async () => ({ ok: true }) }));
const { delegateVoteAction, revokeDelegationAction } = await import('@/app/o/[slug]/delegations/actions');

const DAY = 24 * 3_600_000;
let db: Database;
let orgId: string;
const ids: Record<string, string> = {};
const proposal: Record<string, { id: string; number: number }> = {};

/** A member-wide body: all members, or one stakeholder group, one vote each. */
const memberBody = (key: string, name: string, group?: string): BodySpec => ({
  key,
  name,
  charterSeats: 0,
  minSeatsForCriticalDecisions: 0,
  vacancyDeadlineDays: 30,
  seatClassMinimums: {},
  recusedSeatsCountTowardQuorumBase: true,
  electorate: group ? { kind: 'stakeholder_group', group, weighted: false } : { kind: 'all_members', weighted: false },
});

function testCharter(): Charter {
  const charter = charterFromTemplate('nonprofit_board');
  charter.bodies.push(memberBody('assembly', 'Member assembly'), memberBody('staff', 'Staff vote', 'Employees'));
  const board = charter.proposalTypes.find((t) => t.key === 'resolution')!;
  const onBody = (key: string, name: string, bodyKey: string, delegation?: ProposalTypeSpec['delegation']): ProposalTypeSpec => ({
    ...board,
    key,
    name,
    stages: [{ ...board.stages[0]!, bodyKey }],
    ...(delegation ? { delegation } : {}),
  });
  charter.proposalTypes.push(
    onBody('member_vote', 'Member vote', 'assembly', { allowed: true, maxDepth: null }),
    onBody('staff_vote', 'Staff vote', 'staff', { allowed: true, maxDepth: 2 }),
    onBody('undelegated_vote', 'Undelegated vote', 'assembly'),
  );
  return charter;
}

withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  const t0 = new Date(Date.now() - 30 * DAY);
  for (const key of ['ada', 'bob', 'cara', 'dan', 'eve', 'fay', 'gus', 'out']) {
    ids[key] = (
      await db
        .insert(users)
        .values({ email: `${key}@deleg.example.org`, name: key[0]!.toUpperCase() + key.slice(1) })
        .returning()
    )[0]!.id;
  }
  const org = await db.transaction(async (tx) => {
    const created = await insertOrganization(tx, { slug: 'deleg', name: 'Deleg', mission: '', createdBy: ids.ada!, at: t0 });
    await adoptFoundingCharter(tx, { orgId: created.id, actorId: ids.ada!, templateKey: null, charter: testCharter(), at: t0 });
    return created;
  });
  orgId = org.id;
  const add = (key: string, role: Role, extra: { stakeholderGroup?: string; acceptedAt?: null } = {}) =>
    db.insert(memberships).values({ orgId, userId: ids[key]!, role, ...extra });
  await add('bob', 'member');
  await add('cara', 'secretary');
  await add('dan', 'member', { stakeholderGroup: 'employees ' });
  await add('gus', 'member', { stakeholderGroup: 'Employees' });
  await add('eve', 'observer');
  await add('fay', 'member', { acceptedAt: null }); // a pending invitation
  const author = { userId: ids.ada!, role: 'admin' as Role };
  const make = async (key: string, typeKey: string, publish = true) => {
    const at = new Date(Date.now() - 2 * DAY);
    const body = 'A body long enough for the rules to accept it.';
    const d = await createDraft(db, author, { orgId, typeKey, title: `Proposal ${key}`, body, subjectUserId: null, effect: {}, emergency: false }, at);
    if (publish) await publishProposal(db, author, { orgId, proposalId: d.id, confirmFoundingClose: true }, at);
    proposal[key] = d;
  };
  await make('open', 'member_vote');
  await make('voting', 'member_vote');
  await make('decided', 'member_vote');
  await make('withdrawn', 'member_vote');
  await make('draft', 'member_vote', false);
  await make('board', 'resolution');
  await make('staff', 'staff_vote');
  await db
    .update(proposalStages)
    .set({ opensAt: new Date(), closesAt: new Date(Date.now() + DAY) })
    .where(eq(proposalStages.proposalId, proposal.voting!.id));
  await db.update(proposals).set({ outcome: 'passed', outcomeRecordedAt: new Date() }).where(eq(proposals.id, proposal.decided!.id));
  await db.update(proposals).set({ status: 'withdrawn', withdrawnAt: new Date() }).where(eq(proposals.id, proposal.withdrawn!.id));
});
beforeEach(() => signInAs(null));

const as = (key: string) => signInAs({ id: ids[key]!, email: `${key}@deleg.example.org`, name: key });
const scopeOf = (scope: string) => (scope in proposal ? `proposal:${proposal[scope]!.id}` : scope);
const delegate = (who: string, to: string, scope = 'general') => {
  as(who);
  return delegateVoteAction(initialActionState, form({ orgId, delegateUserId: ids[to] ?? to, scope: scopeOf(scope) }));
};
const activeRows = () =>
  db
    .select()
    .from(delegations)
    .where(and(eq(delegations.orgId, orgId), isNull(delegations.revokedAt)))
    .orderBy(asc(delegations.createdAt));
/** Everything a delegation change may write: the delegation rows as they are, and the log's length. */
const written = async () => ({
  rows: await db.select().from(delegations).orderBy(asc(delegations.id)),
  log: (await db.select({ n: count() }).from(decisionLog).where(eq(decisionLog.orgId, orgId)))[0]!.n,
});
const lastEntries = (n: number) => db.select().from(decisionLog).where(eq(decisionLog.orgId, orgId)).orderBy(desc(decisionLog.seq)).limit(n);
const names = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? null;

async function expectRefused(run: () => Promise<{ ok: boolean; code?: RefusalCode; message?: string }>, code: RefusalCode) {
  const before = await written();
  const r = await run();
  expect(r).toMatchObject({ ok: false, code });
  expect(r.message).toBeTruthy();
  expect(await written()).toEqual(before);
}

describe('delegating', () => {
  it('a member delegates for every member-wide vote: one active row and a delegation.granted entry', async () => {
    expect(await delegate('bob', 'cara')).toMatchObject({ ok: true });
    expect((await activeRows()).map((r) => [names(r.delegatorUserId), names(r.delegateUserId), r.typeKey, r.proposalId])).toEqual([
      ['bob', 'cara', null, null],
    ]);
    const [entry] = await lastEntries(1);
    expect(entry).toMatchObject({
      kind: 'delegation.granted',
      actorId: ids.bob,
      payload: { delegatorUserId: ids.bob, delegateUserId: ids.cara, scope: { typeKey: null, proposalNumber: null } },
    });
    expect(entry!.subject).toBe(`delegation:${(await activeRows())[0]!.id}`);
    const ctx = { bodyName: () => null, personName: (id: string) => names(id) };
    expect(summarizeEntry(entry!, ctx)).toBe('bob delegated their vote for every member-wide vote to cara');
  });

  it('delegating again in the same scope replaces the delegation: the old one is revoked, both changes logged, in one transaction', async () => {
    const [old] = await activeRows();
    const logBefore = (await written()).log;
    expect(await delegate('bob', 'dan')).toMatchObject({ ok: true, message: expect.stringMatching(/^Delegation changed/) });
    const active = await activeRows();
    expect(active.map((r) => names(r.delegateUserId))).toEqual(['dan']);
    const [gone] = await db.select().from(delegations).where(eq(delegations.id, old!.id));
    expect(gone!.revokedAt).not.toBeNull();
    expect((await written()).log).toBe(logBefore + 2);
    const [granted, revoked] = await lastEntries(2);
    expect(revoked).toMatchObject({ kind: 'delegation.revoked', subject: `delegation:${old!.id}`, payload: { delegateUserId: ids.cara } });
    expect(granted).toMatchObject({ kind: 'delegation.granted', payload: { delegateUserId: ids.dan } });
  });

  it('a type’s and a proposal’s delegations live beside the general one, and are logged with their scope', async () => {
    expect(await delegate('bob', 'cara', 'type:member_vote')).toMatchObject({ ok: true });
    expect((await lastEntries(1))[0]!.payload).toMatchObject({ scope: { typeKey: 'member_vote', proposalNumber: null } });
    expect(await delegate('bob', 'gus', 'open')).toMatchObject({ ok: true });
    expect((await lastEntries(1))[0]!.payload).toMatchObject({ scope: { typeKey: null, proposalNumber: proposal.open!.number } });
    expect(summarizeEntry((await lastEntries(1))[0]!, { bodyName: () => null, personName: names })).toBe(
      `bob delegated their vote for #${proposal.open!.number} to gus`,
    );
    const mine = (await activeRows()).filter((r) => r.delegatorUserId === ids.bob);
    expect(mine.map((r) => [names(r.delegateUserId), r.typeKey, r.proposalId])).toEqual([
      ['dan', null, null],
      ['cara', 'member_vote', null],
      ['gus', null, proposal.open!.id],
    ]);
  });

  it('a member of the stakeholder group delegates to another member of it (the group compared ignoring case and spaces)', async () => {
    expect(await delegate('dan', 'gus', 'type:staff_vote')).toMatchObject({ ok: true });
  });
});

describe('refusals write nothing', () => {
  it('to oneself', () => expectRefused(() => delegate('bob', 'bob'), 'delegation.to_self'));
  it('to someone who is not a member, to an observer, to a pending invitation', async () => {
    await expectRefused(() => delegate('bob', 'out'), 'delegation.not_member');
    await expectRefused(() => delegate('bob', 'eve'), 'delegation.not_member');
    await expectRefused(() => delegate('bob', 'fay'), 'delegation.not_member');
    await expectRefused(() => delegate('bob', 'no-such-user'), 'delegation.not_member');
  });
  it('to someone outside the stakeholder group that votes on the type, or on the proposal', async () => {
    await expectRefused(() => delegate('dan', 'cara', 'type:staff_vote'), 'delegation.outside_electorate');
    await expectRefused(() => delegate('dan', 'cara', 'staff'), 'delegation.outside_electorate');
    // Bob is in no group: his delegate must still be someone who votes there.
    await expectRefused(() => delegate('bob', 'cara', 'type:staff_vote'), 'delegation.outside_electorate');
  });
  it('for a proposal whose member vote has opened, or which was decided or withdrawn', async () => {
    await expectRefused(() => delegate('bob', 'cara', 'voting'), 'delegation.voting_open');
    await expectRefused(() => delegate('bob', 'cara', 'decided'), 'delegation.proposal_closed');
    await expectRefused(() => delegate('bob', 'cara', 'withdrawn'), 'delegation.proposal_closed');
  });
  it('for a draft (as if it did not exist), an unknown type or a proposal of another organization', async () => {
    await expectRefused(() => delegate('bob', 'cara', 'draft'), 'proposal.not_found');
    await expectRefused(() => delegate('bob', 'cara', 'type:nonsense'), 'delegation.type_unknown');
    await expectRefused(() => delegate('bob', 'cara', 'proposal:00000000-0000-4000-8000-000000000000'), 'proposal.not_found');
  });
  it('for a type whose charter does not allow delegation, or a proposal of one', async () => {
    await expectRefused(() => delegate('bob', 'cara', 'type:undelegated_vote'), 'delegation.not_allowed');
    await expectRefused(() => delegate('bob', 'cara', 'type:resolution'), 'delegation.not_allowed');
    await expectRefused(() => delegate('bob', 'cara', 'board'), 'delegation.not_allowed');
  });
  it('a loop in the same scope, directly or through others; another scope is not a loop', async () => {
    // General: bob → dan already.
    await expectRefused(() => delegate('dan', 'bob'), 'delegation.would_cycle');
    expect(await delegate('dan', 'gus')).toMatchObject({ ok: true });
    await expectRefused(() => delegate('gus', 'bob'), 'delegation.would_cycle');
    expect(await delegate('gus', 'bob', 'type:member_vote')).toMatchObject({ ok: true });
  });
  it('the same delegate again', () => expectRefused(() => delegate('bob', 'dan'), 'delegation.unchanged'));
  it('an observer, or a forged role for a pending invitee, cannot delegate', async () => {
    await expectRefused(() => delegate('eve', 'bob'), 'delegation.members_only');
    const before = await written();
    await expect(
      delegateVote(db, { userId: ids.fay!, role: 'member' }, { orgId, delegateUserId: ids.bob!, scope: { typeKey: null, proposalId: null } }, new Date()),
    ).rejects.toMatchObject({ code: 'delegation.members_only' });
    expect(await written()).toEqual(before);
  });
  it('someone outside the organization is refused before anything is read', () => expectRefused(() => delegate('out', 'bob'), 'action.forbidden'));
  it('a scope that is not one', () => expectRefused(() => delegate('bob', 'cara', 'type:'), 'action.invalid_input'));
});

describe('revoking', () => {
  const revoke = (who: string, delegationId: string) => {
    as(who);
    return revokeDelegationAction(initialActionState, form({ orgId, delegationId }));
  };

  it('a member revokes their own delegation, even once the vote it was for has opened; logged with its scope', async () => {
    expect(await delegate('cara', 'bob', 'open')).toMatchObject({ ok: true });
    const [row] = (await activeRows()).filter((r) => r.delegatorUserId === ids.cara && r.proposalId === proposal.open!.id);
    await db.update(proposalStages).set({ opensAt: new Date() }).where(eq(proposalStages.proposalId, proposal.open!.id));
    expect(await expectRedirect(() => revoke('cara', row!.id))).toBe('/o/deleg/delegations?done=revoked#mine');
    const [after] = await db.select().from(delegations).where(eq(delegations.id, row!.id));
    expect(after!.revokedAt).not.toBeNull();
    expect((await lastEntries(1))[0]).toMatchObject({
      kind: 'delegation.revoked',
      subject: `delegation:${row!.id}`,
      payload: { delegatorUserId: ids.cara, delegateUserId: ids.bob, scope: { typeKey: null, proposalNumber: proposal.open!.number } },
    });
    // Revoked already: nothing left to revoke.
    await expectRefused(() => revoke('cara', row!.id), 'delegation.not_found');
  });

  it('a member since made an observer can still revoke the delegation they made', async () => {
    const [row] = await db.insert(delegations).values({ orgId, delegatorUserId: ids.eve!, delegateUserId: ids.bob!, createdAt: new Date() }).returning();
    await expectRedirect(() => revoke('eve', row!.id));
    expect((await lastEntries(1))[0]).toMatchObject({ kind: 'delegation.revoked', actorId: ids.eve });
  });

  it('nobody revokes another member’s delegation', async () => {
    const [bobs] = (await activeRows()).filter((r) => r.delegatorUserId === ids.bob);
    await expectRefused(() => revoke('cara', bobs!.id), 'delegation.not_found');
    await expectRefused(() => revoke('out', bobs!.id), 'action.forbidden');
    await expect(revokeDelegation(db, { userId: ids.cara!, role: 'secretary' }, { orgId, delegationId: bobs!.id }, new Date())).rejects.toMatchObject({
      code: 'delegation.not_found',
    });
  });

  it('an archived organization takes no delegation and no revocation', async () => {
    const [bobs] = (await activeRows()).filter((r) => r.delegatorUserId === ids.bob);
    await db.update(organizations).set({ archivedAt: new Date() }).where(eq(organizations.id, orgId));
    try {
      await expectRefused(() => delegate('cara', 'gus'), 'organization.archived');
      await expectRefused(() => revoke('bob', bobs!.id), 'organization.archived');
    } finally {
      await db.update(organizations).set({ archivedAt: null }).where(eq(organizations.id, orgId));
    }
  });
});
