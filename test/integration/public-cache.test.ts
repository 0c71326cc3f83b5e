import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendLogEntry } from '@/db/queries/log';
import { insertMembership, updateMembershipRole } from '@/db/queries/memberships';
import { publicPageVersion } from '@/db/queries/organizations';
import { organizations, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createTestDatabase } from '@/db/testing';

// The public page cache serves a signed-out page while this version is unchanged; every change
// a signed-out visitor could see must move it.
describe('publicPageVersion', () => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  let orgId: string;
  const slug = 'riverbend-commons';

  beforeAll(async () => {
    t = await createTestDatabase();
    orgId = (await seedDemo(t.db)).orgId;
  });
  afterAll(async () => t.drop());

  it('moves with every decision-log entry', async () => {
    const before = await publicPageVersion(t.db, slug);
    await t.db.transaction((tx) => appendLogEntry(tx, { orgId, actorId: null, kind: 'test.event', subject: null, payload: {}, at: new Date() }));
    const after = await publicPageVersion(t.db, slug);
    expect(after).not.toBe(before);
  });

  it('moves when someone joins or changes role (the public pages count members by role)', async () => {
    const before = await publicPageVersion(t.db, slug);
    const [user] = await t.db.insert(users).values({ email: 'joiner@example.org', name: 'Joiner' }).returning();
    const membership = await insertMembership(t.db, { orgId, userId: user!.id, role: 'member', invitedBy: user!.id });
    const joined = await publicPageVersion(t.db, slug);
    expect(joined).not.toBe(before);
    await new Promise((r) => setTimeout(r, 5));
    await updateMembershipRole(t.db, orgId, membership!.id, 'observer');
    expect(await publicPageVersion(t.db, slug)).not.toBe(joined);
  });

  it('is stable while nothing changes', async () => {
    expect(await publicPageVersion(t.db, slug)).toBe(await publicPageVersion(t.db, slug));
  });

  it('is null for unknown and private organizations, so nothing private is cached', async () => {
    expect(await publicPageVersion(t.db, 'no-such-org')).toBeNull();
    await t.db.update(organizations).set({ isPublic: false }).where(eq(organizations.id, orgId));
    expect(await publicPageVersion(t.db, slug)).toBeNull();
  });
});
