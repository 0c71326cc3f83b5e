// The proposals list's search and filters (db/queries/proposal-reads.ts listProposalPage with a filter)
// against an oracle in JavaScript over every visible proposal and its revisions, on the demo organization;
// and the adversary's questions: does a search reveal someone else's draft, by a row or by the count?
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { proposalRevisions, proposals, users } from '@/db/schema';
import { listProposalPage, listProposals } from '@/db/queries/proposal-reads';
import { seedDemo } from '@/db/seed';
import { createTestDatabase } from '@/db/testing';
import { PROPOSAL_LIST_STATES, parseProposalListParams } from '@/lib/validation/proposal-list';
import type { ProposalListFilter, ProposalListState } from '@/lib/validation/proposal-list';

let handle: DatabaseHandle & { drop: () => Promise<void> };
let orgId: string;
let drafts: { id: string; authorId: string; number: number }[];
let someoneElse: string;
let texts: Map<string, string[]>;
let rows: { id: string; status: string; outcome: string | null; typeKey: string; authorId: string; number: number }[];

beforeAll(async () => {
  handle = await createTestDatabase();
  ({ orgId } = await seedDemo(handle.db, () => {}));
  rows = await handle.db
    .select({
      id: proposals.id,
      status: proposals.status,
      outcome: proposals.outcome,
      typeKey: proposals.typeKey,
      authorId: proposals.authorId,
      number: proposals.number,
    })
    .from(proposals)
    .where(eq(proposals.orgId, orgId));
  drafts = rows.filter((r) => r.status === 'draft');
  const revs = await handle.db
    .select({ proposalId: proposalRevisions.proposalId, title: proposalRevisions.title, body: proposalRevisions.body })
    .from(proposalRevisions);
  texts = new Map();
  for (const r of revs) texts.set(r.proposalId, [...(texts.get(r.proposalId) ?? []), `${r.title} ${r.body}`]);
  const [other] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, 'nobody-else@example.org'));
  someoneElse = other?.id ?? '00000000-0000-4000-8000-000000000000';
});
afterAll(async () => handle.drop());

const stateOf = (r: (typeof rows)[number]): ProposalListState | null =>
  r.status === 'draft' ? 'draft' : r.status === 'withdrawn' ? 'withdrawn' : r.outcome === null ? 'undecided' : (r.outcome as ProposalListState);

/** The oracle: what the list must hold for this viewer and filter (newest first). */
async function expected(viewerId: string | null, f: ProposalListFilter): Promise<string[]> {
  const visible = await listProposals(handle.db, orgId, viewerId);
  return visible
    .filter((p) => {
      const row = rows.find((r) => r.id === p.id)!;
      if (f.type && row.typeKey !== f.type) return false;
      if (f.state && stateOf(row) !== f.state) return false;
      if (f.q) return (texts.get(p.id) ?? []).some((t) => new RegExp(`\\b${f.q}\\b`, 'i').test(t));
      return true;
    })
    .map((p) => p.id);
}

async function listed(viewerId: string | null, f: ProposalListFilter) {
  const { items, total } = await listProposalPage(handle.db, orgId, viewerId, 1, 1000, f);
  return { ids: items.map((i) => i.id), total };
}

describe('proposal search and filters', () => {
  it('lists exactly what the oracle lists, for every state and type, signed out and as a draft author', async () => {
    const viewers = [null, drafts[0]?.authorId ?? null];
    const typeKeys = [...new Set(rows.map((r) => r.typeKey))];
    let checked = 0;
    for (const viewerId of viewers)
      for (const state of [null, ...PROPOSAL_LIST_STATES])
        for (const type of [null, ...typeKeys]) {
          const f = { q: '', type, state };
          const got = await listed(viewerId, f);
          expect(got.ids, JSON.stringify(f)).toEqual(await expected(viewerId, f));
          expect(got.total).toBe(got.ids.length);
          checked += got.ids.length;
        }
    expect(checked).toBeGreaterThan(0);
  });

  it('finds whole words of any revision, in any case, and only those', async () => {
    const words = [...new Set([...texts.values()].flat().flatMap((t) => t.split(/[^A-Za-z]+/).filter((w) => w.length >= 5)))].slice(0, 25);
    expect(words.length).toBeGreaterThan(5);
    for (const word of words) {
      const f = { q: word.toUpperCase(), type: null, state: null };
      const got = await listed(null, f);
      const oracle = await expected(null, { ...f, q: word });
      // Every proposal with the word in plain text is found; nothing without the word is (a word only inside a URL may not be).
      expect(
        oracle.filter((id) => !got.ids.includes(id)).filter((id) => (texts.get(id) ?? []).some((t) => new RegExp(`(^|\\s)${word}[\\s.,;:!?]`, 'i').test(t))),
      ).toEqual([]);
      expect(got.ids.filter((id) => !oracle.includes(id))).toEqual([]);
    }
    expect((await listed(null, { q: 'zzqxnonexistentword', type: null, state: null })).total).toBe(0);
  });

  it("never reveals another person's draft, by a row or by the count, whatever the search", async () => {
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) {
      const word = (texts.get(d.id) ?? [''])[0]!.split(/[^A-Za-z]+/).find((w) => w.length >= 4) ?? 'draft';
      for (const viewer of [null, someoneElse]) {
        for (const f of [
          { q: word, type: null, state: null },
          { q: '', type: null, state: 'draft' as const },
          { q: word, type: null, state: 'draft' as const },
        ]) {
          const got = await listed(viewer, f);
          expect(got.ids).not.toContain(d.id);
          expect(got.total).toBe(got.ids.length);
        }
      }
      const own = await listed(d.authorId, { q: '', type: null, state: 'draft' });
      expect(own.ids).toContain(d.id);
    }
  });

  it('treats search syntax and SQL-looking input as words, never as an error', async () => {
    for (const q of [`'; drop table proposals; --`, '"unclosed phrase', 'a & b | !c', '-', 'or or or', '((((', '\\', '%_%']) {
      await expect(listed(null, { q, type: null, state: null })).resolves.toBeDefined();
    }
    expect((await handle.db.select({ id: proposals.id }).from(proposals)).length).toBe(rows.length);
  });

  it('reads its URL parameters: unusable values are ignored and said to be', () => {
    expect(parseProposalListParams({ q: '  budget ', state: 'passed', type: 'policy', page: '3' })).toEqual({
      filter: { q: 'budget', type: 'policy', state: 'passed' },
      page: 3,
      ignored: [],
    });
    const bad = parseProposalListParams({ q: 'x'.repeat(300), state: 'hacked', type: 'y'.repeat(100), page: '-2' });
    expect(bad.filter).toEqual({ q: 'x'.repeat(200), type: null, state: null });
    expect(bad.page).toBe(1);
    expect(bad.ignored).toEqual([{ code: 'search_cut', max: 200 }, { code: 'type_too_long' }, { code: 'state_unknown', value: 'hacked' }]);
    expect(parseProposalListParams({ q: ['first', 'second'] }).filter.q).toBe('first');
  });
});
