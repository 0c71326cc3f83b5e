/**
 * Receipts for a member-wide vote's secret ballots (the cooperative's "Choice of all members among
 * options"), through the server action, the close and every public surface: the receipt shown to
 * the voter and mailed to them alone, the commitment in `ballot.cast`, the list published at the
 * close with each voter's ballot once and the weight it carried (delegators have no receipt), the
 * lookup by receipt, and `npm run verify` catching a forged list.
 */
import { discloseAttachments } from '@/lib/log/attachment';
import { sha256 } from '@/lib/log/sha256';
import { and, eq } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup as renderHtml } from 'react-dom/server';
import { inEnglish } from '../support/intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { delegations, memberships, outbox, users, votes } from '@/db/schema';
import { loadMemberStage } from '@/db/read/member-stage';
import { findProposalByNumber } from '@/db/read/proposal-page';
import { initialActionState } from '@/lib/actions/state';
import { isReceipt } from '@/lib/governance/receipt';
import { charterFromTemplate } from '@/lib/governance/templates';
import type { TallyResult } from '@/lib/governance/types';
import { nodeSha256 } from '@/lib/log/node-hash';
import { secretBallotCommitment } from '@/lib/log/secret-ballot-commitment';
import { createDraft } from '@/lib/use-cases/drafts';
import { foundOrganization } from '@/lib/use-cases/founding';
import { publishProposal } from '@/lib/use-cases/publish';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { checkExport } from '@/scripts/verify';
import { secretBallotsStaySecret } from '../model/invariants';
import { form, session, signInAs, withTestDatabase } from './helpers';
import { expectReceiptMailedToVoterAlone } from './receipt-mail';

// The components read their words from a provider, as in the browser: English here.
const renderToStaticMarkup = (element: Parameters<typeof renderHtml>[0]) => renderHtml(inEnglish(element));

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { castChoiceBallotAction } = await import('@/app/o/[slug]/proposals/actions');
const { GET: exportJson } = await import('@/app/api/o/[slug]/log/export/route');
const { GET: ballotsCsv } = await import('@/app/o/[slug]/proposals/[number]/ballots.csv/route');
const { default: ReceiptPage } = await import('@/app/o/[slug]/proposals/[number]/receipt/page');
const { MemberStagePanel } = await import('@/components/proposals/member-stage-panel');

const DAY = 86_400_000;
const OPTIONS = ['Ada', 'Babbage', 'Curie'];
let db: Database;
withTestDatabase({ app: true }, (handle) => (db = handle.db));
beforeEach(() => signInAs(null));

type Person = { id: string; name: string; email: string };
type Entry = { seq: number; kind: string; subject: string; payload: Record<string, unknown> };

/**
 * A cooperative of seven, its members' choice among three options in voting: Ben and Cleo
 * delegate to Ana, Fay to Ben (so to Ana), Dev to Eli (but votes himself).
 */
async function cooperativeChoice(slug: string) {
  // Voting opened a day ago (the server action casts at the real time) and closes in six days.
  const start = new Date(Date.now() - 15 * DAY);
  const names = ['Admin', 'Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay'];
  const people: Person[] = await db
    .insert(users)
    .values(names.map((name) => ({ email: `${slug}-${name.toLowerCase()}@example.org`, name, emailVerified: start })))
    .returning({ id: users.id, name: users.name, email: users.email })
    .then((rows) => rows.map((r) => ({ id: r.id, name: r.name!, email: r.email })));
  const by = (name: string) => people.find((p) => p.name === name)!;
  const org = await db.transaction((tx) =>
    foundOrganization(tx, {
      slug,
      name: `Coop ${slug}`,
      mission: 'Members choose.',
      createdBy: by('Admin').id,
      templateKey: 'cooperative',
      charter: charterFromTemplate('cooperative'),
      at: start,
    }),
  );
  await db
    .insert(memberships)
    .values(people.slice(1).map((p) => ({ orgId: org.id, userId: p.id, role: 'member' as const, acceptedAt: start, createdAt: start })));
  for (const [from, to] of [
    ['Ben', 'Ana'],
    ['Cleo', 'Ana'],
    ['Fay', 'Ben'],
    ['Dev', 'Eli'],
  ] as const) {
    await db.insert(delegations).values({ orgId: org.id, delegatorUserId: by(from).id, delegateUserId: by(to).id, createdAt: start });
  }
  const author = { userId: by('Ana').id, role: 'member' as const };
  const draft = await createDraft(
    db,
    author,
    {
      orgId: org.id,
      typeKey: 'member_choice',
      title: 'Name the new hall',
      body: 'Members choose.',
      subjectUserId: null,
      effect: {},
      emergency: false,
      options: OPTIONS,
    },
    new Date(start.getTime() + 1000),
  );
  await publishProposal(db, author, { orgId: org.id, proposalId: draft.id }, new Date(start.getTime() + 1000));
  const opensAt = new Date(start.getTime() + 14 * DAY + 2000);
  expect(await recordTransitions(db, draft.id, org.id, opensAt)).toEqual(['discussion_closed', 'stage_0_opened']);
  return { orgId: org.id, slug, by, proposalId: draft.id, number: draft.number, closesAt: new Date(opensAt.getTime() + 7 * DAY) };
}
type Coop = Awaited<ReturnType<typeof cooperativeChoice>>;

async function ballot(c: Coop, who: string, preferences: string) {
  const p = c.by(who);
  signInAs({ id: p.id, email: p.email, name: p.name });
  const state = await castChoiceBallotAction(initialActionState, form({ orgId: c.orgId, proposalId: c.proposalId, preferences }));
  expect(state.ok, state.message).toBe(true);
  signInAs(null);
}

const exported = async (c: Coop) => {
  const res = await exportJson(new Request(`http://quorate.test/api/o/${c.slug}/log/export`), { params: Promise.resolve({ slug: c.slug }) });
  return JSON.parse(await res.text()) as { entries: Entry[]; attachments?: unknown };
};

/** The export's entries with a member-wide close's attachment (roll and roll call, public too) read in, its hash checked. */
const disclosedEntries = (doc: { entries: Entry[]; attachments?: unknown }) => discloseAttachments(doc.entries, doc.attachments, sha256).entries as Entry[];

async function receiptPage(c: Coop, code?: string): Promise<string> {
  const element = await ReceiptPage({
    params: Promise.resolve({ slug: c.slug, number: String(c.number) }),
    searchParams: Promise.resolve(code === undefined ? {} : { code }),
  });
  return renderToStaticMarkup(createElement('div', null, element));
}

/** The member stage panel as the proposal page serves it to `viewer`, with their own receipt. */
async function panelFor(c: Coop, viewer: Person, closed: boolean): Promise<string> {
  const loaded = (await findProposalByNumber(c.orgId, c.number))!;
  const charter = charterFromTemplate('cooperative');
  const type = charter.proposalTypes.find((t) => t.key === 'member_choice')!;
  const body = charter.bodies.find((b) => b.key === 'membership')! as Parameters<typeof loadMemberStage>[2];
  const view = await loadMemberStage(loaded, 0, body, type, viewer.id);
  const mine = loaded.record.stages[0]!.choiceBallots?.find((b) => b.voterUserId === viewer.id) ?? null;
  return renderToStaticMarkup(
    createElement(MemberStagePanel, {
      index: 0,
      stageCount: 1,
      stage: type.stages[0]!,
      body,
      view,
      opened: true,
      closed,
      tally: closed ? (loaded.stages[0]!.tally as TallyResult) : null,
      proposalHref: `/o/${c.slug}/proposals/${c.number}`,
      logHref: `/o/${c.slug}/log`,
      offer: closed ? { show: false } : { show: true, open: true },
      myChoice: null,
      blocked: null,
      ids: { orgId: c.orgId, proposalId: c.proposalId },
      delegationsHref: `/o/${c.slug}/delegations`,
      choice: {
        ballot: { kind: 'ranked', options: OPTIONS, winners: 1 },
        methodName: 'instant-runoff',
        mine: mine ? [...mine.preferences] : null,
        count: loaded.stages[0]!.tally?.choice?.count ?? null,
        downloads: null,
        myReceipt: mine?.receipt ?? null,
        receiptUrl: `/o/${c.slug}/proposals/${c.number}/receipt`,
      },
    }),
  );
}

describe('receipts for member-wide secret ballots', () => {
  it('go to the voter alone, commit in the log, are published at the close with the weight each ballot carried, and are found by receipt', async () => {
    const c = await cooperativeChoice('coop-receipts');
    await ballot(c, 'Ana', '0,1'); // changed below: this receipt must never be published
    const [first] = await db
      .select()
      .from(votes)
      .where(eq(votes.voterUserId, c.by('Ana').id));
    await ballot(c, 'Ana', '1,0');
    await ballot(c, 'Dev', '2'); // overrides his delegation to Eli
    await ballot(c, 'Eli', '0,2');

    // Each ballot has its own well-formed receipt, stored with it; the changed one a new one.
    const stored = await db.select().from(votes).where(eq(votes.proposalId, c.proposalId));
    expect(stored).toHaveLength(4);
    expect(stored.every((v) => isReceipt(v.receipt) && v.seatId === null)).toBe(true);
    expect(new Set(stored.map((v) => v.receipt)).size).toBe(4);
    const current = stored.filter((v) => v.isCurrent);
    const receiptOf = (name: string) => current.find((v) => v.voterUserId === c.by(name).id)!.receipt!;
    expect(current.map((v) => v.receipt)).not.toContain(first!.receipt);

    // By mail: one mandatory notice per ballot, to its voter alone, with its receipt and the lookup page.
    for (const v of stored) await expectReceiptMailedToVoterAlone(db, v, { slug: c.slug, number: c.number });
    // Nobody who only delegated got a receipt.
    const mailed = await db
      .select({ userId: outbox.recipientUserId })
      .from(outbox)
      .where(and(eq(outbox.orgId, c.orgId), eq(outbox.kind, 'ballot_receipt')));
    expect(new Set(mailed.map((r) => r.userId))).toEqual(new Set(['Ana', 'Dev', 'Eli'].map((n) => c.by(n).id)));

    // On screen: the voter's own receipt beside their ballot; another member sees none.
    expect(await panelFor(c, c.by('Ana'), false)).toContain(`data-receipt="true">${receiptOf('Ana')}</code>`);
    // With delegation, the panel states the limit of this secret ballot plainly.
    expect(await panelFor(c, c.by('Ana'), false)).toMatch(
      /data-secrecy-limit[^>]*>A limit of this secret ballot: each ballot is published with the weight it carried/,
    );
    const bens = await panelFor(c, c.by('Ben'), false);
    for (const v of stored) expect(bens).not.toContain(v.receipt!);

    // The cast entries: who voted and a commitment to voteId, receipt, preferences and the unpublished nonce.
    const casts = (await exported(c)).entries.filter((e) => e.kind === 'ballot.cast');
    expect(casts).toHaveLength(4);
    for (const e of casts) {
      expect(Object.keys(e.payload).sort()).toEqual(['commitment', 'commitmentScheme', 'member', 'number', 'secret', 'stageIndex', 'voteId', 'voterUserId']);
      const v = stored.find((s) => s.id === e.payload.voteId)!;
      expect(e.payload.commitmentScheme).toBe('sha256-jcs-secret/1');
      expect(e.payload.commitment).toBe(
        secretBallotCommitment(nodeSha256, { voteId: v.id, receipt: v.receipt!, preferences: v.preferences!, nonce: v.nonce! }),
      );
    }
    // Before the close no public payload holds a receipt, and the lookup says nothing about a code.
    const before = await exported(c);
    expect(secretBallotsStaySecret({ entries: before.entries as never, voteRows: stored })).toEqual([]);
    for (const v of stored) expect(JSON.stringify(before)).not.toContain(v.receipt!);
    expect(await receiptPage(c, receiptOf('Ana'))).toContain('Ballots are published when voting closes');

    // The close: each voter's ballot once, sorted by receipt, with the weight it carried.
    expect(await recordTransitions(db, c.proposalId, c.orgId, new Date(c.closesAt.getTime() + 1000))).toEqual(['stage_0_closed', 'passed']);
    const entries = disclosedEntries(await exported(c));
    const close = entries.find((e) => e.kind === 'voting.closed')!;
    const lists = entries.filter((e) => e.kind === 'ballots.receipts');
    expect(lists).toHaveLength(1);
    expect(lists[0]!.seq).toBe(close.seq + 1);
    const payload = lists[0]!.payload as { receipts: [string, ...number[]][]; weights: number[] };
    expect(Object.keys(payload).sort()).toEqual(['number', 'part', 'parts', 'receipts', 'stageIndex', 'weights']);
    const byReceipt = new Map(payload.receipts.map((l, i) => [l[0], { preferences: l.slice(1), weight: payload.weights[i] }]));
    expect([...byReceipt.keys()]).toEqual([receiptOf('Ana'), receiptOf('Dev'), receiptOf('Eli')].sort());
    // Ana carries Ben, Cleo and (through Ben) Fay; Dev his own vote; Eli hers (Dev voted himself).
    expect(byReceipt.get(receiptOf('Ana'))).toEqual({ preferences: [1, 0], weight: 4 });
    expect(byReceipt.get(receiptOf('Dev'))).toEqual({ preferences: [2], weight: 1 });
    expect(byReceipt.get(receiptOf('Eli'))).toEqual({ preferences: [0, 2], weight: 1 });
    expect((close.payload.tally as TallyResult).cast).toBe(6);
    // Nothing public links a receipt or a choice to a person, after the close either.
    expect(secretBallotsStaySecret({ entries: entries as never, voteRows: stored })).toEqual([]);
    expect(JSON.stringify(entries)).not.toContain(first!.receipt!);
    // The roll call in the attachment names who voted, never a secret ballot's nonce or preferences.
    const disclosed = (close.payload.rollCall as Record<string, unknown>[]).filter((r) => r.choice === 'secret');
    expect(disclosed).toHaveLength(3);
    for (const r of disclosed) expect(r.nonce).toBeUndefined();
    for (const v of stored) if (v.nonce) expect(JSON.stringify(entries)).not.toContain(v.nonce);

    // npm run verify recounts the weighted list to the logged result.
    const check = await checkExport((await exported(c)) as never);
    expect(check.report.problems).toEqual([]);
    expect(check.receiptLists).toBe(1);
    expect(check.receipts).toBe(3);

    // The lookup: a voter finds their ballot and its weight; a replaced receipt, or none, finds nothing; a malformed code is refused.
    const found = await receiptPage(c, receiptOf('Ana').toLowerCase().replaceAll('-', ' '));
    expect(found).toContain(`Receipt <code class="whitespace-nowrap font-mono font-semibold">${receiptOf('Ana')}</code> stands for this counted ballot`);
    expect(found).toContain('Ranks Babbage first, then Ada.');
    expect(found).toContain('It counted with a weight of 4');
    const missing = await receiptPage(c, first!.receipt!);
    expect(missing).toContain('No counted ballot has the receipt');
    expect(missing).toContain('A member who delegated their vote and did not vote themselves has no receipt');
    expect(await receiptPage(c, 'K7Q2-9MZD-3TXA')).toContain('That is not a receipt code');
    expect(await receiptPage(c, 'U7Q2-9MZD-3TXA-E8WB-PN4R')).toContain('That is not a receipt code');
    // After the close, the panel keeps the voter's receipt with the link to look it up.
    expect(await panelFor(c, c.by('Ana'), true)).toContain(`receipt?code=${receiptOf('Ana')}`);

    // ballots.csv: one row per ballot with its receipt and the weight it carried as its count.
    const csv = await (await ballotsCsv(new Request('http://quorate.test/x'), { params: Promise.resolve({ slug: c.slug, number: String(c.number) }) })).text();
    expect(csv.trim().split('\r\n')).toContain(`${receiptOf('Ana')},4,Babbage,Ada`);
  });

  it('npm run verify catches a forged member-wide receipt list: weights changed, swapped or dropped, a ballot altered', async () => {
    const c = await cooperativeChoice('coop-forgery');
    await ballot(c, 'Ana', '1,0');
    await ballot(c, 'Dev', '2');
    await ballot(c, 'Eli', '0,2');
    await recordTransitions(db, c.proposalId, c.orgId, new Date(c.closesAt.getTime() + 1000));
    const pristine = await exported(c);
    expect((await checkExport(pristine as never)).report.problems).toEqual([]);
    const problems = async (edit: (p: { receipts: unknown[][]; weights?: unknown[] }) => void) => {
      const d = JSON.parse(JSON.stringify(pristine)) as { entries: Entry[] };
      edit(d.entries.find((e) => e.kind === 'ballots.receipts')!.payload as never);
      return (await checkExport(d as never)).report.problems.filter((p) => p.kind === 'receipt_mismatch').map((p) => p.message);
    };
    const heavy = pristine.entries.find((e) => e.kind === 'ballots.receipts')!.payload.weights as number[];
    const at = heavy.indexOf(4);
    const light = at === 0 ? 1 : 0;
    expect((await problems((p) => (p.weights![at] = 3))).join()).toMatch(/the tally says 6 votes were cast; the receipt list's ballots carry 5/);
    expect(
      (
        await problems((p) => {
          p.weights![at] = 1;
          p.weights![light] = 4;
        })
      ).join(),
    ).toMatch(/not the ballots the count published/);
    expect((await problems((p) => delete p.weights)).join()).toMatch(/has no weights/);
    expect((await problems((p) => p.weights!.pop())).join()).toMatch(/3 receipts but 2 weights/);
    expect((await problems((p) => (p.weights![0] = 0))).join()).toMatch(/weight is not a positive whole number/);
    expect((await problems((p) => (p.receipts[at]![1] = 2))).join()).toMatch(/not the ballots the count published/);
  });
});
