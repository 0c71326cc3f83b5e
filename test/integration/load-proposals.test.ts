import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { organizations, proposals } from '@/db/schema';
import { loadProposal, loadProposals } from '@/db/queries/proposals';
import { seedDemo } from '@/db/seed';
import { createTestDatabase } from '@/db/testing';
import type { LoadedProposal } from '@/db/queries/proposals';

/** Ballot and recusal order is unspecified (no ORDER BY in either loader): compare as sets. */
function normalized(p: LoadedProposal | null | undefined) {
  if (!p) return p;
  const bySeat = (a: { seatId: string }, b: { seatId: string }) => a.seatId.localeCompare(b.seatId);
  return {
    ...p,
    record: { ...p.record, stages: p.record.stages.map((s) => ({ ...s, ballots: [...s.ballots].sort(bySeat), recusedSeatIds: [...s.recusedSeatIds].sort() })) },
  };
}

let handle: DatabaseHandle & { drop: () => Promise<void> };
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db);
});
afterAll(async () => handle.drop());

describe('loadProposals', () => {
  it('gives exactly what loadProposal gives for each proposal, in four queries', async () => {
    const [org] = await handle.db.select({ id: organizations.id }).from(organizations);
    const ids = (await handle.db.select({ id: proposals.id }).from(proposals)).map((p) => p.id);
    expect(ids.length).toBeGreaterThan(5);
    const many = await loadProposals(handle.db, org!.id, [...ids, ids[0]!, '00000000-0000-4000-8000-000000000000']);
    expect(many.size).toBe(ids.length);
    for (const id of ids) expect(normalized(many.get(id))).toEqual(normalized(await loadProposal(handle.db, org!.id, id)));
    // Ballots and recusals really are carried over (the demo has a proposal in voting).
    expect([...many.values()].some((p) => p.record.stages.some((s) => s.ballots.length > 0))).toBe(true);
  });

  it('only loads the given organization’s proposals', async () => {
    const ids = (await handle.db.select({ id: proposals.id }).from(proposals)).map((p) => p.id);
    expect((await loadProposals(handle.db, '00000000-0000-4000-8000-000000000000', ids)).size).toBe(0);
    expect((await loadProposals(handle.db, '00000000-0000-4000-8000-000000000000', [])).size).toBe(0);
  });
});
