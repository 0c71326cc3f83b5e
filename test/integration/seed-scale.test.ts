import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { memberships, proposals } from '@/db/schema';
import { appendLogEntry, getLogHead, readLogRange } from '@/db/queries/log';
import { seedScale } from '@/db/seed/scale';
import { createTestDatabase } from '@/db/testing';
import { nodeSha256 } from '@/lib/log/node-hash';
import { verifyLog } from '@/lib/log/verify';
import { loadOrganizationOverview } from '@/db/read/overview';

let handle: DatabaseHandle & { drop: () => Promise<void>; url?: string };
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle.drop());

describe('seedScale', () => {
  it('builds an organization whose decision log is a valid chain that later appends extend', async () => {
    const summary = await seedScale(handle, handle.url, { slug: 'scale-test', members: 30, proposals: 7, log: 120 });
    expect(await handle.db.$count(memberships, eq(memberships.orgId, summary.orgId))).toBe(30);
    expect(await handle.db.$count(proposals, eq(proposals.orgId, summary.orgId))).toBe(7);
    expect((await getLogHead(handle.db, summary.orgId))?.size).toBe(120);

    await handle.db.transaction((tx) =>
      appendLogEntry(tx, { orgId: summary.orgId, actorId: null, kind: 'test.appended', subject: null, payload: { n: 1 }, at: new Date() }),
    );
    const entries = await readLogRange(handle.db, summary.orgId, 0, 1_000);
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 121 }, (_, i) => i + 1));
    const report = await verifyLog({ entries }, undefined, { hasher: nodeSha256 });
    expect(report.problems).toEqual([]);
    expect(report.root).toBe((await getLogHead(handle.db, summary.orgId))?.root);

    const overview = await loadOrganizationOverview(handle.db, summary.orgId, null, new Date());
    expect(overview.proposals).toHaveLength(7);
  });

  it('refuses big sizes on embedded PGlite', async () => {
    if (handle.kind !== 'pglite') return;
    await expect(seedScale(handle, undefined, { slug: 'too-big', members: 10, proposals: 1, log: 1_000_000 })).rejects.toThrow(/too large for embedded PGlite/);
  });
});
