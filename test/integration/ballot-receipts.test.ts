// Receipts for secret ballots, end to end through the server actions, the close and every public
// surface: the receipt goes to its voter alone; nothing public links a receipt or a choice to a
// voter, before or after the close; the published list recounts to the result; the lookup page.
import { eq } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup as renderHtml } from 'react-dom/server';
import { inEnglish } from '../support/intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { listPublicLogPage } from '@/db/queries/log-public';
import { notifyEvents, organizations, votes } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { isReceipt } from '@/lib/governance/receipt';
import type { Charter, ChoiceMethodSpec, TallyResult } from '@/lib/governance/types';
import { nodeSha256 } from '@/lib/log/node-hash';
import { secretBallotCommitment } from '@/lib/log/secret-ballot-commitment';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { checkExport, formatVerdict } from '@/scripts/verify';
import { createStormOrg } from '@/scripts/support/storm-org';
import type { StormOrg } from '@/scripts/support/storm-org';
import { form, session, signInAs, withTestDatabase } from './helpers';
import { expectReceiptMailedToVoterAlone } from './receipt-mail';

// The components read their words from a provider, as in the browser: English here.
const renderToStaticMarkup = (element: Parameters<typeof renderHtml>[0]) => renderHtml(inEnglish(element));

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { castChoiceBallotAction } = await import('@/app/o/[slug]/proposals/actions');
const { GET: exportJson } = await import('@/app/api/o/[slug]/log/export/route');
const { GET: exportCsv } = await import('@/app/o/[slug]/log/export.csv/route');
const { GET: atomFeed } = await import('@/app/o/[slug]/log/feed.atom/route');
const { GET: ballotsCsv } = await import('@/app/o/[slug]/proposals/[number]/ballots.csv/route');
const { GET: ballotsBlt } = await import('@/app/o/[slug]/proposals/[number]/ballots.blt/route');
const { default: ReceiptPage } = await import('@/app/o/[slug]/proposals/[number]/receipt/page');

const OPTIONS = ['Ada', 'Babbage', 'Curie', 'Darwin'];

let db: Database;
withTestDatabase({ app: true }, (handle) => (db = handle.db));
beforeEach(() => signInAs(null));

const withMethod = (method: ChoiceMethodSpec) => (c: Charter) => ({
  ...c,
  proposalTypes: c.proposalTypes.map((t) => (t.key === 'board_choice' ? { ...t, method } : t)),
});

async function ballot(org: StormOrg, i: number, preferences: string) {
  const voter = org.voters[i]!;
  signInAs({ id: voter.userId, email: voter.email, name: `voter ${i}` });
  const state = await castChoiceBallotAction(initialActionState, form({ orgId: org.orgId, proposalId: org.proposalId, preferences }));
  expect(state.ok, state.message).toBe(true);
  signInAs(null);
}

const request = (url: string) => new Request(`http://quorate.test${url}`);

/** Every public body a signed-out reader can fetch about the log and the proposal's ballots. */
type Bodies = { json: string; csv: string; atom: string; logPage: string; ballotsCsv: string; ballotsBlt: string };
async function publicBodies(org: StormOrg): Promise<Bodies> {
  const ctx = { params: Promise.resolve({ slug: org.slug }) };
  const proposal = { params: Promise.resolve({ slug: org.slug, number: String(org.proposalNumber) }) };
  return {
    json: await (await exportJson(request(`/api/o/${org.slug}/log/export`), ctx)).text(),
    csv: await (await exportCsv(request(`/o/${org.slug}/log/export.csv`), ctx)).text(),
    atom: await (await atomFeed(request(`/o/${org.slug}/log/feed.atom`), ctx)).text(),
    logPage: JSON.stringify((await listPublicLogPage(db, org.orgId, {}, {}, 200)).rows),
    ballotsCsv: await (await ballotsCsv(request('/x'), proposal)).text(),
    ballotsBlt: await (await ballotsBlt(request('/x'), proposal)).text(),
  };
}

async function receiptPage(org: StormOrg, code?: string): Promise<string> {
  const element = await ReceiptPage({
    params: Promise.resolve({ slug: org.slug, number: String(org.proposalNumber) }),
    searchParams: Promise.resolve(code === undefined ? {} : { code }),
  });
  return renderToStaticMarkup(createElement('div', null, element));
}

type Entry = { seq: number; kind: string; subject: string; payload: Record<string, unknown> };
const exported = async (org: StormOrg) => (JSON.parse((await publicBodies(org)).json) as { entries: Entry[] }).entries;

describe('receipts for secret ballots', () => {
  it('go to the voter alone, link nothing publicly, recount after the close, and are found by the lookup page', async () => {
    const org = await createStormOrg(db, {
      slug: 'receipt-board',
      seats: 7,
      voteClosesAt: new Date(Date.now() + 86_400_000),
      typeKey: 'board_choice',
      options: OPTIONS,
      charterEdit: withMethod({ key: 'irv', winners: 1 }),
    });
    await ballot(org, 0, '3'); // changed below: this receipt must never be published
    const [first] = await db.select().from(votes).where(eq(votes.seatId, org.voters[0]!.seatId));
    await ballot(org, 0, '0,1');
    await ballot(org, 1, '0,2');
    await ballot(org, 2, '1,0');
    await ballot(org, 3, '2,1,0');
    await ballot(org, 4, '0');

    // Each ballot has its own well-formed receipt; the changed one a new one.
    const stored = await db.select().from(votes).where(eq(votes.proposalId, org.proposalId));
    expect(stored).toHaveLength(6);
    expect(stored.every((v) => isReceipt(v.receipt))).toBe(true);
    expect(new Set(stored.map((v) => v.receipt)).size).toBe(6);
    const current = stored.filter((v) => v.isCurrent);
    const oldReceipt = first!.receipt!;
    expect(current.map((v) => v.receipt)).not.toContain(oldReceipt);

    // Mailed to the voter alone: one notice per ballot, one outbox row, its voter's.
    for (const v of stored) await expectReceiptMailedToVoterAlone(db, v, { slug: org.slug, number: org.proposalNumber });
    // No other notice carries a receipt.
    const events = await db.select().from(notifyEvents);
    for (const e of events.filter((e) => !e.key.startsWith('receipt:'))) for (const v of stored) expect(JSON.stringify(e.payload)).not.toContain(v.receipt);

    // While voting is open: no public surface holds a receipt or a preference.
    const before = await publicBodies(org);
    for (const [name, body] of Object.entries(before)) {
      for (const v of stored) expect(body, `${name} shows a receipt`).not.toContain(v.receipt!);
      for (const v of stored) expect(body, `${name} shows a nonce`).not.toContain(v.nonce!);
      expect(body, `${name} shows preferences`).not.toMatch(/"preferences"|"receipts"/);
    }
    // The cast entries: the same keys and the same size whatever the ballot; each commitment opens with the stored nonce only.
    const casts = (await exported(org)).filter((e) => e.kind === 'ballot.cast');
    expect(casts).toHaveLength(6);
    const sizes = new Set<number>();
    for (const e of casts) {
      expect(Object.keys(e.payload).sort()).toEqual(['commitment', 'commitmentScheme', 'number', 'seatId', 'secret', 'stageIndex', 'voteId']);
      sizes.add(JSON.stringify(e.payload).length);
      const v = stored.find((s) => s.id === e.payload.voteId)!;
      expect(e.payload.commitment).toBe(
        secretBallotCommitment(nodeSha256, { voteId: v.id, receipt: v.receipt!, preferences: v.preferences!, nonce: v.nonce! }),
      );
    }
    expect(sizes.size).toBe(1);

    // The lookup before the close: nothing, the same for a real receipt and an unknown one; a malformed code is refused.
    const realBefore = await receiptPage(org, current[0]!.receipt!);
    const unknownBefore = await receiptPage(org, 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    expect(realBefore).toContain('Ballots are published when voting closes');
    expect(realBefore.replaceAll(current[0]!.receipt!, 'CODE')).toBe(unknownBefore.replaceAll('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ', 'CODE'));
    for (const o of OPTIONS) expect(realBefore).not.toContain(`Ranks ${o}`);
    expect(await receiptPage(org, 'K7Q2-9MZD-3TXA')).toContain('That is not a receipt code');
    expect(await receiptPage(org, 'U7Q2-9MZD-3TXA-E8WB-PN4R')).toContain('That is not a receipt code');

    // The close: the counted ballots with their receipts, sorted by receipt, in their own entry.
    expect(await recordTransitions(db, org.proposalId, org.orgId, new Date(org.closesAt.getTime() + 1000))).toEqual(['stage_0_closed', 'passed']);
    const entries = await exported(org);
    const close = entries.find((e) => e.kind === 'voting.closed')!;
    const list = entries.filter((e) => e.kind === 'ballots.receipts');
    expect(list).toHaveLength(1);
    expect(list[0]!.seq).toBe(close.seq + 1);
    const lines = list[0]!.payload.receipts as [string, ...number[]][];
    expect(list[0]!.payload).toMatchObject({ number: org.proposalNumber, stageIndex: 0, part: 1, parts: 1 });
    expect(lines.map((l) => l[0])).toEqual(current.map((v) => v.receipt!).sort());
    for (const v of current) expect(lines.find((l) => l[0] === v.receipt)!.slice(1)).toEqual(v.preferences);
    expect(lines.map((l) => l[0])).not.toContain(oldReceipt);
    expect((close.payload.tally as TallyResult).cast).toBe(5);

    // The adversary, with every public surface after the close: no entry holds a receipt beside a
    // voter, a seat or a ballot id, and no commitment opens with what is public.
    const after = await publicBodies(org);
    const voterIds = [...org.voters.map((v) => v.userId), ...org.voters.map((v) => v.seatId), ...stored.map((v) => v.id)];
    for (const e of entries) {
      const text = JSON.stringify(e);
      if (stored.some((v) => text.includes(v.receipt!))) {
        expect(e.kind).toBe('ballots.receipts');
        for (const id of voterIds) expect(text, `${e.kind} links a receipt to ${id}`).not.toContain(id);
      }
    }
    for (const [name, body] of Object.entries(after)) {
      expect(body, `${name} shows the replaced ballot's receipt`).not.toContain(oldReceipt);
      for (const v of stored) expect(body, `${name} shows a nonce`).not.toContain(v.nonce!);
      // One entry (atom), one row (CSV) or one line at a time: a receipt and a voter in one place would link them.
      for (const line of name === 'atom' ? body.split('<entry>') : body.split('\n')) {
        if (!current.some((v) => line.includes(v.receipt!))) continue;
        // Only the receipt list's entry and the ballots CSV hold receipts, never with a voter.
        for (const id of voterIds) expect(line.includes(id) && !['json', 'logPage'].includes(name), `${name} links a receipt to ${id}`).toBe(false);
      }
    }
    for (const cast of entries.filter((e) => e.kind === 'ballot.cast')) {
      for (const [receipt, ...preferences] of lines) {
        for (const nonce of ['', '0'.repeat(64), receipt, String(cast.payload.voteId), String(cast.payload.seatId)]) {
          const guess = secretBallotCommitment(nodeSha256, { voteId: String(cast.payload.voteId), receipt, preferences, nonce });
          expect(guess).not.toBe(cast.payload.commitment);
        }
      }
    }

    // ballots.csv: one row per ballot with its receipt; the BLT file stays standard.
    const csvRows = after.ballotsCsv.trim().split('\r\n');
    expect(csvRows[0]).toBe('receipt,count,preference 1,preference 2,preference 3');
    expect(csvRows.slice(1).map((r) => r.split(',')[0])).toEqual(lines.map((l) => l[0]));
    expect(csvRows).toContain(`${current.find((v) => v.voterUserId === org.voters[3]!.userId)!.receipt},1,Curie,Babbage,Ada`);
    expect(after.ballotsBlt).not.toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}/);

    // npm run verify: the list is well-formed, unique and recounts to the logged result.
    const check = await checkExport(JSON.parse(after.json));
    expect(check.report.problems).toEqual([]);
    expect(check.receiptLists).toBe(1);
    expect(check.receipts).toBe(5);
    expect(formatVerdict(check)).toMatch(/Receipts: 5 receipts in 1 published list, each well-formed and unique; every list recounts to the logged result\./);

    // The lookup after the close: each current receipt finds its ballot; the replaced one does not.
    const mine = current.find((v) => v.voterUserId === org.voters[3]!.userId)!;
    const found = await receiptPage(org, mine.receipt!.toLowerCase().replaceAll('-', ' '));
    expect(found).toContain(`Receipt <code class="whitespace-nowrap font-mono font-semibold">${mine.receipt}</code> stands for this counted ballot`);
    expect(found).toContain('Ranks Curie first, then Babbage, then Ada.');
    expect(await receiptPage(org, oldReceipt)).toContain('No counted ballot has the receipt');
    expect(await receiptPage(org, 'not a code')).toContain('That is not a receipt code');
  });

  it('npm run verify catches a forged, repeated, malformed or missing receipt list', async () => {
    const org = await createStormOrg(db, {
      slug: 'receipt-forgery',
      seats: 5,
      voteClosesAt: new Date(Date.now() + 86_400_000),
      typeKey: 'board_choice',
      options: OPTIONS,
      charterEdit: withMethod({ key: 'approval', winners: 1 }),
    });
    await ballot(org, 0, '0,1');
    await ballot(org, 1, '1');
    await ballot(org, 2, '2,3');
    await recordTransitions(db, org.proposalId, org.orgId, new Date(org.closesAt.getTime() + 1000));
    const doc = () => JSON.parse(JSON.stringify(pristine)) as { entries: Entry[] };
    const pristine = JSON.parse((await publicBodies(org)).json) as { entries: Entry[] };
    expect((await checkExport(doc())).report.problems).toEqual([]);
    const kinds = async (edit: (lines: unknown[][], entries: Entry[]) => void) => {
      const d = doc();
      const entry = d.entries.find((e) => e.kind === 'ballots.receipts')!;
      edit(entry.payload.receipts as unknown[][], d.entries);
      return (await checkExport(d)).report.problems.filter((p) => p.kind === 'receipt_mismatch').map((p) => p.message);
    };
    expect((await kinds((l) => (l[0]![1] = 3))).join()).toMatch(/not the ballots the count published/);
    expect((await kinds((l) => (l[1]![0] = l[0]![0]))).join()).toMatch(/published twice/);
    expect((await kinds((l) => (l[0]![0] = 'abc'))).join()).toMatch(/well-formed receipt/);
    expect((await kinds((l) => l.reverse())).join()).toMatch(/out of order/);
    expect((await kinds((l) => l.pop())).join()).toMatch(/3 ballots were cast; the receipt list has 2/);
    expect(
      (
        await kinds((_, e) =>
          e.splice(
            e.findIndex((x) => x.kind === 'ballots.receipts'),
            1,
          ),
        )
      ).join(),
    ).toMatch(/no receipt list was published/);
  });

  it('in a private organization the lookup is a 404 to outsiders, like ballots.csv, and answers members', async () => {
    const org = await createStormOrg(db, {
      slug: 'receipt-private',
      seats: 5,
      voteClosesAt: new Date(Date.now() + 86_400_000),
      typeKey: 'board_choice',
      options: OPTIONS,
      charterEdit: withMethod({ key: 'plurality', winners: 1 }),
    });
    await ballot(org, 0, '1');
    await recordTransitions(db, org.proposalId, org.orgId, new Date(org.closesAt.getTime() + 1000));
    await db.update(organizations).set({ isPublic: false }).where(eq(organizations.id, org.orgId));
    const proposal = { params: Promise.resolve({ slug: org.slug, number: String(org.proposalNumber) }) };
    expect((await ballotsCsv(request('/x'), proposal)).status).toBe(404);
    await expect(receiptPage(org)).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    const [mine] = await db.select().from(votes).where(eq(votes.proposalId, org.proposalId));
    signInAs({ id: org.voters[1]!.userId, email: org.voters[1]!.email, name: 'voter 1' });
    const html = await receiptPage(org, mine!.receipt!);
    expect(html).toContain('Chooses Babbage.');
    expect((await ballotsCsv(request('/x'), proposal)).status).toBe(200);
  });
});
