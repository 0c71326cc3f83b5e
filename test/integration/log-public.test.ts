import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { and, eq } from 'drizzle-orm';
import { organizations, proposals } from '@/db/schema';
import { readLogRange } from '@/db/queries/log';
import {
  findPublicProposalRef,
  listPublicLogPage,
  listPublicProposalRefs,
  listPublicProposalRefsByIds,
  listRecentParticipation,
  listRecentPublicProposalRefs,
  readPublicLogBatch,
} from '@/db/queries/log-public';
import { listMemberNames } from '@/db/queries/log-names';
import type { PublicLogPage, PublicLogQuery } from '@/db/queries/log-public';
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

  it('pages a date window read whole exactly as the seq walk does, in both directions and with other filters', async () => {
    const all = await readLogRange(handle.db, orgId, 0, 100_000);
    const times = all.map((e) => new Date(e.at).getTime()).sort((a, b) => a - b);
    // A window that leaves entries out on both sides.
    const fromAt = new Date(times[Math.floor(times.length / 4)]!);
    const toBefore = new Date(times[Math.floor((times.length * 3) / 4)]!);
    const queries: PublicLogQuery[] = [
      { fromAt, toBefore },
      { fromAt },
      { toBefore },
      { fromAt, toBefore, kind: 'ballot.cast' },
      { fromAt, bodyKey: 'board' },
      { toBefore, kind: 'no.such_kind' },
    ];
    const ends = (p: PublicLogPage) => p.rows.map((r) => r.seq);
    for (const q of queries) {
      // Windowed (cap high enough) against the SQL walk (cap 0 forces it), page by page.
      let walked = await listPublicLogPage(handle.db, orgId, q, {}, 7, 0);
      let windowed = await listPublicLogPage(handle.db, orgId, q, {}, 7, 100_000);
      expect(windowed).toEqual(walked);
      let pages = 0;
      while (walked.hasOlder) {
        const before = walked.rows.at(-1)!.seq;
        walked = await listPublicLogPage(handle.db, orgId, q, { before }, 7, 0);
        windowed = await listPublicLogPage(handle.db, orgId, q, { before }, 7, 100_000);
        expect(windowed).toEqual(walked);
        const after = walked.rows[0]!.seq;
        expect(ends(await listPublicLogPage(handle.db, orgId, q, { after }, 7, 100_000))).toEqual(
          ends(await listPublicLogPage(handle.db, orgId, q, { after }, 7, 0)),
        );
        pages++;
      }
      if (q.kind !== 'no.such_kind') expect(pages * 7 + walked.rows.length, JSON.stringify(q)).toBeGreaterThan(0);
      if (q === queries[0]) expect(pages).toBeGreaterThan(1);
      // Cursors beyond either end.
      for (const cursor of [{ before: 1 }, { after: 1_000_000 }, { after: 0 }, { before: 1_000_000 }]) {
        expect(await listPublicLogPage(handle.db, orgId, q, cursor, 7, 100_000)).toEqual(await listPublicLogPage(handle.db, orgId, q, cursor, 7, 0));
      }
    }
    // Every row in the window, and only those.
    const page = await listPublicLogPage(handle.db, orgId, { fromAt, toBefore }, {}, 200, 100_000);
    expect(page.rows.every((r) => r.at >= fromAt && r.at < toBefore)).toBe(true);
    expect(page.rows).toHaveLength(all.filter((e) => new Date(e.at) >= fromAt && new Date(e.at) < toBefore).length);
  });

  it('looks proposals up by number, by id and most recent first, never a draft', async () => {
    const refs = await listPublicProposalRefs(handle.db, orgId);
    const draft = 'Publish an annual report on governance';
    expect(await findPublicProposalRef(handle.db, orgId, 1)).toEqual(refs.find((r) => r.number === 1));
    expect(await findPublicProposalRef(handle.db, orgId, 999_999)).toBeNull();
    expect(await findPublicProposalRef(handle.db, orgId, 2 ** 40)).toBeNull();
    const [drafted] = await handle.db
      .select({ number: proposals.number })
      .from(proposals)
      .where(and(eq(proposals.orgId, orgId), eq(proposals.title, draft)));
    expect(drafted).toBeDefined();
    expect(await findPublicProposalRef(handle.db, orgId, drafted!.number)).toBeNull();

    const recent = await listRecentPublicProposalRefs(handle.db, orgId, 3);
    expect(recent).toEqual(refs.slice(0, 3));
    expect((await listRecentPublicProposalRefs(handle.db, orgId, 1000)).map((r) => r.title)).not.toContain(draft);

    const byId = await listPublicProposalRefsByIds(handle.db, orgId, [refs[0]!.id, refs[1]!.id, refs[0]!.id, 'not-a-uuid', "'; drop table proposals; --"]);
    expect(byId.sort((a, b) => b.number - a.number)).toEqual(refs.slice(0, 2));
    expect(await listPublicProposalRefsByIds(handle.db, orgId, [])).toEqual([]);
    expect(await listPublicProposalRefsByIds(handle.db, '00000000-0000-4000-8000-000000000000', [refs[0]!.id])).toEqual([]);
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
    const names = await listMemberNames(
      handle.db,
      orgId,
      entries.map((e) => e.actorId).filter((x): x is string => x !== null),
    );
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
