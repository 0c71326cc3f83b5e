import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setDatabaseHandleForTests } from '@/db/client';
import type { Database, DatabaseHandle } from '@/db/client';
import { decisionLog, notifyEvents, outbox, votes } from '@/db/schema';
import { listPublicLogPage } from '@/db/queries/log-public';
import { createTestDatabase } from '@/db/testing';
import { initialActionState } from '@/lib/actions/state';
import { legacyBallotCommitment } from '@/lib/log/ballot-commitment';
import { nodeSha256 } from '@/lib/log/node-hash';
import { verifyLog } from '@/lib/log/verify';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { loadLogExport } from '@/lib/transparency/log-export';
import { forgetLogIntegrity, integrityWarning, logIntegrity, logIntegrityToken, refreshLogIntegrity } from '@/lib/transparency/log-status';
import { checkExport, formatVerdict } from '@/scripts/verify';
import { createStormOrg } from '@/scripts/support/storm-org';
import type { StormOrg } from '@/scripts/support/storm-org';
import { form, session, signInAs } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { castBallotAction } = await import('@/app/o/[slug]/proposals/actions');
const { GET: exportJson } = await import('@/app/api/o/[slug]/log/export/route');
const { GET: exportCsv } = await import('@/app/o/[slug]/log/export.csv/route');
const { GET: atomFeed } = await import('@/app/o/[slug]/log/feed.atom/route');

let handle: DatabaseHandle & { drop: () => Promise<void> };
let db: Database;
let org: StormOrg;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandleForTests(handle);
  db = handle.db;
  org = await createStormOrg(db, { slug: 'sealed-box', seats: 5, voteClosesAt: new Date(Date.now() + 86_400_000) });
});
afterAll(async () => {
  setDatabaseHandleForTests(undefined);
  await handle.drop();
});
beforeEach(() => {
  signInAs(null);
  forgetLogIntegrity();
});

const context = () => ({ params: Promise.resolve({ slug: org.slug }) });
const request = (path: string) => new Request(`http://quorate.test${path}`);

/** Every public body about the log: the JSON export, the CSV, the Atom feed, the log page's rows. */
async function publicBodies(): Promise<{ json: string; csv: string; atom: string; page: string; mail: string }> {
  const json = await (await exportJson(request(`/api/o/${org.slug}/log/export`), context())).text();
  const csv = await (await exportCsv(request(`/o/${org.slug}/log/export.csv`), context())).text();
  const atom = await (await atomFeed(request(`/o/${org.slug}/log/feed.atom`), context())).text();
  const page = JSON.stringify((await listPublicLogPage(db, org.orgId, {}, {}, 200)).rows);
  const mail = JSON.stringify([await db.select().from(outbox), await db.select().from(notifyEvents)]);
  return { json, csv, atom, page, mail };
}

async function vote(i: number, choice: 'yes' | 'no' | 'abstain', rationale = '') {
  const voter = org.voters[i]!;
  signInAs({ id: voter.userId, email: voter.email, name: `voter ${i}` });
  const state = await castBallotAction(initialActionState, form({ orgId: org.orgId, proposalId: org.proposalId, choice, rationale }));
  expect(state.ok, state.message).toBe(true);
}

async function verifyExport() {
  const text = await (await exportJson(request(`/api/o/${org.slug}/log/export`), context())).text();
  const loaded = loadLogExport(text);
  if (!loaded.ok) throw new Error(loaded.error);
  return verifyLog(loaded.value.input, undefined, { hasher: nodeSha256 });
}

const RATIONALES = ['Rationale-kept-until-close-one', 'Rationale-kept-until-close-two'] as const;

describe('sealed ballots, through the server action and the public routes', () => {
  it('while voting is open, nothing public opens a ballot', async () => {
    await vote(0, 'yes');
    await vote(0, 'no', RATIONALES[0]); // a change of mind: the old ballot must stay sealed too
    await vote(1, 'abstain', RATIONALES[1]);
    await vote(2, 'yes');
    await vote(3, 'no');

    const stored = await db.select().from(votes).where(eq(votes.proposalId, org.proposalId));
    expect(stored).toHaveLength(5);
    for (const v of stored) expect(v.nonce).toMatch(/^[0-9a-f]{64}$/);
    const bodies = await publicBodies();
    const exported = JSON.parse(bodies.json) as { entries: { kind: string; payload: Record<string, unknown> }[] };
    const casts = exported.entries.filter((e) => e.kind === 'ballot.cast');
    expect(casts).toHaveLength(5);
    for (const e of casts) {
      const { voteId, commitment } = e.payload as { voteId: string; commitment: string };
      expect(e.payload.commitmentScheme).toBe('sha256-jcs-nonce/1');
      // The attack that read every vote: try the three choices against the commitment.
      for (const choice of ['yes', 'no', 'abstain']) expect(legacyBallotCommitment(nodeSha256, voteId, choice)).not.toBe(commitment);
      expect(Object.keys(e.payload).sort()).toEqual(['commitment', 'commitmentScheme', 'number', 'seatId', 'stageIndex', 'voteId']);
    }
    // Entry sizes do not depend on the choice.
    const sizes = await db
      .select({ n: sql<number>`length(${decisionLog.entry})`.mapWith(Number), actor: decisionLog.actorId })
      .from(decisionLog)
      .where(and(eq(decisionLog.orgId, org.orgId), eq(decisionLog.kind, 'ballot.cast')));
    expect(new Set(sizes.map((s) => s.n - (s.actor?.length ?? 0))).size).toBe(1);

    for (const [name, body] of Object.entries(bodies)) {
      for (const v of stored) expect(body, `${name} shows a nonce`).not.toContain(v.nonce!);
      for (const r of RATIONALES) expect(body, `${name} shows a rationale`).not.toContain(r);
      expect(body, `${name} names a choice`).not.toMatch(/"choice"|\babstain\b/);
      // Each ballot's id never appears beside a choice word.
      for (const v of stored) expect(body, `${name} pairs a ballot with a choice`).not.toMatch(new RegExp(`${v.id}[^\\n]{0,40}\\b(yes|no|abstain)\\b`));
    }

    const report = await verifyExport();
    expect(report.ok, JSON.stringify(report.problems)).toBe(true);
    expect(report.ballots).toEqual({ ballotsOpened: 0, legacyUnhidden: 0, stillSealed: 4, secretCounted: 0 });
  });

  it('at close the roll call discloses choice, nonce and rationale, and the verifier opens every ballot', async () => {
    const steps = await recordTransitions(db, org.proposalId, org.orgId, new Date(org.closesAt.getTime() + 1000));
    expect(steps).toContain('stage_0_closed');
    const [closed] = await db
      .select()
      .from(decisionLog)
      .where(and(eq(decisionLog.orgId, org.orgId), eq(decisionLog.kind, 'voting.closed')));
    const rollCall = (JSON.parse(closed!.entry) as { payload: { rollCall: { seatId: string; choice: string; nonce: string; rationale: string | null }[] } })
      .payload.rollCall;
    expect(rollCall).toHaveLength(4);
    expect(rollCall.find((r) => r.seatId === org.voters[0]!.seatId)).toMatchObject({ choice: 'no', rationale: RATIONALES[0] });
    expect(rollCall.find((r) => r.seatId === org.voters[1]!.seatId)).toMatchObject({ choice: 'abstain', rationale: RATIONALES[1] });
    for (const r of rollCall) expect(r.nonce).toMatch(/^[0-9a-f]{64}$/);

    const report = await verifyExport();
    expect(report.ok, JSON.stringify(report.problems)).toBe(true);
    expect(report.ballots).toEqual({ ballotsOpened: 4, legacyUnhidden: 0, stillSealed: 0, secretCounted: 0 });
    // The CLI says so too.
    const text = await (await exportJson(request(`/api/o/${org.slug}/log/export`), context())).text();
    const verdict = formatVerdict(await checkExport(JSON.parse(text)));
    expect(verdict).toMatch(/^✔ Log intact/);
    expect(verdict).toContain('Ballots: 4 disclosed ballots open their commitment.');
  });
});

describe('what people read is what is verified', () => {
  async function tamperClosedEntry(): Promise<number> {
    let seq = 0;
    await db.transaction(async (tx) => {
      // As a superuser would: the append-only triggers off for this transaction only.
      await tx.execute(sql.raw('alter table decision_log disable trigger user'));
      const [row] = await tx
        .select()
        .from(decisionLog)
        .where(and(eq(decisionLog.orgId, org.orgId), eq(decisionLog.kind, 'voting.closed')));
      seq = row!.seq;
      // One byte: the tally's yes count (1 → 3). The columns beside it are left as they were.
      const entry = row!.entry.replace('"yes":1,', '"yes":3,');
      expect(entry).not.toBe(row!.entry);
      expect(entry.length).toBe(row!.entry.length);
      await tx
        .update(decisionLog)
        .set({ entry })
        .where(and(eq(decisionLog.orgId, org.orgId), eq(decisionLog.seq, seq)));
      await tx.execute(sql.raw('alter table decision_log enable trigger user'));
    });
    return seq;
  }

  it('one changed byte of an entry: the pages show what the hash covers, flagged, with the warning; the verifier reports it', async () => {
    expect(await logIntegrity(db, org.orgId)).toMatchObject({ state: 'verified', problem: null });
    const before = await logIntegrityToken(db, org.slug);
    const seq = await tamperClosedEntry();

    // The page's rows are parsed from the hashed bytes and each is checked against its hash.
    const page = await listPublicLogPage(db, org.orgId, {}, {}, 50);
    const row = page.rows.find((r) => r.seq === seq)!;
    expect((row.payload.tally as { yes: number }).yes).toBe(3);
    expect(row.problem).toBe(`entry #${seq} does not match its hash`);
    // Even with the organization's verdict still cached from before the edit.
    expect(integrityWarning(await logIntegrity(db, org.orgId), page.rows)).toBe(
      `This organization's decision log does not verify: entry #${seq} does not match its hash.`,
    );
    // The proposal page's record of it, read the same way.
    const record = await listPublicLogPage(db, org.orgId, { subject: `proposal:${org.proposalId}` }, {}, 100);
    expect(record.rows.find((r) => r.seq === seq)!.problem).not.toBeNull();

    // A page that does not show the entry still warns once the whole log has been checked again
    // (in the background every few minutes; here, now), and the public page cache's version moves.
    const elsewhere = await listPublicLogPage(db, org.orgId, { kind: 'organization.created' }, {}, 50);
    expect(elsewhere.rows.every((r) => r.problem === null)).toBe(true);
    await refreshLogIntegrity(db, org.orgId);
    const verdict = await logIntegrity(db, org.orgId);
    expect(verdict).toMatchObject({ state: 'failed', problem: `entry #${seq} does not match its hash` });
    expect(integrityWarning(verdict, elsewhere.rows)).toContain('does not verify');
    expect(await logIntegrityToken(db, org.slug)).not.toBe(before);
    // A fresh process finds it on its first look.
    forgetLogIntegrity();
    expect((await logIntegrity(db, org.orgId)).state).toBe('failed');

    // The export carries the same bytes, and the verifier reports the entry.
    const report = await verifyExport();
    expect(report.ok).toBe(false);
    expect(report.problems.filter((p) => p.kind === 'hash_mismatch').map((p) => p.seq)).toEqual([seq]);
    const text = await (await exportJson(request(`/api/o/${org.slug}/log/export`), context())).text();
    expect(formatVerdict(await checkExport(JSON.parse(text)))).toMatch(new RegExp(`^✘ Log TAMPERED: first bad entry #${seq} — hash_mismatch`));
    // CSV and Atom show what the bytes say, flagged.
    const csv = await (await exportCsv(request(`/o/${org.slug}/log/export.csv`), context())).text();
    expect(csv).toContain(`[DOES NOT VERIFY: entry #${seq} does not match its hash]`);
    const atom = await (await atomFeed(request(`/o/${org.slug}/log/feed.atom`), context())).text();
    expect(atom).toContain(`[DOES NOT VERIFY: entry #${seq} does not match its hash]`);
  });
});
