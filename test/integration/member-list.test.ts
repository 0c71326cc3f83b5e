// The member list a page at a time (db/queries/member-list.ts) against the whole list (listMembers):
// the pages together are the whole list in the same order, and a search keeps that order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { memberships, membershipTallies, users } from '@/db/schema';
import { setDatabaseHandleForTests } from '@/db/client';
import { listMemberPage } from '@/db/queries/member-list';
import { loadMemberList } from '@/db/read/member-pages';
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
afterAll(async () => {
  setDatabaseHandleForTests(undefined);
  await handle.drop();
});

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

  it('reads a search’s total from the tally the database keeps (one row), as the page without a search does: no count', async () => {
    // The tally moved by hand, so a count of the memberships and the tally differ: the total must be the tally's.
    const moveTally = (by: number) =>
      handle.db
        .update(membershipTallies)
        .set({ members: sql`${membershipTallies.members} + ${by}` })
        .where(eq(membershipTallies.orgId, orgId));
    await moveTally(3);
    try {
      expect((await listMemberPage(handle.db, orgId, { q: '', page: 1 })).total).toBe(97);
      expect((await listMemberPage(handle.db, orgId, { q: 'M1', page: 1 })).total).toBe(97);
    } finally {
      await moveTally(-3);
    }
    expect((await listMemberPage(handle.db, orgId, { q: 'M1', page: 1 })).total).toBe(94);
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

describe('keyset pages (the Previous and Next links)', () => {
  it('after the last row (or before the first) are the same pages as by number, across roles and in a search', async () => {
    for (const q of ['', 'm1', 'scale']) {
      const byNumber = [];
      for (let page = 1; ; page++) {
        const p = await listMemberPage(handle.db, orgId, { q, page, size: 7 });
        if (p.rows.length === 0) break;
        byNumber.push(p.rows);
      }
      expect(byNumber.length).toBeGreaterThan(1);
      for (let i = 1; i < byNumber.length; i++) {
        const last = byNumber[i - 1]!.at(-1)!;
        const next = await listMemberPage(handle.db, orgId, { q, page: i + 1, size: 7, from: { direction: 'after', ...last } });
        expect(next.rows, `${q}: page ${i + 1} after page ${i}'s last row`).toEqual(byNumber[i]);
        const first = byNumber[i]![0]!;
        const previous = await listMemberPage(handle.db, orgId, { q, page: i, size: 7, from: { direction: 'before', ...first } });
        expect(previous.rows, `${q}: page ${i} before page ${i + 1}'s first row`).toEqual(byNumber[i - 1]);
      }
      const end = byNumber.at(-1)!.at(-1)!;
      expect((await listMemberPage(handle.db, orgId, { q, page: 99, size: 7, from: { direction: 'after', ...end } })).rows).toEqual([]);
    }
  });

  it('the page loader walks the whole list by its signed links, forward and back; an edited or foreign cursor is ignored', async () => {
    const big = await seedScale(handle, handle.url, { slug: 'member-list-big', members: 230, proposals: 1, log: 10, decided: 1 });
    setDatabaseHandleForTests(handle);
    const all = await listMembers(handle.db, big.orgId);
    const pages = [await loadMemberList(big.orgId, '', 1)];
    expect(pages[0]!.pages).toBe(3);
    expect(pages[0]!.cursors.previous).toBeNull();
    while (pages.at(-1)!.cursors.next) {
      const at = pages.at(-1)!;
      pages.push(await loadMemberList(big.orgId, '', at.page + 1, at.cursors.next!));
    }
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(pages.flatMap((p) => p.rows)).toEqual(all);
    // Back from the last page by its Previous link: page 2 again.
    const back = await loadMemberList(big.orgId, '', 2, pages[2]!.cursors.previous!);
    expect(back.rows).toEqual(pages[1]!.rows);
    expect(back.cursors.previous).toBeNull(); // page 1 is linked without a cursor
    // A cursor shown as another page number, or carried to another organization or search: ignored, the page is read by number.
    const third = pages[1]!.cursors.next!;
    expect((await loadMemberList(big.orgId, '', 2, third)).rows).toEqual(pages[1]!.rows);
    expect((await loadMemberList(orgId, '', 1, third)).rows).toEqual((await listMemberPage(handle.db, orgId, { q: '', page: 1 })).rows);
    expect((await loadMemberList(big.orgId, 'member', 3, third)).rows).toEqual((await listMemberPage(handle.db, big.orgId, { q: 'member', page: 3 })).rows);
    const [payload, sig] = third.split('.');
    const edited = Buffer.from(JSON.stringify(JSON.parse(Buffer.from(payload!, 'base64url').toString()).with(5, 'zzz'))).toString('base64url');
    expect((await loadMemberList(big.orgId, '', 3, `${edited}.${sig}`)).rows).toEqual(pages[2]!.rows);
  });
});

describe('the address the database keeps beside each membership (the order of pages by number)', () => {
  const sortEmails = async () =>
    handle.db
      .select({ userId: memberships.userId, sortEmail: memberships.sortEmail, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.orgId, orgId));

  it('is every member’s address, after an address changes and after a write that forges it, and pages follow it', async () => {
    expect((await sortEmails()).every((m) => m.sortEmail === m.email)).toBe(true);
    const all = await listMembers(handle.db, orgId);
    const [first, last] = [all.find((m) => m.role === 'member')!, all.findLast((m) => m.role === 'member')!];
    // The last member's address becomes the first in order, and the first one's the last: the pages reorder.
    await handle.db.update(users).set({ email: 'aaaa-moved@example.org' }).where(eq(users.id, last.userId));
    await handle.db.update(users).set({ email: 'zzzz-moved@example.org' }).where(eq(users.id, first.userId));
    // A write that sets the copy itself is overwritten with the address.
    await handle.db
      .update(memberships)
      .set({ sortEmail: '0-forged' })
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, last.userId)));
    expect((await sortEmails()).every((m) => m.sortEmail === m.email)).toBe(true);
    const reordered = await listMembers(handle.db, orgId);
    expect(reordered.filter((m) => m.role === 'member')[0]!.userId).toBe(last.userId);
    const paged = [];
    for (let page = 1; page <= 5; page++) paged.push(...(await listMemberPage(handle.db, orgId, { q: '', page, size: 20 })).rows);
    expect(paged).toEqual(reordered);
    // A new membership gets its address too.
    const [someone] = await handle.db.insert(users).values({ email: 'newcomer@example.org', name: 'Newcomer' }).returning();
    await handle.db.insert(memberships).values({ orgId, userId: someone!.id, role: 'member' });
    expect((await sortEmails()).find((m) => m.userId === someone!.id)?.sortEmail).toBe('newcomer@example.org');
  });
});
