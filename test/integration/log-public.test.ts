import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { organizations } from '@/db/schema';
import { readLogRange } from '@/db/queries/log';
import { listMemberNames, listPublicLogPage, listPublicProposalRefs, listRecentParticipation, readPublicLogBatch } from '@/db/queries/log-public';
import { seedDemo } from '@/db/seed';
import { createTestDatabase } from '@/db/testing';

let handle: DatabaseHandle & { drop: () => Promise<void> };
let orgId: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db);
  const [org] = await handle.db.select().from(organizations);
  orgId = org!.id;
});
afterAll(async () => handle.drop());

describe('public decision-log queries', () => {
  it('pages newest first with keyset cursors in both directions, with no gaps or overlaps', async () => {
    const all = await readLogRange(handle.db, orgId, 0, 100_000);
    const seen: number[] = [];
    let page = await listPublicLogPage(handle.db, orgId, {}, {}, 20);
    expect(page.hasNewer).toBe(false);
    seen.push(...page.rows.map((r) => r.seq));
    while (page.hasOlder) {
      page = await listPublicLogPage(handle.db, orgId, {}, { before: page.rows.at(-1)!.seq }, 20);
      expect(page.hasNewer).toBe(true);
      seen.push(...page.rows.map((r) => r.seq));
    }
    expect(seen).toEqual(all.map((e) => e.seq).reverse());

    // And back up from the oldest page with `after`.
    const back = await listPublicLogPage(handle.db, orgId, {}, { after: page.rows[0]!.seq }, 20);
    expect(back.rows.map((r) => r.seq)).toEqual(seen.slice(-page.rows.length - 20, -page.rows.length));
    expect(back.hasOlder).toBe(true);
  });

  it('filters by kind, body, proposal subject and dates, all combinable', async () => {
    const ballots = await listPublicLogPage(handle.db, orgId, { kind: 'ballot.cast' }, {}, 200);
    expect(ballots.rows.length).toBeGreaterThan(0);
    expect(ballots.rows.every((r) => r.kind === 'ballot.cast')).toBe(true);

    const board = await listPublicLogPage(handle.db, orgId, { bodyKey: 'board' }, {}, 200);
    expect(board.rows.length).toBeGreaterThan(0);
    expect(board.rows.every((r) => r.payload.bodyKey === 'board')).toBe(true);

    const refs = await listPublicProposalRefs(handle.db, orgId);
    const first = refs.find((r) => r.number === 1)!;
    const one = await listPublicLogPage(handle.db, orgId, { subject: `proposal:${first.id}`, kind: 'voting.closed' }, {}, 200);
    expect(one.rows).toHaveLength(1);
    expect(one.rows[0]!.payload.number).toBe(1);

    const at = one.rows[0]!.at;
    const day = await listPublicLogPage(handle.db, orgId, { fromAt: at, toBefore: new Date(at.getTime() + 1) }, {}, 200);
    expect(day.rows.map((r) => r.seq)).toContain(one.rows[0]!.seq);
    expect(day.rows.every((r) => r.at.getTime() === at.getTime())).toBe(true);

    const none = await listPublicLogPage(handle.db, orgId, { kind: 'no.such_kind' }, {}, 50);
    expect(none).toEqual({ rows: [], hasNewer: false, hasOlder: false });
  });

  it('streams batches in log order', async () => {
    const batch = await readPublicLogBatch(handle.db, orgId, {}, 5, 3);
    expect(batch.map((r) => r.seq)).toEqual([6, 7, 8]);
    expect(typeof batch[0]!.entry).toBe('string');
  });

  it('never lists drafts and never returns e-mail addresses', async () => {
    const refs = await listPublicProposalRefs(handle.db, orgId);
    expect(refs.map((r) => r.title)).not.toContain('Publish an annual report on governance');
    const entries = await readLogRange(handle.db, orgId, 0, 100_000);
    const names = await listMemberNames(handle.db, orgId, entries.map((e) => e.actorId).filter((x): x is string => x !== null));
    expect(names.size).toBeGreaterThan(0);
    for (const name of names.values()) expect(name).not.toContain('@');
  });

  it('reports participation for the closed stages of decided proposals, oldest first', async () => {
    const rows = await listRecentParticipation(handle.db, orgId);
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3]);
    expect(rows[0]).toMatchObject({ cast: 6, charterSeats: 9, outcome: 'passed' });
    expect(rows[2]).toMatchObject({ cast: 3, outcome: 'failed_quorum' });
  });
});
