import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database, Tx } from '@/db/client';
import { decisionLog, organizations, proposals, recusals, votes } from '@/db/schema';
import { loadProposalForChange } from '@/db/queries/proposals';
import { seedDemo } from '@/db/seed';
import { RuleRefusal } from '@/lib/governance/refusal';
import { proposalPhase } from '@/lib/governance/phase';
import { castBallot } from '@/lib/use-cases/ballots';
import { createStormOrg } from '@/scripts/support/storm-org';
import { withTestDatabase } from './helpers';
import type { TestDatabase } from './helpers';

/**
 * The vote path's few statements: the proposal is locked by one statement and read by
 * the next, so what the rules see is everything committed up to the lock — never a snapshot from
 * before a wait on it. PostgreSQL only: on PGlite nothing can wait for a lock.
 */
describe.runIf(process.env.TEST_DATABASE_URL)('castBallot reads the proposal after taking its lock (needs PostgreSQL)', () => {
  let db: Database;
  withTestDatabase({ app: false }, (handle) => (db = handle.db));

  const outcome = (run: Promise<unknown>) =>
    run.then(
      () => 'accepted',
      (error: unknown) => (error instanceof RuleRefusal ? error.code : `error: ${String(error)}`),
    );

  async function waitUntilSomeoneWaitsForALock(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const rows = (await db.execute(
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      )) as unknown as { n: number }[];
      if (rows[0]!.n > 0) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the ballot never queued for the proposal lock');
  }

  type StormOrg = Awaited<ReturnType<typeof createStormOrg>>;
  type Voter = StormOrg['voters'][number];

  /**
   * The race: in a new five-seat organization, a transaction locks the proposal and runs `write` (what a concurrent use
   * case does), then waits uncommitted while the first voter's ballot (yes, with `rationale`) queues for the lock; then it
   * commits. Returns the organization and how the ballot ended.
   */
  async function ballotQueuedBehind(slug: string, rationale: string | null, write: (tx: Tx, org: StormOrg, voter: Voter) => Promise<unknown>) {
    const org = await createStormOrg(db, { slug, seats: 5, voteClosesAt: new Date(Date.now() + 86_400_000) });
    const voter = org.voters[0]!;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const writing = db.transaction(async (tx) => {
      await tx.select({ id: proposals.id }).from(proposals).where(eq(proposals.id, org.proposalId)).for('update');
      await write(tx, org, voter);
      holding();
      await gate;
    });
    await held;
    const ballot = outcome(
      castBallot(db, { userId: voter.userId, role: 'member' }, { orgId: org.orgId, proposalId: org.proposalId, choice: 'yes', rationale }, new Date()),
    );
    await waitUntilSomeoneWaitsForALock();
    release();
    await writing;
    return { org, ballot: await ballot };
  }

  it('a recusal committed while the ballot waited for the proposal lock refuses the ballot', async () => {
    // What declareRecusal does, held open: the proposal locked, the recusal written, not committed.
    const { org, ballot } = await ballotQueuedBehind('lock-then-read', null, (tx, org, voter) =>
      tx.insert(recusals).values({
        proposalId: org.proposalId,
        seatId: voter.seatId,
        userId: voter.userId,
        reason: 'My employer bids on this contract.',
        createdAt: new Date(),
      }),
    );
    expect(ballot).toBe('ballot.recused');
    expect(await db.$count(votes, eq(votes.proposalId, org.proposalId))).toBe(0);
    expect(await db.$count(decisionLog, and(eq(decisionLog.orgId, org.orgId), eq(decisionLog.kind, 'ballot.cast')))).toBe(0);
  }, 60_000);

  it('a ballot committed by the same seat while this one waited is superseded, not duplicated', async () => {
    const { org, ballot } = await ballotQueuedBehind('lock-then-supersede', 'second', (tx, org, voter) =>
      tx.insert(votes).values({
        proposalId: org.proposalId,
        stageIndex: 0,
        seatId: voter.seatId,
        voterUserId: voter.userId,
        choice: 'no',
        rationale: 'first',
        castAt: new Date(),
        isCurrent: true,
      }),
    );
    expect(ballot).toBe('accepted');
    const rows = await db.select({ rationale: votes.rationale, isCurrent: votes.isCurrent }).from(votes).where(eq(votes.proposalId, org.proposalId));
    expect(rows.sort((a, b) => (a.rationale ?? '').localeCompare(b.rationale ?? ''))).toEqual([
      { rationale: 'first', isCurrent: false },
      { rationale: 'second', isCurrent: true },
    ]);
  }, 60_000);
});

/**
 * castBallot loads only the ballots of stages already closed at its instant (an open stage's
 * ballots are never read by the rules until it closes): the phase must come out the same as with
 * every ballot loaded, at every instant where it could differ. Both drivers.
 */
describe("loading a proposal for a ballot without the open stages' ballots", () => {
  let handle: TestDatabase;
  withTestDatabase({ app: false }, async (ready) => {
    handle = ready;
    await seedDemo(ready.db);
  });

  it("gives the same phase as the full load, just before, at and after every stage's opening and close", async () => {
    const db = handle.db;
    const [org] = await db.select({ id: organizations.id }).from(organizations);
    const ids = (await db.select({ id: proposals.id }).from(proposals).where(eq(proposals.orgId, org!.id))).map((p) => p.id);
    let compared = 0;
    let withoutSomeBallots = 0;
    for (const id of ids) {
      const full = (await db.transaction((tx) => loadProposalForChange(tx, org!.id, id)))!;
      const instants = new Set<number>([Date.now()]);
      for (const d of [full.row.publishedAt, full.row.discussionClosesAt, ...full.stages.flatMap((s) => [s.opensAt, s.closesAt, s.closedRecordedAt])]) {
        if (d) for (const delta of [-1, 0, 1, 3_600_000]) instants.add(d.getTime() + delta);
      }
      for (const t of instants) {
        const at = new Date(t);
        const partial = (await db.transaction((tx) => loadProposalForChange(tx, org!.id, id, { ballotsClosedBy: at })))!;
        expect(proposalPhase(partial.record, partial.charter!, at), `${full.row.title} at ${at.toISOString()}`).toEqual(
          proposalPhase(full.record, full.charter!, at),
        );
        compared++;
        if (partial.record.stages.some((s, i) => s.ballots.length < full.record.stages[i]!.ballots.length)) withoutSomeBallots++;
      }
    }
    // The demo has decided votes and one still open: both sides of every close were compared.
    expect(compared).toBeGreaterThan(50);
    expect(withoutSomeBallots).toBeGreaterThan(5);
  }, 120_000);
});
