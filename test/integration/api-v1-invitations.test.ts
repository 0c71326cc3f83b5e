/**
 * The /api/v1 invitation administration and leaving added in 1.8.0: an admin lists the pending invitations a page at a
 * time, revokes one and sends one again; a member leaves the organization — through the members page's own operations
 * (lib/actions/operations.ts): the same rules, refusal codes and resend limit as the forms. A read-only token, a
 * non-admin's token, another organization's token, a body failing the schema, an unknown invitation and a rule's "no"
 * answer a problem and change nothing.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, memberships, users } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { env } from '@/lib/env';
import { listStoredMail } from '@/lib/notify/mailer';
import { foundWithOtherOrganization, signInAsPerson } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { expectRedirect, form, session } from './helpers';
import { apiV1File } from './support/api-v1-file';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let db: Database;
let org: FoundedOrganization;
let otherOrgId = '';
let outsiderId = '';
const { call, token, refusedAndUnchanged, scopesRefused } = apiV1File(
  (handle) => (db = handle),
  async () =>
    ({ org, otherOrgId, outsiderId } = await foundWithOtherOrganization(db, { slug: 'invites-api', seated: 2, at: new Date(Date.now() - 86_400_000) })),
);
const memberActions = await import('@/app/o/[slug]/members/actions');

/** Every membership of the organization as stored: a refusal must leave them exactly as they were. */
const snapshot = () => db.select().from(memberships).where(eq(memberships.orgId, org.orgId)).orderBy(asc(memberships.id));
const person = (i: number) => org.people[i]!.userId;
const membershipOf = async (userId: string, orgId = org.orgId) =>
  (
    await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
  )[0] ?? null;
const mailsTo = async (email: string) => (await listStoredMail(env().mailDir, 5000)).filter((m) => m.to === email).length;
const logged = (kind: string, subject: string) =>
  db.$count(decisionLog, and(eq(decisionLog.orgId, org.orgId), eq(decisionLog.kind, kind), eq(decisionLog.subject, subject)));

/** The pending invitations as stored, in the list's order (newest first, ties by id). */
async function pendingInDatabase() {
  return db
    .select({ id: memberships.id, email: users.email, name: users.name, role: memberships.role, invitedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, org.orgId), isNull(memberships.acceptedAt)))
    .orderBy(desc(memberships.createdAt), desc(memberships.id));
}

async function invite(admin: string, email: string, role = 'member') {
  expect(await call('POST', `/${org.slug}/members`, admin, { email, name: `Invitee ${email.split('@')[0]}`, role })).toMatchObject({ status: 201 });
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await membershipOf(u!.id))!.id;
}

describe('/api/v1 invitations', () => {
  it('an admin lists the pending invitations a page at a time, as stored, never the accepted members', async () => {
    const admin = await token(org.admin.userId, org.orgId);
    const ids = [
      await invite(admin, 'ada@invites.example.org', 'secretary'),
      await invite(admin, 'bo@invites.example.org'),
      await invite(admin, 'cy@invites.example.org', 'observer'),
    ];

    const reader = await token(org.admin.userId, org.orgId, 'read');
    const first = await call('GET', `/${org.slug}/invitations?limit=2`, reader);
    expect(first.status).toBe(200);
    const second = await call('GET', `/${org.slug}/invitations?limit=2&cursor=${first.body.next_cursor as string}`, reader);
    expect(first.body.next_cursor).toBe('2');
    expect(second.body.next_cursor).toBeNull();
    const listed = [...(first.body.invitations as { id: string }[]), ...(second.body.invitations as { id: string }[])];
    const stored = await pendingInDatabase();
    expect(stored.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(listed).toEqual(
      stored.map((r) => ({
        id: r.id,
        email: r.email,
        name: r.name,
        role: r.role,
        invitedAt: r.invitedAt.toISOString(),
        invitedByName: `${org.slug} person 0`,
      })),
    );
    // The default page holds them all; the members (accepted) are not invitations.
    const all = await call('GET', `/${org.slug}/invitations`, reader);
    expect((all.body.invitations as { id: string }[]).map((i) => i.id)).toEqual(stored.map((r) => r.id));
    expect(all.body.next_cursor).toBeNull();

    // Who may read: an admin only (the members page shows no revoke or resend button to anyone else).
    // (Tokens are made before each refused call: a new token is a row, and a refusal must change none.)
    const memberReader = await token(person(1), org.orgId, 'read');
    await refusedAndUnchanged(403, 'action.forbidden', () => call('GET', `/${org.slug}/invitations`, memberReader));
    const outsiderReader = await token(outsiderId, null, 'read');
    await refusedAndUnchanged(403, 'action.forbidden', () => call('GET', `/${org.slug}/invitations`, outsiderReader));
    await db.insert(memberships).values({ orgId: otherOrgId, userId: org.admin.userId, role: 'member' }).onConflictDoNothing();
    const elsewhere = await token(org.admin.userId, otherOrgId, 'read');
    await refusedAndUnchanged(403, 'api.other_organization', () => call('GET', `/${org.slug}/invitations`, elsewhere));
    await refusedAndUnchanged(401, 'api.unauthenticated', () => call('GET', `/${org.slug}/invitations`));
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('GET', `/${org.slug}/invitations?limit=0`, reader));
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('GET', `/${org.slug}/invitations?cursor=first`, reader));
    await refusedAndUnchanged(404, 'api.not_found', () => call('GET', `/no-such-org/invitations`, reader));
  });

  it('an admin revokes a pending invitation and sends one again, as the buttons do; refusals change nothing', async () => {
    const admin = await token(org.admin.userId, org.orgId);
    const revoked = await invite(admin, 'dee@invites.example.org');
    const resent = await invite(admin, 'eve@invites.example.org', 'secretary');

    // Refusals first: nothing changes, no mail goes out.
    const before = await snapshot();
    const mailsBefore = await mailsTo('eve@invites.example.org');
    const writes: [string, string][] = [
      ['DELETE', `/${org.slug}/invitations/${revoked}`],
      ['POST', `/${org.slug}/invitations/${resent}/resend`],
    ];
    for (const [method, path] of writes) await scopesRefused(org.admin.userId, otherOrgId, method, path);
    // A member who is not an admin (a seat holder, a plain member): the rules' code, the one the buttons answer them with.
    signInAsPerson(org, 1);
    expect(await memberActions.revokeInvitationAction(initialActionState, form({ orgId: org.orgId, membershipId: revoked }))).toMatchObject({
      ok: false,
      code: 'invitation.manage_admin_only',
    });
    for (const who of [1, 3]) {
      const member = await token(person(who), org.orgId);
      for (const [method, path] of writes) await refusedAndUnchanged(409, 'invitation.manage_admin_only', () => call(method, path, member));
    }
    // Someone of no role here (a non-member of this public organization) is refused before any rule.
    const outsider = await token(outsiderId, null);
    for (const [method, path] of writes) await refusedAndUnchanged(403, 'action.forbidden', () => call(method, path, outsider));
    // The schema: not an invitation id.
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('DELETE', `/${org.slug}/invitations/not-an-id`, admin));
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', `/${org.slug}/invitations/not-an-id/resend`, admin));
    // No such invitation here: an unknown id, or another organization's invitation.
    const elsewhere = (
      await db
        .insert(memberships)
        .values({ orgId: otherOrgId, userId: person(9), role: 'member' })
        .returning({ id: memberships.id })
    )[0]!.id;
    for (const id of [randomUUID(), elsewhere]) {
      await refusedAndUnchanged(404, 'invitation.not_found_for_admin', () => call('DELETE', `/${org.slug}/invitations/${id}`, admin));
      await refusedAndUnchanged(404, 'invitation.not_found_for_admin', () => call('POST', `/${org.slug}/invitations/${id}/resend`, admin));
    }
    await refusedAndUnchanged(404, 'api.not_found', () => call('DELETE', `/no-such-org/invitations/${revoked}`, admin));
    // An accepted membership is not an invitation: it ends only by removal.
    const accepted = (await membershipOf(person(5)))!.id;
    await refusedAndUnchanged(409, 'invitation.not_pending', () => call('DELETE', `/${org.slug}/invitations/${accepted}`, admin));
    await refusedAndUnchanged(409, 'invitation.not_pending', () => call('POST', `/${org.slug}/invitations/${accepted}/resend`, admin));
    expect(await snapshot()).toEqual(before);
    expect(await mailsTo('eve@invites.example.org')).toBe(mailsBefore);

    // Revoked: the row goes, the revocation is logged.
    expect(await call('DELETE', `/${org.slug}/invitations/${revoked}`, admin)).toMatchObject({
      status: 200,
      body: { ok: true, invitation: { id: revoked, revoked: true } },
    });
    expect(await db.$count(memberships, eq(memberships.id, revoked))).toBe(0);
    expect(await logged('membership.invitation_revoked', `membership:${revoked}`)).toBe(1);
    await refusedAndUnchanged(404, 'invitation.not_found_for_admin', () => call('DELETE', `/${org.slug}/invitations/${revoked}`, admin));

    // Sent again: a new mail, the same pending invitation.
    expect(await call('POST', `/${org.slug}/invitations/${resent}/resend`, admin)).toMatchObject({
      status: 200,
      body: { ok: true, invitation: { id: resent, email: 'eve@invites.example.org', resent: true } },
    });
    expect(await mailsTo('eve@invites.example.org')).toBe(mailsBefore + 1);
    expect(await db.select().from(memberships).where(eq(memberships.id, resent))).toMatchObject([{ role: 'secretary', acceptedAt: null }]);
    const listed = (await call('GET', `/${org.slug}/invitations?limit=100`, admin)).body.invitations as { id: string }[];
    expect(listed.map((i) => i.id)).toContain(resent);
    expect(listed.map((i) => i.id)).not.toContain(revoked);
  });

  it('resending spends the sign-in links’ limit of the invitation, shared with the button: 429 once spent', async () => {
    const admin = await token(org.admin.userId, org.orgId);
    const id = await invite(admin, 'flo@invites.example.org');
    let status = 200;
    let sent = 0;
    for (let i = 0; i < 8 && status === 200; i++) {
      status = (await call('POST', `/${org.slug}/invitations/${id}/resend`, admin)).status;
      if (status === 200) sent++;
    }
    // magicLinkEmail: 5 links a quarter of an hour, keyed by the invitation.
    expect(sent).toBe(5);
    const mails = await mailsTo('flo@invites.example.org');
    await refusedAndUnchanged(429, 'rate_limit.exceeded', () => call('POST', `/${org.slug}/invitations/${id}/resend`, admin));
    signInAsPerson(org, 0);
    expect(await memberActions.resendInvitationAction(initialActionState, form({ orgId: org.orgId, membershipId: id }))).toMatchObject({
      ok: false,
      code: 'rate_limit.exceeded',
    });
    expect(await mailsTo('flo@invites.example.org')).toBe(mails);
  });
});

describe('/api/v1 resending, refused to a member', () => {
  it('a member who may not resend is refused before the invitation’s sends are spent: the admin can still send all five', async () => {
    const admin = await token(org.admin.userId, org.orgId);
    const id = await invite(admin, 'gus@invites.example.org');
    const member = await token(person(3), org.orgId);
    for (let i = 0; i < 6; i++) {
      expect((await call('POST', `/${org.slug}/invitations/${id}/resend`, member)).status).toBe(409);
    }
    let sent = 0;
    for (let i = 0; i < 5; i++) if ((await call('POST', `/${org.slug}/invitations/${id}/resend`, admin)).status === 200) sent++;
    expect(sent).toBe(5);
  });
});

describe('/api/v1 leaving an organization', () => {
  it('a member leaves with { confirm: "leave" }; the last admin, a seat holder, a bad body and the wrong tokens are refused and nothing changes', async () => {
    const leaver = person(6);
    const before = await snapshot();
    await scopesRefused(leaver, otherOrgId, 'POST', `/${org.slug}/leave`, { confirm: 'leave' });
    const mine = await token(leaver, org.orgId);
    // The schema: the box not ticked.
    const unticked = await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', `/${org.slug}/leave`, mine, {}));
    expect(Object.keys(unticked.errors ?? {})).toEqual(['confirm']);
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', `/${org.slug}/leave`, mine, { confirm: 'yes' }));
    // The rules' "no", with the form's codes: the only admin, a seat holder.
    const admin = await token(org.admin.userId, org.orgId);
    await refusedAndUnchanged(409, 'membership.leave_last_admin', () => call('POST', `/${org.slug}/leave`, admin, { confirm: 'leave' }));
    const seated = await token(person(1), org.orgId);
    await refusedAndUnchanged(409, 'membership.leave_seat_holder', () => call('POST', `/${org.slug}/leave`, seated, { confirm: 'leave' }));
    signInAsPerson(org, 1);
    expect(await memberActions.leaveOrganizationAction(initialActionState, form({ orgId: org.orgId, confirm: 'leave' }))).toMatchObject({
      ok: false,
      code: 'membership.leave_seat_holder',
    });
    // Not a member here: nothing to leave; no such organization.
    const outsider = await token(outsiderId, null);
    await refusedAndUnchanged(403, 'action.forbidden', () => call('POST', `/${org.slug}/leave`, outsider, { confirm: 'leave' }));
    await refusedAndUnchanged(404, 'api.not_found', () => call('POST', `/no-such-org/leave`, mine, { confirm: 'leave' }));
    expect(await snapshot()).toEqual(before);

    const membershipId = (await membershipOf(leaver))!.id;
    expect(await call('POST', `/${org.slug}/leave`, mine, { confirm: 'leave' })).toMatchObject({ status: 200, body: { ok: true, membership: { left: true } } });
    expect(await membershipOf(leaver)).toBeNull();
    expect(await logged('membership.left', `membership:${membershipId}`)).toBe(1);
    // Gone: the token no longer acts here (its organization is public, so it is a non-member's 403).
    await refusedAndUnchanged(403, 'action.forbidden', () => call('POST', `/${org.slug}/leave`, mine, { confirm: 'leave' }));

    // The form runs the same operation: another member leaves through it.
    signInAsPerson(org, 7);
    expect(await expectRedirect(() => memberActions.leaveOrganizationAction(initialActionState, form({ orgId: org.orgId, confirm: 'leave' })))).toBe(
      `/o/${org.slug}`,
    );
    expect(await membershipOf(person(7))).toBeNull();
  });
});
