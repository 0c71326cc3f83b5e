/**
 * Model-based test of the membership tallies the database keeps (migration 0039, membership_tallies): random
 * sequences of invitations sent, accepted and revoked, roles and stakeholder groups changed, members removed,
 * members leaving, accounts deleted, addresses changed and memberships written back unchanged, in three
 * organizations sharing six people, through the use cases (fast-check `commands`). A step the rules refuse
 * changes nothing. After every step, for every organization:
 *  - the tally row is a fresh count of the memberships, and the model's count (accepted members by role,
 *    pending invitations);
 *  - the membership stamp (`changes`), the data version every /o/[slug] page reads (getOrgPageRow) and the
 *    public page cache's version (publicPageVersion) changed if and only if the step wrote one of the
 *    organization's memberships (an unchanged rewrite is no change);
 *  - getOrgPageRow's and getOrganizationBySlug's member counts are the model's.
 * On PGlite by default; on PostgreSQL with TEST_DATABASE_URL, where a second test also runs membership writes
 * concurrently (invitations, acceptances, role changes, removals, account deletions across organizations, and
 * writes that append to the log before they change a membership, as a passed weight proposal does).
 *
 *   QUORATE_TALLY_MODEL_RUNS=n   number of sequences (default 12)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Database, Executor } from '@/db/client';
import { migrationsFolder } from '@/db/migrate';
import { appendLogEntry } from '@/db/queries/log';
import { updateMembershipWeight } from '@/db/queries/memberships';
import { getOrgPageRow } from '@/db/queries/org-page-context';
import { getOrganizationArchiveStateForShare, getOrganizationBySlug, publicPageVersion } from '@/db/queries/organizations';
import { membershipTallies, memberships, organizations, users } from '@/db/schema';
import type { Role } from '@/lib/governance/roles';
import { RuleRefusal } from '@/lib/governance/refusal';
import { charterFromTemplate } from '@/lib/governance/templates';
import { deleteAccount } from '@/lib/use-cases/account';
import { foundOrganization } from '@/lib/use-cases/founding';
import {
  acceptInvitation,
  changeMemberRole,
  changeStakeholderGroup,
  inviteMember,
  leaveOrganization,
  removeMember,
  revokeInvitation,
} from '@/lib/use-cases/memberships';
import { withTestDatabase } from '../integration/helpers';

const ORGS = 3;
const PEOPLE = 6;
const ROLES: readonly Role[] = ['admin', 'secretary', 'member', 'observer'];
const mail = { origin: 'http://quorate.test', secret: 'test-secret-test-secret-test-secret-0123456789' };

let db: Database;
withTestDatabase({ app: true }, (handle) => (db = handle.db));

type Counts = { admins: number; secretaries: number; members: number; observers: number; pending: number };
type ModelRow = { role: Role; accepted: boolean };
/** Per organization, who has a membership or invitation there; and who deleted their account. */
type Model = { orgs: Map<number, ModelRow>[]; deleted: Set<number> };
type Real = { orgs: { id: string; slug: string }[]; people: { userId: string; email: string }[]; t: number; emails: number };
type Seen = { changes: number; version: string; publicVersion: string | null };

function countsOf(rows: Iterable<ModelRow>): Counts {
  const c: Counts = { admins: 0, secretaries: 0, members: 0, observers: 0, pending: 0 };
  for (const r of rows) {
    if (!r.accepted) c.pending++;
    else if (r.role === 'admin') c.admins++;
    else if (r.role === 'secretary') c.secretaries++;
    else if (r.role === 'member') c.members++;
    else c.observers++;
  }
  return c;
}

const n = (column: string) => sql<number>`count(*) filter (where ${sql.raw(column)})`.mapWith(Number);

/** The memberships counted afresh, as the pages counted them before the tallies. */
async function freshCount(tx: Executor, orgId: string): Promise<Counts> {
  const [row] = await tx
    .select({
      admins: n(`accepted_at is not null and role = 'admin'`),
      secretaries: n(`accepted_at is not null and role = 'secretary'`),
      members: n(`accepted_at is not null and role = 'member'`),
      observers: n(`accepted_at is not null and role = 'observer'`),
      pending: n('accepted_at is null'),
    })
    .from(memberships)
    .where(eq(memberships.orgId, orgId));
  return row!;
}

async function tallyOf(tx: Executor, orgId: string) {
  const [row] = await tx.select().from(membershipTallies).where(eq(membershipTallies.orgId, orgId));
  expect(row, 'every organization has its tally row').toBeDefined();
  const { admins, secretaries, members, observers, pending, changes } = row!;
  return { counts: { admins, secretaries, members, observers, pending }, changes };
}

async function seen(r: Real, o: number): Promise<Seen> {
  const { id, slug } = r.orgs[o]!;
  const page = await getOrgPageRow(db, slug, null);
  return { changes: (await tallyOf(db, id)).changes, version: page!.version, publicVersion: await publicPageVersion(db, slug) };
}

/** Runs a step; a refusal of the rules is an outcome (nothing changes), anything else fails the test. */
async function attempt(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    if (error instanceof RuleRefusal) return false;
    throw error;
  }
}

abstract class Step implements fc.AsyncCommand<Model, Real> {
  abstract check(m: Readonly<Model>): boolean;
  /** Tries the step for real; on success, applies it to the model and says which organizations' memberships it wrote. */
  abstract act(m: Model, r: Real, at: Date): Promise<Set<number> | null>;
  async run(m: Model, r: Real): Promise<void> {
    const before = await Promise.all(r.orgs.map((_, o) => seen(r, o)));
    r.t += 60_000;
    const touched = (await this.act(m, r, new Date(r.t))) ?? new Set<number>();
    for (let o = 0; o < ORGS; o++) {
      const { id, slug } = r.orgs[o]!;
      const expected = countsOf(m.orgs[o]!.values());
      const tally = await tallyOf(db, id);
      expect(tally.counts, `${this.toString()}: org ${o}'s tally is a fresh count`).toEqual(await freshCount(db, id));
      expect(tally.counts, `${this.toString()}: org ${o}'s tally is the model's`).toEqual(expected);
      const after = await seen(r, o);
      const was = before[o]!;
      if (touched.has(o)) {
        expect(after.changes, `${this.toString()}: org ${o}'s stamp moved`).toBeGreaterThan(was.changes);
        expect(after.version, `${this.toString()}: org ${o}'s version moved`).not.toBe(was.version);
        expect(after.publicVersion, `${this.toString()}: org ${o}'s public version moved`).not.toBe(was.publicVersion);
      } else {
        expect(after, `${this.toString()}: org ${o} unchanged`).toEqual(was);
      }
      const acceptedCount = expected.admins + expected.secretaries + expected.members + expected.observers;
      expect((await getOrgPageRow(db, slug, null))!.org.memberCount).toBe(acceptedCount);
      // The API's and the transparency pages' organization read (getOrganizationBySlug) too.
      expect((await getOrganizationBySlug(db, slug))!.memberCount).toBe(acceptedCount);
    }
  }
  abstract toString(): string;
}

/** An accepted admin of the organization in the model (the `pick`-th of them), or null. */
function adminOf(m: Readonly<Model>, o: number, pick: number): number | null {
  const admins = [...m.orgs[o]!.entries()].filter(([, row]) => row.accepted && row.role === 'admin').map(([p]) => p);
  return admins.length === 0 ? null : admins[pick % admins.length]!;
}

const only = (o: number) => new Set([o]);

class Invite extends Step {
  constructor(
    readonly o: number,
    readonly p: number,
    readonly role: Role,
    readonly a: number,
  ) {
    super();
  }
  check = (m: Readonly<Model>) => !m.deleted.has(this.p) && adminOf(m, this.o, this.a) !== null;
  async act(m: Model, r: Real, at: Date) {
    const admin = adminOf(m, this.o, this.a)!;
    const ok = await attempt(() =>
      inviteMember(db, { orgId: r.orgs[this.o]!.id, actorId: r.people[admin]!.userId, email: r.people[this.p]!.email, role: this.role, ...mail, at }),
    );
    expect(ok, 'an invitation is refused exactly when the person already has a membership or invitation').toBe(!m.orgs[this.o]!.has(this.p));
    if (!ok) return null;
    m.orgs[this.o]!.set(this.p, { role: this.role, accepted: false });
    return only(this.o);
  }
  toString = () => `invite(org ${this.o}, person ${this.p}, ${this.role})`;
}

class Accept extends Step {
  constructor(
    readonly o: number,
    readonly p: number,
  ) {
    super();
  }
  check = (m: Readonly<Model>) => !m.deleted.has(this.p);
  async act(m: Model, r: Real, at: Date) {
    const ok = await attempt(() => acceptInvitation(db, { orgId: r.orgs[this.o]!.id, userId: r.people[this.p]!.userId, at }));
    const row = m.orgs[this.o]!.get(this.p);
    expect(ok).toBe(row !== undefined && !row.accepted);
    if (!ok) return null;
    row!.accepted = true;
    return only(this.o);
  }
  toString = () => `accept(org ${this.o}, person ${this.p})`;
}

class Revoke extends Step {
  constructor(
    readonly o: number,
    readonly p: number,
    readonly a: number,
  ) {
    super();
  }
  check = (m: Readonly<Model>) => !m.deleted.has(this.p) && adminOf(m, this.o, this.a) !== null && m.orgs[this.o]!.get(this.p)?.accepted === false;
  async act(m: Model, r: Real, at: Date) {
    const [row] = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.orgId, r.orgs[this.o]!.id), eq(memberships.userId, r.people[this.p]!.userId)));
    const actorId = r.people[adminOf(m, this.o, this.a)!]!.userId;
    expect(await attempt(() => revokeInvitation(db, { orgId: r.orgs[this.o]!.id, actorId, membershipId: row!.id, at }))).toBe(true);
    m.orgs[this.o]!.delete(this.p);
    return only(this.o);
  }
  toString = () => `revoke(org ${this.o}, person ${this.p})`;
}

/** The person's accepted membership's id in the organization, from the database. */
async function membershipIdOf(r: Real, o: number, p: number): Promise<string> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, r.orgs[o]!.id), eq(memberships.userId, r.people[p]!.userId)));
  return row!.id;
}

const accepted = (m: Readonly<Model>, o: number, p: number) => !m.deleted.has(p) && m.orgs[o]!.get(p)?.accepted === true;

class ChangeRole extends Step {
  constructor(
    readonly o: number,
    readonly p: number,
    readonly role: Role,
    readonly a: number,
  ) {
    super();
  }
  check = (m: Readonly<Model>) => accepted(m, this.o, this.p) && adminOf(m, this.o, this.a) !== null;
  async act(m: Model, r: Real, at: Date) {
    const membershipId = await membershipIdOf(r, this.o, this.p);
    const actorId = r.people[adminOf(m, this.o, this.a)!]!.userId;
    if (!(await attempt(() => changeMemberRole(db, { orgId: r.orgs[this.o]!.id, actorId, membershipId, role: this.role, at })))) return null;
    m.orgs[this.o]!.get(this.p)!.role = this.role;
    return only(this.o);
  }
  toString = () => `changeRole(org ${this.o}, person ${this.p}, ${this.role})`;
}

class ChangeGroup extends Step {
  constructor(
    readonly o: number,
    readonly p: number,
    readonly group: string | null,
    readonly a: number,
  ) {
    super();
  }
  check = (m: Readonly<Model>) => accepted(m, this.o, this.p) && adminOf(m, this.o, this.a) !== null;
  async act(m: Model, r: Real, at: Date) {
    const membershipId = await membershipIdOf(r, this.o, this.p);
    const actorId = r.people[adminOf(m, this.o, this.a)!]!.userId;
    if (!(await attempt(() => changeStakeholderGroup(db, { orgId: r.orgs[this.o]!.id, actorId, membershipId, group: this.group, at })))) return null;
    return only(this.o);
  }
  toString = () => `changeGroup(org ${this.o}, person ${this.p}, ${this.group})`;
}

class Remove extends Step {
  constructor(
    readonly o: number,
    readonly p: number,
    readonly a: number,
  ) {
    super();
  }
  check = (m: Readonly<Model>) => accepted(m, this.o, this.p) && adminOf(m, this.o, this.a) !== null;
  async act(m: Model, r: Real, at: Date) {
    const membershipId = await membershipIdOf(r, this.o, this.p);
    const actorId = r.people[adminOf(m, this.o, this.a)!]!.userId;
    if (!(await attempt(() => removeMember(db, { orgId: r.orgs[this.o]!.id, actorId, membershipId, at })))) return null;
    m.orgs[this.o]!.delete(this.p);
    return only(this.o);
  }
  toString = () => `remove(org ${this.o}, person ${this.p})`;
}

class Leave extends Step {
  constructor(
    readonly o: number,
    readonly p: number,
  ) {
    super();
  }
  check = (m: Readonly<Model>) => accepted(m, this.o, this.p);
  async act(m: Model, r: Real, at: Date) {
    if (!(await attempt(() => leaveOrganization(db, { orgId: r.orgs[this.o]!.id, actorId: r.people[this.p]!.userId, at })))) return null;
    m.orgs[this.o]!.delete(this.p);
    return only(this.o);
  }
  toString = () => `leave(org ${this.o}, person ${this.p})`;
}

/** The organizations where the person has a membership or an invitation. */
const orgsOf = (m: Readonly<Model>, p: number) => new Set(m.orgs.flatMap((rows, o) => (rows.has(p) ? [o] : [])));

class DeleteAccount extends Step {
  constructor(readonly p: number) {
    super();
  }
  check = (m: Readonly<Model>) => !m.deleted.has(this.p);
  async act(m: Model, r: Real, at: Date) {
    if (!(await attempt(() => deleteAccount(db, { userId: r.people[this.p]!.userId, at })))) return null;
    const touched = orgsOf(m, this.p);
    for (const rows of m.orgs) rows.delete(this.p);
    m.deleted.add(this.p);
    return touched;
  }
  toString = () => `deleteAccount(person ${this.p})`;
}

/** A new address: the database copies it onto each of the person's memberships (migration 0038), a change of each. */
class ChangeEmail extends Step {
  constructor(readonly p: number) {
    super();
  }
  check = (m: Readonly<Model>) => !m.deleted.has(this.p);
  async act(m: Model, r: Real) {
    const email = `changed-${++r.emails}-${r.people[this.p]!.email}`;
    await db.update(users).set({ email }).where(eq(users.id, r.people[this.p]!.userId));
    r.people[this.p]!.email = email;
    return orgsOf(m, this.p);
  }
  toString = () => `changeEmail(person ${this.p})`;
}

/** Every membership of the organization written back as it is: no change, so no new stamp or version. */
class RewriteUnchanged extends Step {
  constructor(readonly o: number) {
    super();
  }
  check = () => true;
  async act(_m: Model, r: Real) {
    await db
      .update(memberships)
      .set({ role: sql`${memberships.role}`, updatedAt: sql`${memberships.updatedAt}` })
      .where(eq(memberships.orgId, r.orgs[this.o]!.id));
    return null;
  }
  toString = () => `rewriteUnchanged(org ${this.o})`;
}

let sequences = 0;
/** Three organizations (persons 0, 1 and 0 found them), persons 2 and 3 members of the first two from the start (one statement). */
async function setup(): Promise<{ model: Model; real: Real }> {
  const tag = `tally-model-${++sequences}`;
  const start = Date.now() - 86_400_000;
  const people = (
    await db
      .insert(users)
      .values(Array.from({ length: PEOPLE }, (_, i) => ({ email: `${tag}-${i}@example.org`, name: `Person ${i}`, emailVerified: new Date(start) })))
      .returning({ userId: users.id, email: users.email })
  ).map((p) => ({ ...p }));
  const founders = [0, 1, 0];
  const orgs: { id: string; slug: string }[] = [];
  for (let o = 0; o < ORGS; o++) {
    const slug = `${tag}-${o}`;
    const org = await db.transaction((tx) =>
      foundOrganization(tx, {
        slug,
        name: slug,
        mission: 'Model.',
        createdBy: people[founders[o]!]!.userId,
        templateKey: 'cooperative',
        charter: charterFromTemplate('cooperative'),
        at: new Date(start),
      }),
    );
    orgs.push({ id: org.id, slug });
  }
  await db
    .insert(memberships)
    .values(
      [0, 1].flatMap((o) => [2, 3].map((p) => ({ orgId: orgs[o]!.id, userId: people[p]!.userId, role: 'member' as const, acceptedAt: new Date(start) }))),
    );
  const model: Model = { orgs: orgs.map(() => new Map<number, ModelRow>()), deleted: new Set() };
  founders.forEach((p, o) => model.orgs[o]!.set(p, { role: 'admin', accepted: true }));
  for (const o of [0, 1]) for (const p of [2, 3]) model.orgs[o]!.set(p, { role: 'member', accepted: true });
  return { model, real: { orgs, people, t: start, emails: 0 } };
}

const org = fc.integer({ min: 0, max: ORGS - 1 });
const person = fc.integer({ min: 0, max: PEOPLE - 1 });
const role = fc.constantFrom(...ROLES);
const pick = fc.nat({ max: 3 });
const step = fc.oneof(
  { arbitrary: fc.tuple(org, person, role, pick).map(([o, p, r, a]) => new Invite(o, p, r, a)), weight: 5 },
  { arbitrary: fc.tuple(org, person).map(([o, p]) => new Accept(o, p)), weight: 4 },
  { arbitrary: fc.tuple(org, person, pick).map(([o, p, a]) => new Revoke(o, p, a)), weight: 1 },
  { arbitrary: fc.tuple(org, person, role, pick).map(([o, p, r, a]) => new ChangeRole(o, p, r, a)), weight: 3 },
  { arbitrary: fc.tuple(org, person, fc.constantFrom('employees', 'residents', null), pick).map(([o, p, g, a]) => new ChangeGroup(o, p, g, a)), weight: 1 },
  { arbitrary: fc.tuple(org, person, pick).map(([o, p, a]) => new Remove(o, p, a)), weight: 2 },
  { arbitrary: fc.tuple(org, person).map(([o, p]) => new Leave(o, p)), weight: 2 },
  { arbitrary: person.map((p) => new DeleteAccount(p)), weight: 1 },
  { arbitrary: person.map((p) => new ChangeEmail(p)), weight: 1 },
  { arbitrary: org.map((o) => new RewriteUnchanged(o)), weight: 1 },
);

describe('membership tallies (model-based)', () => {
  it('after every invitation, acceptance, role change, removal, departure and account deletion, each tally is a fresh count and the version moved exactly when a membership did', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands([step], { maxCommands: 25 }), async (steps) => {
        const { model, real } = await setup();
        await fc.asyncModelRun(() => ({ model, real }), steps);
      }),
      { numRuns: Number(process.env.QUORATE_TALLY_MODEL_RUNS ?? 12) },
    );
  }, 600_000);

  it('a membership moved to another organization leaves one tally and joins the other; a deleted organization takes its tally along', async () => {
    const { real } = await setup();
    const [a, b, c] = real.orgs;
    // Person 3 has memberships in a and b; person 4 none: move person 2's membership in a to c.
    await db
      .update(memberships)
      .set({ orgId: c!.id })
      .where(and(eq(memberships.orgId, a!.id), eq(memberships.userId, real.people[2]!.userId)));
    for (const o of [a, b, c]) expect((await tallyOf(db, o!.id)).counts).toEqual(await freshCount(db, o!.id));
    expect((await tallyOf(db, c!.id)).counts.members).toBe(1);
    // An organization with no log yet (a logged one is never deleted: the log is append-only) and two memberships.
    const [bare] = await db
      .insert(organizations)
      .values({ slug: `${real.orgs[0]!.slug}-bare`, name: 'Bare' })
      .returning({ id: organizations.id });
    await db.insert(memberships).values([2, 3].map((p) => ({ orgId: bare!.id, userId: real.people[p]!.userId })));
    expect((await tallyOf(db, bare!.id)).counts.members).toBe(2);
    await db.delete(organizations).where(eq(organizations.id, bare!.id));
    expect(await db.$count(membershipTallies, eq(membershipTallies.orgId, bare!.id))).toBe(0);
    for (const o of [a, b, c]) expect((await tallyOf(db, o!.id)).counts).toEqual(await freshCount(db, o!.id));
  });

  it('a transaction reads the tallies as they were committed; its own membership writes reach them when it commits', async () => {
    const { real } = await setup();
    const orgId = real.orgs[2]!.id;
    await db.transaction(async (tx) => {
      await tx.insert(memberships).values({ orgId, userId: real.people[5]!.userId, role: 'observer' });
      expect((await tallyOf(tx, orgId)).counts.observers).toBe(0);
    });
    expect((await tallyOf(db, orgId)).counts.observers).toBe(1);
    // Rolled back: nothing reaches the tally.
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(memberships).values({ orgId, userId: real.people[4]!.userId, role: 'observer' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await tallyOf(db, orgId)).counts).toEqual(await freshCount(db, orgId));
  });
});

describe('membership tallies: the migration', () => {
  it('counts the memberships already there (its last statement, run again over emptied tallies)', async () => {
    const { real } = await setup();
    // A pending invitation too: counted apart from the members.
    await db.insert(memberships).values({ orgId: real.orgs[2]!.id, userId: real.people[4]!.userId, role: 'member', acceptedAt: null });
    const migration = readFileSync(path.join(migrationsFolder, '0039_membership_tallies.sql'), 'utf8');
    const backfill = migration.split('--> statement-breakpoint').at(-1)!;
    expect(backfill).toContain('INSERT INTO membership_tallies');
    await db.transaction(async (tx) => {
      await tx.delete(membershipTallies).where(sql`true`);
      await tx.execute(sql.raw(backfill));
    });
    const all = await db.select({ id: organizations.id }).from(organizations);
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const { id } of all) expect((await tallyOf(db, id)).counts).toEqual(await freshCount(db, id));
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('membership tallies under concurrent writes (PostgreSQL)', () => {
  it('invitations, acceptances, role changes, removals, account deletions and log-first membership writes at once: no deadlock, tallies exact', async () => {
    const tag = `tally-storm-${Date.now()}`;
    const at = new Date();
    const count = 40;
    const people = await db
      .insert(users)
      .values(Array.from({ length: count }, (_, i) => ({ email: `${tag}-${i}@example.org`, name: `Person ${i}`, emailVerified: at })))
      .returning({ userId: users.id, email: users.email });
    const founder = people[0]!.userId;
    const orgs: { id: string; slug: string }[] = [];
    for (const o of [0, 1]) {
      const slug = `${tag}-${o}`;
      orgs.push(
        await db.transaction((tx) =>
          foundOrganization(tx, {
            slug,
            name: slug,
            mission: '',
            createdBy: founder,
            templateKey: 'cooperative',
            charter: charterFromTemplate('cooperative'),
            at,
          }),
        ),
      );
    }
    // Persons 1–19 members of both organizations; 20–39 not yet invited.
    await db
      .insert(memberships)
      .values(orgs.flatMap((org) => people.slice(1, 20).map((p) => ({ orgId: org.id, userId: p.userId, role: 'member' as const, acceptedAt: at }))));
    const idOf = async (orgId: string, userId: string) =>
      (
        await db
          .select({ id: memberships.id })
          .from(memberships)
          .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
      )[0]!.id;
    const work: (() => Promise<unknown>)[] = [];
    for (const org of orgs) {
      for (const p of people.slice(20)) {
        // Invited, then accepting: two transactions, each writing a membership before it appends to the log.
        work.push(async () => {
          await inviteMember(db, { orgId: org.id, actorId: founder, email: p.email, role: 'member', ...mail, at });
          await acceptInvitation(db, { orgId: org.id, userId: p.userId, at });
        });
      }
      for (const p of people.slice(1, 8))
        work.push(async () => changeMemberRole(db, { orgId: org.id, actorId: founder, membershipId: await idOf(org.id, p.userId), role: 'observer', at }));
      for (const p of people.slice(8, 12))
        work.push(async () => removeMember(db, { orgId: org.id, actorId: founder, membershipId: await idOf(org.id, p.userId), at }));
      // Appends to the log, then changes a membership (the order of a passed weight proposal's effect).
      for (const p of people.slice(12, 16))
        work.push(async () => {
          const membershipId = await idOf(org.id, p.userId);
          await db.transaction(async (tx) => {
            await getOrganizationArchiveStateForShare(tx, org.id);
            await appendLogEntry(tx, {
              orgId: org.id,
              actorId: null,
              kind: 'membership.weight_changed',
              subject: `membership:${membershipId}`,
              payload: { to: 3 },
              at,
            });
            await updateMembershipWeight(tx, org.id, membershipId, 3);
          });
        });
    }
    // Accounts deleted: each a transaction over both organizations.
    for (const p of people.slice(16, 20)) work.push(() => deleteAccount(db, { userId: p.userId, at }));
    // Shuffled, all at once.
    work.sort(() => Math.random() - 0.5);
    const results = await Promise.allSettled(work.map((w) => w()));
    // The database's own words (e.g. "deadlock detected"), not just the query that failed.
    const failures = results
      .filter((r) => r.status === 'rejected')
      .map((r) => (r as PromiseRejectedResult).reason as Error & { cause?: unknown })
      .map((e) => String(e.cause ?? e));
    expect(failures).toEqual([]);
    for (const org of orgs) {
      const tally = await tallyOf(db, org.id);
      expect(tally.counts).toEqual(await freshCount(db, org.id));
      // Founder; 1–7 observers; 8–11 removed; 12–15 members; 16–19 deleted; 20–39 accepted members.
      expect(tally.counts).toEqual({ admins: 1, secretaries: 0, members: 4 + 20, observers: 7, pending: 0 });
    }
  }, 120_000);
});
