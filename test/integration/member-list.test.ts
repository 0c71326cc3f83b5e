// The member list a page at a time (db/queries/member-list.ts) against the whole list (listMembers):
// the pages together are the whole list in the same order, and a search keeps that order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { listMemberPage } from '@/db/queries/member-list';
import { listMembers } from '@/db/queries/memberships';
import { seedScale } from '@/db/seed/scale';
import { createTestDatabase } from '@/db/testing';

let handle: DatabaseHandle & { drop: () => Promise<void>; url?: string };
let orgId: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  ({ orgId } = await seedScale(handle, handle.url, { slug: 'member-list', members: 95, proposals: 1, log: 10, decided: 1 }));
  // Every role, some names with LIKE's wildcards, one weight above 1 and one pending invitation.
  const ids = (await handle.db.select({ id: memberships.id, userId: memberships.userId }).from(memberships).where(eq(memberships.orgId, orgId))).slice(1);
  await handle.db
    .update(memberships)
    .set({ role: 'secretary' })
    .where(
      inArray(
        memberships.id,
        ids.slice(0, 3).map((m) => m.id),
      ),
    );
  await handle.db
    .update(memberships)
    .set({ role: 'observer' })
    .where(
      inArray(
        memberships.id,
        ids.slice(3, 10).map((m) => m.id),
      ),
    );
  await handle.db.update(memberships).set({ role: 'admin' }).where(eq(memberships.id, ids[10]!.id));
  await handle.db.update(users).set({ name: '100%_sure' }).where(eq(users.id, ids[11]!.userId));
  await handle.db.update(memberships).set({ acceptedAt: null }).where(eq(memberships.id, ids[12]!.id));
});
afterAll(async () => handle.drop());

describe('listMemberPage', () => {
  it('pages through exactly the whole member list, in its order, with its counts', async () => {
    const all = await listMembers(handle.db, orgId);
    expect(all.length).toBe(94);
    const paged = [];
    for (let page = 1; page <= 5; page++) {
      const p = await listMemberPage(handle.db, orgId, { q: '', page, size: 20 });
      expect(p.total).toBe(94);
      expect(p.matching).toBe(94);
      expect(p.weightsDiffer).toBe(false);
      expect(p.rows.length).toBe(page < 5 ? 20 : 14);
      paged.push(...p.rows);
    }
    expect(paged).toEqual(all);
    expect((await listMemberPage(handle.db, orgId, { q: '', page: 6, size: 20 })).rows).toEqual([]);
  });

  it('searches names and addresses case-insensitively, wildcards taken literally, in the same order', async () => {
    const all = await listMembers(handle.db, orgId);
    const hits = await listMemberPage(handle.db, orgId, { q: 'M1', page: 1, size: 100 });
    const expected = all.filter((m) => `${m.name} ${m.email}`.toLowerCase().includes('m1'));
    expect(expected.length).toBeGreaterThan(5);
    expect(hits.rows).toEqual(expected);
    expect(hits.matching).toBe(expected.length);
    expect(hits.total).toBe(94);
    expect((await listMemberPage(handle.db, orgId, { q: '%_', page: 1 })).rows.map((m) => m.name)).toEqual(['100%_sure']);
    expect((await listMemberPage(handle.db, orgId, { q: 'nobody-at-all', page: 1 })).rows).toEqual([]);
  });

  it('tells when any weight differs from 1', async () => {
    const [m] = await handle.db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'member')))
      .limit(1);
    await handle.db.update(memberships).set({ weight: 3 }).where(eq(memberships.id, m!.id));
    expect((await listMemberPage(handle.db, orgId, { q: '', page: 2, size: 10 })).weightsDiffer).toBe(true);
  });
});
