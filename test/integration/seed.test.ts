import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { memberships, organizations, seats, users } from '@/db/schema';
import { readLogRange } from '@/db/queries/log';
import { loadOrganizationOverview } from '@/db/read/overview';
import { demoUsers, seedDemo } from '@/db/seed';
import { withTestDatabase } from './helpers';
import type { TestDatabase } from './helpers';

let handle: TestDatabase;
withTestDatabase({ app: false }, (ready) => (handle = ready));

describe('seedDemo', () => {
  it('creates people in every role and is idempotent', async () => {
    const lines: string[] = [];
    const first = await seedDemo(handle.db, (l) => lines.push(l));
    const second = await seedDemo(handle.db);
    expect(second.orgId).toBe(first.orgId);
    expect(lines.some((l) => l.includes(`${demoUsers.length} added`))).toBe(true);
    expect(await handle.db.$count(organizations)).toBe(1);
    expect(await handle.db.$count(users)).toBe(demoUsers.length);
    const rows = await handle.db.select({ role: memberships.role }).from(memberships);
    expect(rows).toHaveLength(demoUsers.length);
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set(['admin', 'secretary', 'member', 'observer']));
  });

  it('lays out a board below strength and proposals in every phase, all in the log', async () => {
    const board = await handle.db.select().from(seats).where(eq(seats.bodyKey, 'board'));
    expect(board).toHaveLength(9);
    expect(board.filter((s) => s.holderUserId).length).toBe(6);
    const [org] = await handle.db.select().from(organizations);
    const overview = await loadOrganizationOverview(handle.db, org!.id, null, new Date());
    const phases = new Set(overview.proposals.map((p) => p.phase.kind));
    for (const kind of ['passed', 'rejected', 'failed_quorum', 'withdrawn', 'ready_for_voting', 'discussion', 'voting'] as const)
      expect(phases).toContain(kind);
    // The draft is private: not in the public overview.
    expect(overview.proposals.some((p) => p.status === 'draft')).toBe(false);
    const entries = await readLogRange(handle.db, org!.id, 0, 10_000);
    expect(entries.length).toBeGreaterThan(50);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
  });
});
