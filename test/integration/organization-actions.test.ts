import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { decisionLog, memberships, organizations, seats, users, verificationTokens } from '@/db/schema';
import { countAdminsForUpdate, updateMembershipRole } from '@/db/queries/memberships';
import { seedDemo } from '@/db/seed';
import { initialActionState } from '@/lib/actions/state';
import type { ActionState } from '@/lib/actions/state';
import type { RefusalCode } from '@/lib/governance/messages';
import { hashVerificationToken } from '@/lib/auth/links';
import { env } from '@/lib/env';
import { listStoredMail } from '@/lib/notify/mailer';
import { expectRedirect, form, session, signInAs, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { createOrganizationAction } = await import('@/app/orgs/new/actions');
const { inviteMemberAction, changeMemberRoleAction, removeMemberAction, leaveOrganizationAction } = await import('@/app/o/[slug]/members/actions');
const { saveOrganizationProfileAction } = await import('@/app/o/[slug]/settings/profile/actions');

let handle: DatabaseHandle & { drop: () => Promise<void> };
let people: Record<'ada' | 'grace' | 'linus' | 'tim' | 'outsider', { id: string; email: string; name: string }>;
let orgId: string;
let otherOrgId: string;

async function snapshot() {
  const db = handle.db;
  return {
    orgs: await db.select().from(organizations).orderBy(organizations.slug),
    memberships: await db.select().from(memberships).orderBy(memberships.id),
    users: await db.select({ id: users.id, email: users.email }).from(users).orderBy(users.email),
  };
}

/** `run` is refused with `code`, and no organization, membership or user changes. */
async function expectRefusedUnchanged(code: RefusalCode, run: () => Promise<ActionState>): Promise<void> {
  const before = await snapshot();
  expect(await run()).toMatchObject({ ok: false, code });
  expect(await snapshot()).toEqual(before);
}

type PersonKey = keyof typeof people;

/** Forged POSTs to an admin-only action: each of `nonAdmins` is refused with `adminOnly`; an admin of another organization as forbidden. */
function forgedPosts(adminOnly: RefusalCode, ...nonAdmins: (readonly [string, PersonKey])[]): (readonly [string, PersonKey, RefusalCode])[] {
  return [...nonAdmins.map(([label, who]) => [label, who, adminOnly] as const), ['an admin of another organization', 'outsider', 'action.forbidden']];
}

withTestDatabase({ app: true }, async (ready) => {
  handle = ready;
  ({ orgId } = await seedDemo(handle.db));
  const rows = await handle.db.select({ id: users.id, email: users.email, name: users.name }).from(users);
  const by = (prefix: string) => {
    const u = rows.find((r) => r.email.startsWith(prefix));
    if (!u) throw new Error(prefix);
    return { id: u.id, email: u.email, name: u.name ?? '' };
  };
  const [outsider] = await handle.db.insert(users).values({ email: 'outsider@example.org', name: 'Out Sider' }).returning();
  people = {
    ada: by('ada@'),
    grace: by('grace@'),
    linus: by('linus@'),
    tim: by('tim@'),
    outsider: { id: outsider!.id, email: outsider!.email, name: 'Out Sider' },
  };
  const [other] = await handle.db.insert(organizations).values({ slug: 'other-org', name: 'Other Org' }).returning();
  otherOrgId = other!.id;
  await handle.db.insert(memberships).values({ orgId: otherOrgId, userId: people.outsider.id, role: 'admin' });
});

beforeEach(() => signInAs(null));

describe('createOrganizationAction', () => {
  it('creates the organization with its creator as admin, then redirects to it', async () => {
    signInAs(people.linus);
    const to = await expectRedirect(() => createOrganizationAction(initialActionState, form({ name: 'Harbour Sailing Club', slug: '', mission: 'Boats.' })));
    expect(to).toBe('/o/harbour-sailing-club');
    const [org] = await handle.db.select().from(organizations).where(eq(organizations.slug, 'harbour-sailing-club'));
    expect(org?.name).toBe('Harbour Sailing Club');
    const rows = await handle.db.select().from(memberships).where(eq(memberships.orgId, org!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: people.linus.id, role: 'admin' });
  });

  it.each([
    ['an empty name', { name: '', slug: 'fine-slug' }, 'name', 'A name is at least 2 characters.'],
    ['a 5,000-character name', { name: 'n'.repeat(5000), slug: 'fine-slug' }, 'name', 'A name is at most 120 characters.'],
    ['a duplicate slug', { name: 'Copycat', slug: 'riverbend-commons' }, 'slug', 'The slug "riverbend-commons" is taken. Choose another.'],
  ])('refuses %s with a clear error and changes nothing', async (_label, fields, field, message) => {
    signInAs(people.linus);
    const before = await snapshot();
    const state = await createOrganizationAction(initialActionState, form(fields));
    expect(state.ok).toBe(false);
    expect(state.fieldErrors?.[field]).toEqual([message]);
    expect(state.values?.name).toBe(fields.name.slice(0, 5000));
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a signed-out POST', async () => {
    const before = await snapshot();
    const state = await createOrganizationAction(initialActionState, form({ name: 'Ghost Org', slug: 'ghost-org' }));
    expect(state).toMatchObject({ ok: false, code: 'action.signed_out', message: expect.stringMatching(/Sign in/) });
    expect(await snapshot()).toEqual(before);
  });
});

describe('inviteMemberAction', () => {
  it('creates a pending invitation and mails a working sign-in link to it', async () => {
    signInAs(people.ada);
    const state = await inviteMemberAction(initialActionState, form({ orgId, email: '  New.Member@Example.ORG ', role: 'member' }));
    expect(state).toEqual({ ok: true, message: 'Invitation sent to new.member@example.org. They become a member when they accept it.' });
    const [user] = await handle.db.select().from(users).where(eq(users.email, 'new.member@example.org'));
    expect(user).toBeTruthy();
    const [m] = await handle.db.select().from(memberships).where(eq(memberships.userId, user!.id));
    expect(m).toMatchObject({ orgId, role: 'member', invitedBy: people.ada.id, acceptedAt: null });

    const mail = (await listStoredMail(env().mailDir)).find((x) => x.to === 'new.member@example.org');
    expect(mail?.subject).toMatch(/^\[Riverbend Commons\] .+ invites you to join Riverbend Commons$/);
    const link = new URL(mail!.text.match(/http:\/\/quorate\.test\/signin\/confirm\S+/)![0]);
    expect(link.searchParams.get('callbackUrl')).toBe('/o/riverbend-commons/invitation');
    expect(link.searchParams.get('email')).toBe('new.member@example.org');
    // The token in the link is the one stored (hashed) for the Auth.js callback to consume.
    const stored = await handle.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, 'new.member@example.org'));
    expect(stored.map((t) => t.token)).toContain(hashVerificationToken(link.searchParams.get('token')!, env().authSecret));
  });

  it.each([
    ['an invalid e-mail', { email: 'not-an-email', role: 'member' }, 'email', 'Enter a valid e-mail address, like name@example.org.'],
    ['an unknown role', { email: 'x@example.org', role: 'owner' }, 'role', 'Choose a role.'],
  ])('refuses %s and changes nothing', async (_l, fields, field, message) => {
    signInAs(people.ada);
    const before = await snapshot();
    const state = await inviteMemberAction(initialActionState, form({ orgId, ...fields }));
    expect(state.fieldErrors?.[field]).toEqual([message]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an existing member', async () => {
    signInAs(people.ada);
    const state = await inviteMemberAction(initialActionState, form({ orgId, email: people.grace.email, role: 'member' }));
    expect(state).toMatchObject({
      ok: false,
      code: 'membership.already_member',
      fieldErrors: { email: [`${people.grace.email} is already a member of Riverbend Commons.`] },
    });
  });

  it.each(forgedPosts('membership.invite_admin_only', ['a secretary', 'grace'], ['an observer', 'tim']))(
    'refuses a forged POST from %s',
    async (_l, who, code) => {
      signInAs(people[who]);
      await expectRefusedUnchanged(code, () => inviteMemberAction(initialActionState, form({ orgId, email: 'sneaky@example.org', role: 'admin' })));
    },
  );
});

describe('changeMemberRoleAction', () => {
  async function membershipOf(userId: string, inOrg = orgId) {
    const [m] = await handle.db.select().from(memberships).where(eq(memberships.userId, userId));
    const rows = await handle.db.select().from(memberships).where(eq(memberships.orgId, inOrg));
    return rows.find((r) => r.userId === userId) ?? m!;
  }

  it.each(forgedPosts('role.change_admin_only', ['a member', 'linus'], ['a secretary', 'grace']))(
    'refuses a forged POST from %s and changes nothing',
    async (_l, who, code) => {
      signInAs(people[who]);
      const target = await membershipOf(people.tim.id);
      await expectRefusedUnchanged(code, () => changeMemberRoleAction(initialActionState, form({ orgId, membershipId: target.id, role: 'admin' })));
    },
  );

  it('refuses a membership id from another organization', async () => {
    signInAs(people.ada);
    const foreign = await membershipOf(people.outsider.id, otherOrgId);
    await expectRefusedUnchanged('membership.not_member', () =>
      changeMemberRoleAction(initialActionState, form({ orgId, membershipId: foreign.id, role: 'observer' })),
    );
  });

  it('never leaves the organization without an admin', async () => {
    signInAs(people.ada);
    const self = await membershipOf(people.ada.id);
    const state = await changeMemberRoleAction(initialActionState, form({ orgId, membershipId: self.id, role: 'member' }));
    expect(state).toMatchObject({ ok: false, code: 'role.last_admin' });
    expect((await membershipOf(people.ada.id)).role).toBe('admin');
  });

  it('lets an admin promote, and then step down once another admin exists', async () => {
    signInAs(people.ada);
    const grace = await membershipOf(people.grace.id);
    expect(await changeMemberRoleAction(initialActionState, form({ orgId, membershipId: grace.id, role: 'admin' }))).toEqual({
      ok: true,
      message: 'Role changed to admin.',
    });
    const self = await membershipOf(people.ada.id);
    expect((await changeMemberRoleAction(initialActionState, form({ orgId, membershipId: self.id, role: 'member' }))).ok).toBe(true);
    expect((await membershipOf(people.ada.id)).role).toBe('member');
    // Ada is no longer an admin: her next change is refused.
    const tim = await membershipOf(people.tim.id);
    expect((await changeMemberRoleAction(initialActionState, form({ orgId, membershipId: tim.id, role: 'admin' }))).ok).toBe(false);
  });
});

describe('countAdminsForUpdate', () => {
  it('makes a second demotion wait for the first and see its result', async () => {
    // Two transactions, overlapping on purpose: the first holds the admin rows while it demotes
    // one; the second counts meanwhile. With the lock, the second must see 1 admin, not 2.
    const [org] = await handle.db.insert(organizations).values({ slug: 'twin-admins', name: 'Twin Admins' }).returning();
    const [a] = await handle.db.insert(memberships).values({ orgId: org!.id, userId: people.linus.id, role: 'admin' }).returning();
    await handle.db.insert(memberships).values({ orgId: org!.id, userId: people.tim.id, role: 'admin' });
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    let firstSaw = 0;
    const first = handle.db.transaction(async (tx) => {
      firstSaw = await countAdminsForUpdate(tx, org!.id);
      await sleep(300);
      await updateMembershipRole(tx, org!.id, a!.id, 'member');
    });
    await sleep(100);
    const second = handle.db.transaction((tx) => countAdminsForUpdate(tx, org!.id));
    await first;
    expect(firstSaw).toBe(2);
    expect(await second).toBe(1);
  });
});

describe('the membership record: invitations, role changes, removals and departures are logged', () => {
  let boss: Person, ann: Person, sam: Person, obs: Person, lone: Person;
  let leaveOrgId: string;
  type Person = { id: string; email: string; name: string };
  const logOf = async (kind: string) =>
    handle.db
      .select()
      .from(decisionLog)
      .where(and(eq(decisionLog.orgId, leaveOrgId), eq(decisionLog.kind, kind)));
  const membershipId = async (userId: string) =>
    (
      await handle.db
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.orgId, leaveOrgId), eq(memberships.userId, userId)))
    )[0]?.id;

  beforeAll(async () => {
    const mk = async (n: string) => {
      const [u] = await handle.db
        .insert(users)
        .values({ email: `${n}@leave.example.org`, name: `${n[0]!.toUpperCase()}${n.slice(1)} Person` })
        .returning();
      return { id: u!.id, email: u!.email, name: u!.name! };
    };
    [boss, ann, sam, obs, lone] = [await mk('boss'), await mk('ann'), await mk('sam'), await mk('obs'), await mk('lone')];
    const [org] = await handle.db.insert(organizations).values({ slug: 'leave-org', name: 'Leave Org' }).returning();
    leaveOrgId = org!.id;
    await handle.db.insert(memberships).values([
      { orgId: leaveOrgId, userId: boss.id, role: 'admin' },
      { orgId: leaveOrgId, userId: ann.id, role: 'member' },
      { orgId: leaveOrgId, userId: sam.id, role: 'member' },
      { orgId: leaveOrgId, userId: obs.id, role: 'observer' },
    ]);
    await handle.db.insert(seats).values({ orgId: leaveOrgId, bodyKey: 'board', position: 1, seatClass: 'general', holderUserId: sam.id });
  });

  it('an invitation is logged with the membership and role, never the address', async () => {
    signInAs(boss);
    expect((await inviteMemberAction(initialActionState, form({ orgId: leaveOrgId, email: 'invitee@leave.example.org', role: 'observer' }))).ok).toBe(true);
    const [entry] = await logOf('membership.invited');
    const invitee = (await handle.db.select({ id: users.id }).from(users).where(eq(users.email, 'invitee@leave.example.org')))[0]!;
    expect(entry).toMatchObject({ actorId: boss.id, subject: `membership:${await membershipId(invitee.id)}`, payload: { role: 'observer' } });
    expect(entry!.entry).not.toContain('invitee');
    expect(entry!.entry).not.toContain('@');
  });

  it('a role change is logged with before and after', async () => {
    signInAs(boss);
    expect(
      (await changeMemberRoleAction(initialActionState, form({ orgId: leaveOrgId, membershipId: (await membershipId(ann.id))!, role: 'secretary' }))).ok,
    ).toBe(true);
    expect((await logOf('membership.role_changed'))[0]!.payload).toMatchObject({ userId: ann.id, from: 'member', to: 'secretary' });
  });

  it.each([
    ['a secretary', () => ann, 'membership.remove_admin_only'],
    ['an observer', () => obs, 'membership.remove_admin_only'],
    ['an admin of another organization', () => people.outsider, 'action.forbidden'],
  ] as const)('refuses a forged removal from %s and writes nothing', async (_l, who, code) => {
    signInAs(who());
    const logBefore = await handle.db.$count(decisionLog);
    const target = (await membershipId(obs.id))!;
    await expectRefusedUnchanged(code, () => removeMemberAction(initialActionState, form({ orgId: leaveOrgId, membershipId: target })));
    expect(await handle.db.$count(decisionLog)).toBe(logBefore);
  });

  it('refuses removing a seat holder, with what to do instead, and a membership of another organization', async () => {
    signInAs(boss);
    const seated = await removeMemberAction(initialActionState, form({ orgId: leaveOrgId, membershipId: (await membershipId(sam.id))! }));
    expect(seated).toMatchObject({
      ok: false,
      code: 'membership.remove_seat_holder',
      message: expect.stringContaining('propose their removal from the seat, or ask them to resign it first'),
    });
    const foreign = (await handle.db.select({ id: memberships.id }).from(memberships).where(eq(memberships.orgId, otherOrgId)))[0]!.id;
    expect(await removeMemberAction(initialActionState, form({ orgId: leaveOrgId, membershipId: foreign }))).toMatchObject({
      ok: false,
      code: 'membership.not_member',
    });
    expect(await membershipId(sam.id)).toBeDefined();
    expect(await logOf('membership.removed')).toHaveLength(0);
  });

  it('an admin removes a member: gone, logged, their waiting optional mail dropped', async () => {
    signInAs(boss);
    expect(await removeMemberAction(initialActionState, form({ orgId: leaveOrgId, membershipId: (await membershipId(obs.id))! }))).toEqual({
      ok: true,
      message: 'Member removed.',
    });
    expect(await membershipId(obs.id)).toBeUndefined();
    expect((await logOf('membership.removed'))[0]).toMatchObject({ actorId: boss.id, payload: { userId: obs.id, role: 'observer' } });
  });

  it('leaving: the last admin and a seat holder cannot; a member can, and it is logged', async () => {
    signInAs(boss);
    const last = await leaveOrganizationAction(initialActionState, form({ orgId: leaveOrgId, confirm: 'leave' }));
    expect(last).toMatchObject({ ok: false, code: 'membership.leave_last_admin' });
    signInAs(sam);
    expect(await leaveOrganizationAction(initialActionState, form({ orgId: leaveOrgId, confirm: 'leave' }))).toMatchObject({
      ok: false,
      code: 'membership.leave_seat_holder',
      message: expect.stringContaining('Resign it on the Seats page first'),
    });
    signInAs(ann);
    expect((await leaveOrganizationAction(initialActionState, form({ orgId: leaveOrgId }))).ok).toBe(false); // not confirmed
    expect(await membershipId(ann.id)).toBeDefined();
    expect(await expectRedirect(() => leaveOrganizationAction(initialActionState, form({ orgId: leaveOrgId, confirm: 'leave' })))).toBe('/o/leave-org');
    expect(await membershipId(ann.id)).toBeUndefined();
    expect((await logOf('membership.left'))[0]).toMatchObject({ actorId: ann.id, payload: { userId: ann.id, role: 'secretary' } });
    // A non-member cannot "leave" to write a log entry.
    signInAs(lone);
    expect((await leaveOrganizationAction(initialActionState, form({ orgId: leaveOrgId, confirm: 'leave' }))).ok).toBe(false);
    expect(await logOf('membership.left')).toHaveLength(1);
  });
});

describe('saveOrganizationProfileAction', () => {
  const profileLog = async (id: string) =>
    handle.db
      .select()
      .from(decisionLog)
      .where(and(eq(decisionLog.orgId, id), eq(decisionLog.kind, 'organization.profile_changed')));
  let id: string;
  let admin: { id: string; email: string; name: string };
  let member: { id: string; email: string; name: string };

  beforeAll(async () => {
    const [a] = await handle.db.insert(users).values({ email: 'padmin@profile.example.org', name: 'Pat Admin' }).returning();
    const [m] = await handle.db.insert(users).values({ email: 'pmember@profile.example.org', name: 'Mo Member' }).returning();
    admin = { id: a!.id, email: a!.email, name: a!.name! };
    member = { id: m!.id, email: m!.email, name: m!.name! };
    const [org] = await handle.db.insert(organizations).values({ slug: 'profile-org', name: 'Profile Org', mission: 'Old mission.' }).returning();
    id = org!.id;
    await handle.db.insert(memberships).values([
      { orgId: id, userId: admin.id, role: 'admin' },
      { orgId: id, userId: member.id, role: 'secretary' },
    ]);
  });

  it.each([
    ['a secretary', () => member, 'organization.profile_admin_only'],
    ['an admin of another organization', () => people.outsider, 'action.forbidden'],
  ] as const)('refuses a forged POST from %s and writes nothing', async (_l, who, code) => {
    signInAs(who());
    await expectRefusedUnchanged(code, () =>
      saveOrganizationProfileAction(initialActionState, form({ orgId: id, name: 'Hijacked', mission: '', visibility: 'private' })),
    );
    expect(await profileLog(id)).toHaveLength(0);
  });

  it('an admin changes name and visibility: saved and logged with before and after; saving again changes nothing', async () => {
    signInAs(admin);
    expect(
      await saveOrganizationProfileAction(initialActionState, form({ orgId: id, name: 'Profile Co-op', mission: 'Old mission.', visibility: 'private' })),
    ).toEqual({ ok: true, message: 'Profile saved. The change is on the public record.' });
    const [org] = await handle.db.select().from(organizations).where(eq(organizations.id, id));
    expect(org).toMatchObject({ name: 'Profile Co-op', mission: 'Old mission.', isPublic: false });
    const log = await profileLog(id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      actorId: admin.id,
      payload: { fields: ['name', 'isPublic'], before: { name: 'Profile Org', isPublic: true }, after: { name: 'Profile Co-op', isPublic: false } },
    });
    expect(
      await saveOrganizationProfileAction(initialActionState, form({ orgId: id, name: 'Profile Co-op', mission: 'Old mission.', visibility: 'private' })),
    ).toEqual({ ok: true, message: 'Nothing changed.' });
    expect(await profileLog(id)).toHaveLength(1);
  });
});
