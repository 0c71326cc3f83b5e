import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, memberships, outbox, users } from '@/db/schema';
import { roleOf } from '@/db/queries/member-lookups';
import { countMembersByRole, listMembers, listPendingInvitations } from '@/db/queries/memberships';
import { getOrganizationBySlug } from '@/db/queries/organizations';
import { initialActionState } from '@/lib/actions/state';
import type { ActionState } from '@/lib/actions/state';
import type { RefusalCode } from '@/lib/governance/messages';
import { env } from '@/lib/env';
import { listStoredMail } from '@/lib/notify/mailer';
import { createDraft } from '@/lib/use-cases/drafts';
import { publishProposal } from '@/lib/use-cases/publish';
import { foundOrganization } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { clockFrom } from './fixtures/scenario';
import { expectRedirect, form, session, signInAs, withTestDatabase, writableRowCounts } from './helpers';

vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { inviteMemberAction, revokeInvitationAction, resendInvitationAction, leaveOrganizationAction, removeMemberAction, changeMemberRoleAction } =
  await import('@/app/o/[slug]/members/actions');
const { acceptInvitationAction, declineInvitationAction } = await import('@/app/o/[slug]/invitation/actions');

const T0 = new Date('2026-03-02T09:00:00Z');
const at = clockFrom(T0);

let db: Database;
let org: FoundedOrganization;
let other: FoundedOrganization;
withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  org = await foundOrganization(db, { slug: 'inv-garden', name: 'Garden Group', seated: 5, at: T0 });
  other = await foundOrganization(db, { slug: 'inv-other', name: 'Other Tenants', seated: 5, at: T0 });
  // People 0–4 hold seats (0 is the admin); 6 is a secretary, 7 an observer, the rest members.
  await db
    .update(memberships)
    .set({ role: 'secretary' })
    .where(and(eq(memberships.orgId, org.orgId), eq(memberships.userId, org.people[6]!.userId)));
  await db
    .update(memberships)
    .set({ role: 'observer' })
    .where(and(eq(memberships.orgId, org.orgId), eq(memberships.userId, org.people[7]!.userId)));
});

beforeEach(() => signInAs(null));

async function as(userId: string) {
  const [u] = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
  signInAs(u!);
  return u!;
}

const asAdmin = () => as(org.admin.userId);

async function userIdOf(email: string): Promise<string> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return u!.id;
}

async function membershipRow(userId: string, orgId = org.orgId) {
  const [m] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return m ?? null;
}

async function logKinds(orgId = org.orgId): Promise<string[]> {
  return (await db.select({ kind: decisionLog.kind }).from(decisionLog).where(eq(decisionLog.orgId, orgId)).orderBy(decisionLog.seq)).map((r) => r.kind);
}

async function invite(email: string, role = 'member'): Promise<ActionState> {
  await asAdmin();
  return inviteMemberAction(initialActionState, form({ orgId: org.orgId, email, role }));
}

/** Publishes a members-audience proposal by a seat holder; returns the outbox recipients of its publication notice. */
let proposals = 0;
async function publishAndListRecipients(): Promise<string[]> {
  const author = org.people[1]!;
  const { id } = await createDraft(
    db,
    author,
    {
      orgId: org.orgId,
      typeKey: 'resolution',
      title: `Compost rota ${++proposals}`,
      body: 'Who turns the heap.',
      subjectUserId: null,
      effect: {},
      emergency: false,
    },
    at(proposals),
  );
  const before = new Set((await db.select({ id: outbox.id }).from(outbox)).map((r) => r.id));
  await publishProposal(db, author, { orgId: org.orgId, proposalId: id }, at(proposals));
  const rows = await db
    .select({ id: outbox.id, userId: outbox.recipientUserId })
    .from(outbox)
    .where(and(eq(outbox.orgId, org.orgId), eq(outbox.kind, 'proposal_published')));
  return rows.filter((r) => !before.has(r.id)).map((r) => r.userId);
}

/** `run` is refused with `code`, and no table an action may write changes (the log included). */
async function expectRefusedUnchanged(code: RefusalCode, run: () => Promise<ActionState>): Promise<void> {
  const before = { counts: await writableRowCounts(db), rows: await db.select().from(memberships).orderBy(memberships.id) };
  expect(await run()).toMatchObject({ ok: false, code });
  expect({ counts: await writableRowCounts(db), rows: await db.select().from(memberships).orderBy(memberships.id) }).toEqual(before);
}

async function mailsTo(email: string) {
  // Newest first.
  return (await listStoredMail(env().mailDir, 5000)).filter((m) => m.to === email);
}

describe('an invitation is pending until accepted', () => {
  it('a pending invitee is no member: no notices, no role, not counted; after accepting they are', async () => {
    const email = 'ivy@garden.example.org';
    expect(await invite(email)).toMatchObject({ ok: true });
    const ivy = await userIdOf(email);
    expect((await membershipRow(ivy))?.acceptedAt).toBeNull();
    expect(await roleOf(db, org.orgId, ivy)).toBeNull();
    expect((await listMembers(db, org.orgId)).map((m) => m.userId)).not.toContain(ivy);
    expect((await listPendingInvitations(db, org.orgId)).map((i) => i.email)).toContain(email);
    const counted = await countMembersByRole(db, org.orgId);
    expect((await getOrganizationBySlug(db, org.slug))?.memberCount).toBe(10);
    expect(Object.values(counted).reduce((a, b) => a + b, 0)).toBe(10);

    const before = await publishAndListRecipients();
    expect(before).toContain(org.people[9]!.userId);
    expect(before).not.toContain(ivy);

    // Before accepting, the invitee cannot act as a member.
    await as(ivy);
    expect(await leaveOrganizationAction(initialActionState, form({ orgId: org.orgId, confirm: 'leave' }))).toMatchObject({
      ok: false,
      code: 'action.forbidden',
    });

    expect(await expectRedirect(() => acceptInvitationAction(initialActionState, form({ orgId: org.orgId })))).toBe(`/o/${org.slug}`);
    expect((await membershipRow(ivy))?.acceptedAt).toBeInstanceOf(Date);
    expect(await roleOf(db, org.orgId, ivy)).toBe('member');
    expect((await getOrganizationBySlug(db, org.slug))?.memberCount).toBe(11);
    expect((await logKinds()).slice(-2)).toEqual(['proposal.published', 'membership.accepted']);

    expect(await publishAndListRecipients()).toContain(ivy);
  });

  it('answering is the invitee’s own: an outsider, a member, the admin, or the invitee in another organization is refused and nothing is written', async () => {
    await invite('wes@garden.example.org');
    const wes = await userIdOf('wes@garden.example.org');
    for (const action of [acceptInvitationAction, declineInvitationAction]) {
      for (const who of [other.people[3]!.userId, org.people[2]!.userId, org.admin.userId]) {
        await as(who);
        await expectRefusedUnchanged('invitation.not_found', () => action(initialActionState, form({ orgId: org.orgId })));
      }
      await as(wes);
      await expectRefusedUnchanged('invitation.not_found', () => action(initialActionState, form({ orgId: other.orgId })));
      signInAs(null);
      await expectRefusedUnchanged('action.signed_out', () => action(initialActionState, form({ orgId: org.orgId })));
    }
    expect((await membershipRow(wes))?.acceptedAt).toBeNull();
  });

  it('declining withdraws the invitation and is logged', async () => {
    const email = 'dan@garden.example.org';
    await invite(email);
    const dan = await userIdOf(email);
    await as(dan);
    expect(await expectRedirect(() => declineInvitationAction(initialActionState, form({ orgId: org.orgId })))).toBe('/');
    expect(await membershipRow(dan)).toBeNull();
    expect((await logKinds()).at(-1)).toBe('membership.invitation_declined');
  });
});

describe('re-inviting, revoking and resending', () => {
  it('re-inviting a pending address says it is already invited, and writes nothing', async () => {
    await invite('rosa@garden.example.org');
    await asAdmin();
    await expectRefusedUnchanged('membership.already_invited', () =>
      inviteMemberAction(initialActionState, form({ orgId: org.orgId, email: 'rosa@garden.example.org', role: 'member' })),
    );
  });

  it('an admin revokes a pending invitation: the row goes and the revocation is logged', async () => {
    await invite('sam@garden.example.org');
    const sam = await userIdOf('sam@garden.example.org');
    const m = await membershipRow(sam);
    await asAdmin();
    expect(await expectRedirect(() => revokeInvitationAction(initialActionState, form({ orgId: org.orgId, membershipId: m!.id })))).toBe(
      `/o/${org.slug}/members?done=revoked#pending-invitations`,
    );
    expect(await membershipRow(sam)).toBeNull();
    const [entry] = await db
      .select()
      .from(decisionLog)
      .where(and(eq(decisionLog.orgId, org.orgId), eq(decisionLog.kind, 'membership.invitation_revoked')));
    expect(entry).toMatchObject({ subject: `membership:${m!.id}`, actorId: org.admin.userId });
    // The link they hold now finds nothing to accept.
    await as(sam);
    await expectRefusedUnchanged('invitation.not_found', () => acceptInvitationAction(initialActionState, form({ orgId: org.orgId })));
  });

  it('revoking an accepted membership is refused in plain words and nothing is written', async () => {
    const m = await membershipRow(org.people[8]!.userId);
    await asAdmin();
    await expectRefusedUnchanged('invitation.not_pending', () => revokeInvitationAction(initialActionState, form({ orgId: org.orgId, membershipId: m!.id })));
    const state = await resendInvitationAction(initialActionState, form({ orgId: org.orgId, membershipId: m!.id }));
    expect(state).toMatchObject({ ok: false, code: 'invitation.not_pending', message: expect.stringMatching(/already been accepted/) });
  });

  it('forged POSTs: another organization’s admin and a plain member cannot revoke or resend', async () => {
    await invite('tess@garden.example.org');
    const pending = await membershipRow(await userIdOf('tess@garden.example.org'));
    const mailsBefore = (await mailsTo('tess@garden.example.org')).length;
    for (const action of [revokeInvitationAction, resendInvitationAction]) {
      await as(other.admin.userId);
      // Naming the victim organization: not a member there.
      await expectRefusedUnchanged('action.forbidden', () => action(initialActionState, form({ orgId: org.orgId, membershipId: pending!.id })));
      // Naming their own organization with the victim's invitation id: it is not found there.
      await expectRefusedUnchanged('invitation.not_found_for_admin', () => action(initialActionState, form({ orgId: other.orgId, membershipId: pending!.id })));
      // A seat holder, a secretary, an observer: members, but not admins.
      for (const who of [4, 6, 7]) {
        await as(org.people[who]!.userId);
        await expectRefusedUnchanged('invitation.manage_admin_only', () => action(initialActionState, form({ orgId: org.orgId, membershipId: pending!.id })));
      }
      signInAs(null);
      await expectRefusedUnchanged('action.signed_out', () => action(initialActionState, form({ orgId: org.orgId, membershipId: pending!.id })));
      await asAdmin();
      await expectRefusedUnchanged('action.invalid_input', () => action(initialActionState, form({ orgId: org.orgId, membershipId: 'not-a-uuid' })));
    }
    expect((await mailsTo('tess@garden.example.org')).length).toBe(mailsBefore);
    expect((await membershipRow(pending!.userId))?.acceptedAt).toBeNull();
  });

  it('resend mails a new link naming the organization, and is rate-limited', async () => {
    const email = 'uma@garden.example.org';
    await invite(email);
    const pending = await membershipRow(await userIdOf(email));
    await asAdmin();
    const first = (await mailsTo(email)).length;
    expect(await resendInvitationAction(initialActionState, form({ orgId: org.orgId, membershipId: pending!.id }))).toMatchObject({
      ok: true,
      message: `A new invitation link was sent to ${email}.`,
    });
    const mails = await mailsTo(email);
    expect(mails.length).toBe(first + 1);
    const link = new URL(mails[0]!.text.match(/http:\/\/quorate\.test\/signin\/confirm\S+/)![0]);
    expect(link.searchParams.get('callbackUrl')).toBe(`/o/${org.slug}/invitation`);
    let state: ActionState = initialActionState;
    for (let i = 0; i < 6 && state.code !== 'rate_limit.exceeded'; i++) {
      state = await resendInvitationAction(initialActionState, form({ orgId: org.orgId, membershipId: pending!.id }));
    }
    expect(state).toMatchObject({ ok: false, code: 'rate_limit.exceeded' });
  });
});

describe('invitation mail', () => {
  it('names the inviting organization in subject and body, for a new address and for someone already on Quorate', async () => {
    await invite('new.person@garden.example.org');
    const existing = other.people[5]!;
    const [u] = await db.select({ email: users.email }).from(users).where(eq(users.id, existing.userId));
    await invite(u!.email);
    for (const email of ['new.person@garden.example.org', u!.email]) {
      const mail = (await mailsTo(email))[0]!;
      expect(mail.subject).toContain('Garden Group');
      expect(mail.subject).not.toMatch(/invited to Quorate/);
      expect(mail.text).toContain('invited you to join Garden Group');
      expect(mail.html).toContain('Garden Group');
    }
    // The existing user's other membership is untouched, and the new one is pending.
    expect((await membershipRow(existing.userId, other.orgId))?.acceptedAt).toBeInstanceOf(Date);
    expect((await membershipRow(existing.userId))?.acceptedAt).toBeNull();
  });
});

describe('a pending invitation is not a membership to change', () => {
  it('changing its role or removing it is refused (revoke is the way), and nothing is written', async () => {
    await invite('vic@garden.example.org');
    const pending = await membershipRow(await userIdOf('vic@garden.example.org'));
    await asAdmin();
    await expectRefusedUnchanged('membership.not_member', () => removeMemberAction(initialActionState, form({ orgId: org.orgId, membershipId: pending!.id })));
    await expectRefusedUnchanged('membership.not_member', () =>
      changeMemberRoleAction(initialActionState, form({ orgId: org.orgId, membershipId: pending!.id, role: 'admin' })),
    );
  });
});
