/**
 * Archiving an organization: admins only, with the name typed to confirm, refused while a
 * proposal is open; an archived organization takes no proposal, comment, ballot or membership
 * write (each refused with `organization.archived`, nothing written) and leaves the home page.
 */
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, memberships, organizations } from '@/db/schema';
import { listHomePageOrganizations } from '@/db/queries/organizations';
import { initialActionState } from '@/lib/actions/state';
import { publishProposal } from '@/lib/use-cases/publish';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { form, session, signInAs, withTestDatabase, writableRowCounts } from './helpers';
import { foundOrganization, insertUser, signInAsPerson } from './fixtures/organization';
import { DAY, HOUR, draftProposal } from './fixtures/scenario';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
const { archiveOrganizationAction, unarchiveOrganizationAction } = await import('@/app/o/[slug]/settings/archive/actions');
const proposalActions = await import('@/app/o/[slug]/proposals/actions');
const memberActions = await import('@/app/o/[slug]/members/actions');

let db: Database;
withTestDatabase({ app: true }, (handle) => (db = handle.db));
beforeEach(() => signInAs(null));

const body = 'A body long enough for the rules to accept it, with reasons.';
const T0 = new Date(Date.now() - 30 * DAY);

const as = signInAsPerson;
const archivedAt = async (orgId: string) => (await db.select({ a: organizations.archivedAt }).from(organizations).where(eq(organizations.id, orgId)))[0]!.a;
const logKinds = async (orgId: string) =>
  (await db.select({ kind: decisionLog.kind }).from(decisionLog).where(eq(decisionLog.orgId, orgId))).map((r) => r.kind);
const nameOf = async (orgId: string) => (await db.select({ n: organizations.name }).from(organizations).where(eq(organizations.id, orgId)))[0]!.n;

describe('archiving an organization', () => {
  it('refuses non-admins, forged organization ids, a wrong name and open proposals, writing nothing', async () => {
    const org = await foundOrganization(db, { slug: 'archive-refusals', seated: 5, at: T0 });
    const other = await foundOrganization(db, { slug: 'archive-other', seated: 0, at: T0 });
    const name = await nameOf(org.orgId);
    const attempts: [string, () => void, Record<string, string>, string][] = [
      ['a member', () => as(org, 1), { orgId: org.orgId, confirmation: name }, 'organization.archive_admin_only'],
      ['the admin of another organization', () => as(other, 0), { orgId: org.orgId, confirmation: name }, 'action.forbidden'],
      ['a signed-out visitor', () => signInAs(null), { orgId: org.orgId, confirmation: name }, 'action.signed_out'],
      ['the admin with the wrong name', () => as(org, 0), { orgId: org.orgId, confirmation: 'archive' }, 'organization.archive_confirmation'],
      ['the admin with no name', () => as(org, 0), { orgId: org.orgId, confirmation: '' }, 'organization.archive_confirmation'],
    ];
    for (const [label, signIn, fields, code] of attempts) {
      signIn();
      const before = await writableRowCounts(db);
      expect(await archiveOrganizationAction(initialActionState, form(fields)), label).toMatchObject({ ok: false, code });
      expect(await writableRowCounts(db), label).toEqual(before);
      expect(await archivedAt(org.orgId), label).toBeNull();
    }

    // A proposal in its comment window: archiving waits for it.
    const open = await draftProposal(db, org.people[1]!, org.orgId, { title: 'Open meetings', body }, new Date(Date.now() - 2 * HOUR));
    await publishProposal(db, org.people[1]!, { orgId: org.orgId, proposalId: open }, new Date(Date.now() - HOUR));
    as(org, 0);
    const before = await writableRowCounts(db);
    const state = await archiveOrganizationAction(initialActionState, form({ orgId: org.orgId, confirmation: name }));
    expect(state).toMatchObject({ ok: false, code: 'organization.archive_open_proposals', message: expect.stringContaining('1 proposal(s) still open') });
    expect(await writableRowCounts(db)).toEqual(before);
    expect(await archivedAt(org.orgId)).toBeNull();
  }, 60_000);

  it('the admin archives (logged, off the home page), a member cannot unarchive, the admin unarchives (logged)', async () => {
    const org = await foundOrganization(db, { slug: 'archive-ok', seated: 3, at: T0 });
    const name = await nameOf(org.orgId);
    as(org, 0);
    expect(await archiveOrganizationAction(initialActionState, form({ orgId: org.orgId, confirmation: `  ${name} ` }))).toMatchObject({ ok: true });
    expect(await archivedAt(org.orgId)).toBeInstanceOf(Date);
    expect(await logKinds(org.orgId)).toContain('organization.archived');
    const listed = await listHomePageOrganizations(db, { all: true, slugs: [] }, 1000);
    expect(listed.map((o) => o.slug)).not.toContain('archive-ok');

    expect(await archiveOrganizationAction(initialActionState, form({ orgId: org.orgId, confirmation: name }))).toMatchObject({
      ok: false,
      code: 'organization.already_archived',
    });

    as(org, 1);
    const before = await writableRowCounts(db);
    expect(await unarchiveOrganizationAction(initialActionState, form({ orgId: org.orgId }))).toMatchObject({
      ok: false,
      code: 'organization.archive_admin_only',
    });
    expect(await writableRowCounts(db)).toEqual(before);

    as(org, 0);
    expect(await unarchiveOrganizationAction(initialActionState, form({ orgId: org.orgId }))).toMatchObject({ ok: true });
    expect(await archivedAt(org.orgId)).toBeNull();
    expect(await logKinds(org.orgId)).toContain('organization.unarchived');
    expect((await listHomePageOrganizations(db, { all: true, slugs: [] }, 1000)).map((o) => o.slug)).toContain('archive-ok');
    expect(await unarchiveOrganizationAction(initialActionState, form({ orgId: org.orgId }))).toMatchObject({ ok: false, code: 'organization.not_archived' });
  }, 60_000);

  it('an archived organization refuses proposals, publication, comments, ballots and invitations with a code, writing nothing', async () => {
    const org = await foundOrganization(db, { slug: 'archive-writes', seated: 9, at: T0 });
    const realNow = Date.now();
    const draft = await draftProposal(db, org.people[1]!, org.orgId, { title: 'A draft', body }, new Date(realNow - DAY));
    const discussion = await draftProposal(db, org.people[1]!, org.orgId, { title: 'In discussion', body }, new Date(realNow - 2 * HOUR));
    await publishProposal(db, org.people[1]!, { orgId: org.orgId, proposalId: discussion }, new Date(realNow - HOUR));
    const voting = await draftProposal(db, org.people[1]!, org.orgId, { title: 'In voting', body }, new Date(realNow - 9 * DAY));
    await publishProposal(db, org.people[1]!, { orgId: org.orgId, proposalId: voting }, new Date(realNow - 8 * DAY));
    expect(await recordTransitions(db, voting, org.orgId, new Date(realNow - HOUR))).toEqual(['discussion_closed', 'stage_0_opened']);
    const invitee = await insertUser(db, 'archive-invitee@example.org', 'Invitee');
    await db.insert(memberships).values({ orgId: org.orgId, userId: invitee, role: 'member', acceptedAt: null });
    // Archived as the database holds it (the archive action itself waits for open proposals; this tests the write guard).
    await db
      .update(organizations)
      .set({ archivedAt: new Date(realNow - 60_000) })
      .where(eq(organizations.id, org.orgId));

    const [pending] = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, org.orgId), eq(memberships.userId, invitee)));
    const attempts: [string, number, () => Promise<unknown>][] = [
      [
        'a new proposal',
        1,
        () => proposalActions.createProposalAction(initialActionState, form({ orgId: org.orgId, typeKey: 'resolution', title: 'Another idea', body })),
      ],
      ['publishing a draft', 1, () => proposalActions.publishProposalAction(initialActionState, form({ orgId: org.orgId, proposalId: draft }))],
      ['a comment', 2, () => proposalActions.postCommentAction(initialActionState, form({ orgId: org.orgId, proposalId: discussion, body: 'A comment.' }))],
      ['a ballot', 2, () => proposalActions.castBallotAction(initialActionState, form({ orgId: org.orgId, proposalId: voting, choice: 'yes' }))],
      ['an invitation', 0, () => memberActions.inviteMemberAction(initialActionState, form({ orgId: org.orgId, email: 'new@example.org', role: 'member' }))],
      ['a resent invitation', 0, () => memberActions.resendInvitationAction(initialActionState, form({ orgId: org.orgId, membershipId: pending!.id }))],
    ];
    for (const [label, who, run] of attempts) {
      as(org, who);
      const before = await writableRowCounts(db);
      expect(await run(), label).toMatchObject({ ok: false, code: 'organization.archived' });
      expect(await writableRowCounts(db), label).toEqual(before);
    }

    // Unarchived, the same ballot goes through: the archive was the only obstacle.
    as(org, 0);
    expect(await unarchiveOrganizationAction(initialActionState, form({ orgId: org.orgId }))).toMatchObject({ ok: true });
    as(org, 2);
    expect(await proposalActions.castBallotAction(initialActionState, form({ orgId: org.orgId, proposalId: voting, choice: 'yes' }))).toMatchObject({
      ok: true,
    });
  }, 90_000);
});
