/**
 * The /api/v1 member administration added in 1.7.0: an admin invites someone, changes a member's role, sets or clears
 * their stakeholder group and removes them, through the members page's own operations (lib/actions/operations.ts): the
 * same rules and refusal codes as the forms. A read-only token, a non-admin's token, another organization's token, a body
 * failing the schema, an unknown member and a rule's "no" answer a problem and change nothing.
 */
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { foundWithOtherOrganization, signInAsPerson } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { form, session } from './helpers';
import { apiV1File } from './support/api-v1-file';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let db: Database;
let org: FoundedOrganization;
let otherOrgId = '';
const { call, token, refusedAndUnchanged, scopesRefused } = apiV1File(
  (handle) => (db = handle),
  async () => ({ org, otherOrgId } = await foundWithOtherOrganization(db, { slug: 'members-api', seated: 1, at: new Date(Date.now() - 86_400_000) })),
);
const memberActions = await import('@/app/o/[slug]/members/actions');

/** Every membership of the organization as stored: a refusal must leave them exactly as they were. */
const snapshot = () => db.select().from(memberships).where(eq(memberships.orgId, org.orgId)).orderBy(asc(memberships.id));
const person = (i: number) => org.people[i]!.userId;
const membershipOf = async (userId: string) =>
  (await db.select().from(memberships).where(eq(memberships.userId, userId))).find((m) => m.orgId === org.orgId) ?? null;
const listed = async (userId: string, admin: string) =>
  ((await call('GET', `/${org.slug}/members?limit=100`, admin)).body.members as { userId: string; role: string; stakeholderGroup: string | null }[]).find(
    (m) => m.userId === userId,
  );

describe('/api/v1 member administration', () => {
  it('an admin invites, changes a role, sets and clears a stakeholder group and removes a member, as the member list shows', async () => {
    const admin = await token(org.admin.userId, org.orgId);
    const invited = await call('POST', `/${org.slug}/members`, admin, { email: 'new.person@example.org', name: 'New Person', role: 'secretary' });
    expect(invited).toMatchObject({ status: 201, body: { ok: true, invitation: { email: 'new.person@example.org', role: 'secretary' } } });
    const [newUser] = await db.select().from(users).where(eq(users.email, 'new.person@example.org'));
    expect(await membershipOf(newUser!.id)).toMatchObject({ role: 'secretary', acceptedAt: null, invitedBy: org.admin.userId });

    expect(await call('PUT', `/${org.slug}/members/${person(2)}/role`, admin, { role: 'secretary' })).toMatchObject({
      status: 200,
      body: { ok: true, member: { userId: person(2), role: 'secretary' } },
    });
    expect(await listed(person(2), admin)).toMatchObject({ role: 'secretary' });

    expect(await call('PUT', `/${org.slug}/members/${person(3)}/stakeholder-group`, admin, { group: '  Staff  ' })).toMatchObject({
      status: 200,
      body: { member: { userId: person(3), stakeholderGroup: 'Staff' } },
    });
    expect(await listed(person(3), admin)).toMatchObject({ stakeholderGroup: 'Staff' });
    expect(await call('PUT', `/${org.slug}/members/${person(3)}/stakeholder-group`, admin, {})).toMatchObject({
      status: 200,
      body: { member: { stakeholderGroup: null } },
    });
    expect(await listed(person(3), admin)).toMatchObject({ stakeholderGroup: null });

    expect(await call('DELETE', `/${org.slug}/members/${person(4)}`, admin)).toMatchObject({
      status: 200,
      body: { ok: true, member: { userId: person(4), removed: true } },
    });
    expect(await listed(person(4), admin)).toBeUndefined();
    expect(await membershipOf(person(4))).toBeNull();
  });

  it('refuses a read-only token, another organization’s token, a non-admin (with the form’s code), a bad body, an unknown member and the rules’ “no”; nothing changes', async () => {
    const admin = await token(org.admin.userId, org.orgId);
    const member = await token(person(1), org.orgId);
    const before = await snapshot();
    const writes: [string, string, Record<string, string>?][] = [
      ['POST', `/${org.slug}/members`, { email: 'refused@example.org', role: 'member' }],
      ['PUT', `/${org.slug}/members/${person(5)}/role`, { role: 'admin' }],
      ['PUT', `/${org.slug}/members/${person(5)}/stakeholder-group`, { group: 'Refused' }],
      ['DELETE', `/${org.slug}/members/${person(5)}`],
    ];
    for (const [method, path, body] of writes) await scopesRefused(org.admin.userId, otherOrgId, method, path, body);

    // A member who is not an admin: refused by the rules, with the code the form gives them.
    signInAsPerson(org, 1);
    const formAnswers = [
      await memberActions.inviteMemberAction(initialActionState, form({ orgId: org.orgId, email: 'refused@example.org', role: 'member' })),
      await memberActions.changeMemberRoleAction(
        initialActionState,
        form({ orgId: org.orgId, membershipId: (await membershipOf(person(5)))!.id, role: 'admin' }),
      ),
      await memberActions.setStakeholderGroupAction(
        initialActionState,
        form({ orgId: org.orgId, membershipId: (await membershipOf(person(5)))!.id, group: 'Refused' }),
      ),
      await memberActions.removeMemberAction(initialActionState, form({ orgId: org.orgId, membershipId: (await membershipOf(person(5)))!.id })),
    ];
    const codes = ['membership.invite_admin_only', 'role.change_admin_only', 'membership.group_admin_only', 'membership.remove_admin_only'];
    for (const [i, [method, path, body]] of writes.entries()) {
      expect(formAnswers[i]).toMatchObject({ ok: false, code: codes[i] });
      await refusedAndUnchanged(409, codes[i]!, () => call(method, path, member, body));
    }

    // The schema: a bad address, an unknown role, a group the rules do not take.
    const bad = await refusedAndUnchanged(400, 'action.invalid_input', () => call('POST', `/${org.slug}/members`, admin, { email: 'not an address' }));
    expect(Object.keys(bad.errors ?? {})).toEqual(['email']);
    await refusedAndUnchanged(400, 'action.invalid_input', () => call('PUT', `/${org.slug}/members/${person(5)}/role`, admin, { role: 'king' }));
    await refusedAndUnchanged(400, 'action.invalid_input', () =>
      call('PUT', `/${org.slug}/members/${person(5)}/stakeholder-group`, admin, { group: 'x'.repeat(401) }),
    );
    // Nobody, or no member of this organization, by that id.
    await refusedAndUnchanged(404, 'membership.not_member', () => call('PUT', `/${org.slug}/members/${randomUUID()}/role`, admin, { role: 'member' }));
    await refusedAndUnchanged(404, 'membership.not_member', () => call('DELETE', `/${org.slug}/members/not-an-id`, admin));
    // The rules' "no": removing yourself, inviting a member again.
    await refusedAndUnchanged(409, 'membership.remove_self', () => call('DELETE', `/${org.slug}/members/${org.admin.userId}`, admin));
    await refusedAndUnchanged(409, 'membership.already_member', () => call('POST', `/${org.slug}/members`, admin, { email: `${org.slug}-5@example.org` }));
    expect(await snapshot()).toEqual(before);
  });
});
