import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { comments, decisionLog, notifyEvents, outbox, proposalStages, proposals, votes } from '@/db/schema';
import { getCharterVersion } from '@/db/queries/charters';
import { getLogHead, readLogRange } from '@/db/queries/log';
import { loadProposal } from '@/db/queries/proposals';
import { RuleRefusal } from '@/lib/governance/refusal';
import type { MessageParams } from '@/lib/governance/messages';
import { stageOutcomes } from '@/lib/governance/phase';
import { tallyStage } from '@/lib/governance/tally';
import type { Ballot, BallotChoice, TallyResult } from '@/lib/governance/types';
import type { StoredEntry } from '@/lib/log/entry';
import { nodeSha256 } from '@/lib/log/node-hash';
import { verifyLog } from '@/lib/log/verify';
import { castBallot } from '@/lib/use-cases/ballots';
import { createDraft } from '@/lib/use-cases/drafts';
import { declareRecusal } from '@/lib/use-cases/recusal';
import { postComment } from '@/lib/use-cases/comments';
import { publishProposal } from '@/lib/use-cases/publish';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { recipientListHash } from '@/lib/use-cases/notice';
import { createStormOrg } from '@/scripts/support/storm-org';
import type { StormOrg } from '@/scripts/support/storm-org';
import { withTestDatabase } from './helpers';

/**
 * Storms of concurrent governance writes against PostgreSQL, through
 * the engine with many connections (the test database's pool of 20), checked row by row:
 * every acknowledged write is present exactly once, nothing refused wrote anything, the log
 * has no gap or fork and verifies, notices are enqueued exactly once per (event, recipient, kind).
 *
 * CI length by default (200 voters × 2 ballots, 10 publishers, 100 comments);
 * QUORATE_STORM_FULL=1 runs 200 voters × 10 ballots, 50 publishers and 500 comments.
 * Figures go to stdout for the notes; nothing asserts on timing.
 *
 * PostgreSQL only: PGlite runs every query on one connection, so no race can show there.
 */

const FULL = process.env.QUORATE_STORM_FULL === '1';
const VOTERS = 200;
const BALLOTS_PER_VOTER = FULL ? 10 : 2;
/** Every LATE_EVERY-th voter tries once more just after the close. */
const LATE_EVERY = 10;
/** Every DOUBLE_EVERY-th voter (offset 1) double-submits its last two changes of mind at once. */
const DOUBLE_EVERY = 25;
const PUBLISHERS = FULL ? 50 : 10;
const COMMENTS = FULL ? 500 : 100;
const THREAD_PROPOSALS = 5;

const SECOND = 1000;
const DAY = 86_400_000;
const VOTE_CLOSES_AT = new Date('2026-06-01T12:00:00.000Z');
/** The storm: the last five seconds of the window. */
const STORM_SPAN_MS = 5 * SECOND;
const CHOICES: BallotChoice[] = ['yes', 'no', 'abstain'];

/** Transient PostgreSQL failures a client would retry (serialization failure, deadlock). */
const RETRYABLE = new Set(['40001', '40P01']);

function pgCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

type Outcome = { kind: 'ack' } | { kind: 'refused'; code: string; params: MessageParams | undefined } | { kind: 'error'; message: string };

/** Runs one write; a rule's refusal and any other error are outcomes, retryable errors are retried. */
async function attempt(run: () => Promise<unknown>, stats: { retries: number }): Promise<Outcome> {
  for (let tries = 0; ; tries++) {
    try {
      await run();
      return { kind: 'ack' };
    } catch (error) {
      if (error instanceof RuleRefusal) return { kind: 'refused', code: error.code, params: error.params };
      if (RETRYABLE.has(pgCode(error) ?? '') && tries < 5) {
        stats.retries++;
        continue;
      }
      return { kind: 'error', message: `${pgCode(error) ?? ''} ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}

/** Every entry of the organization's log, checked: contiguous from 1, matching the head, verifying. */
async function checkLog(db: Database, orgId: string): Promise<{ entries: StoredEntry[]; root: string }> {
  const entries = await readLogRange(db, orgId, 0, 1_000_000);
  expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: entries.length }, (_, i) => i + 1));
  const head = await getLogHead(db, orgId);
  expect(head!.size).toBe(entries.length);
  expect(head!.headHash).toBe(entries.at(-1)!.hash);
  const report = await verifyLog({ entries }, undefined, { hasher: nodeSha256 });
  expect(report.problems).toEqual([]);
  expect(report.ok).toBe(true);
  expect(report.root).toBe(head!.root);
  // No fork: each entry links to the one before it (verifyLog checks the hashes; this the links).
  for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
  return { entries, root: report.root };
}

const rate = (n: number, ms: number) => (ms > 0 ? Math.round((n * 1000) / ms) : 0);

describe.runIf(process.env.TEST_DATABASE_URL)(
  'storms of concurrent writes (needs PostgreSQL: set TEST_DATABASE_URL; PGlite serializes every query, so no race can show)',
  () => {
    let db: Database;
    withTestDatabase({ app: false }, (handle) => {
      db = handle.db;
      expect(handle.kind).toBe('postgres');
    });

    it(`${VOTERS} voters × ${BALLOTS_PER_VOTER} ballots in the last seconds of a vote: every acknowledged ballot counted once, the last one current, late ones refused`, async () => {
      const setupStarted = Date.now();
      const org: StormOrg = await createStormOrg(db, { slug: 'vote-storm', seats: VOTERS, voteClosesAt: VOTE_CLOSES_AT, concurrency: 20 });
      const setupMs = Date.now() - setupStarted;
      const ref = { orgId: org.orgId, proposalId: org.proposalId };
      const closes = org.closesAt.getTime();
      const logBefore = (await getLogHead(db, org.orgId))!.size;

      type Planned = { voter: number; k: number; choice: BallotChoice; rationale: string; at: Date; late: boolean; outcome?: Outcome; ackIndex?: number };
      const plan: Planned[][] = org.voters.map((_, v) => {
        const mine: Planned[] = [];
        for (let k = 0; k < BALLOTS_PER_VOTER; k++) {
          // Distinct instants, rising per voter, spread over the storm; each change of mind differs.
          const slot = k * VOTERS + v + 1;
          const at = new Date(closes - STORM_SPAN_MS + Math.floor((slot * (STORM_SPAN_MS - 100)) / (BALLOTS_PER_VOTER * VOTERS)));
          mine.push({ voter: v, k, choice: CHOICES[(v + k) % 3]!, rationale: `storm v${v} k${k}`, at, late: false });
        }
        // Just after the close (the first one exactly at it): refused, whatever the count says.
        if (v % LATE_EVERY === 0)
          mine.push({ voter: v, k: BALLOTS_PER_VOTER, choice: 'yes', rationale: `storm v${v} late`, at: new Date(closes + v), late: true });
        return mine;
      });
      const stats = { retries: 0 };
      let acks = 0;
      const cast = async (p: Planned) => {
        p.outcome = await attempt(
          () => castBallot(db, { userId: org.voters[p.voter]!.userId, role: 'member' }, { ...ref, choice: p.choice, rationale: p.rationale }, p.at),
          stats,
        );
        if (p.outcome.kind === 'ack') p.ackIndex = acks++;
      };

      const started = Date.now();
      await Promise.all(
        plan.map(async (mine, v) => {
          const onTime = mine.filter((p) => !p.late);
          const doubles = v % DOUBLE_EVERY === 1 && onTime.length >= 2 ? 2 : 0;
          // A voter changes their mind after seeing the last ballot acknowledged...
          for (const p of onTime.slice(0, onTime.length - doubles)) await cast(p);
          // ...or double-submits: two changes of mind in flight at once.
          if (doubles) await Promise.all(onTime.slice(-2).map(cast));
          for (const p of mine.filter((x) => x.late)) await cast(p);
        }),
      );
      const stormMs = Date.now() - started;
      const all = plan.flat();
      const onTime = all.filter((p) => !p.late);
      const late = all.filter((p) => p.late);

      // Every on-time ballot acknowledged; every late one refused with the engine's reason.
      expect(all.filter((p) => p.outcome?.kind === 'error').map((p) => p.outcome)).toEqual([]);
      expect(onTime.filter((p) => p.outcome?.kind !== 'ack').map((p) => ({ r: p.rationale, o: p.outcome }))).toEqual([]);
      for (const p of late) {
        expect(p.outcome).toEqual({
          kind: 'refused',
          code: 'voting.not_open',
          params: {
            phase: expect.stringMatching(/^(passed|rejected|failed quorum)$/),
            'phase:phase': expect.stringMatching(/^(passed|rejected|failed_quorum)$/),
          },
        });
      }
      const acked = onTime;

      // Each acknowledged ballot is in the database exactly once; nothing else is (late ones wrote nothing).
      const rows = await db.select().from(votes).where(eq(votes.proposalId, org.proposalId));
      expect(rows).toHaveLength(acked.length);
      const byRationale = new Map<string, typeof rows>();
      for (const r of rows) byRationale.set(r.rationale ?? '', [...(byRationale.get(r.rationale ?? '') ?? []), r]);
      for (const p of acked) {
        const found = byRationale.get(p.rationale) ?? [];
        expect(found, p.rationale).toHaveLength(1);
        expect(found[0]!.choice).toBe(p.choice);
        expect(found[0]!.castAt.getTime()).toBe(p.at.getTime());
        expect(found[0]!.seatId).toBe(org.voters[p.voter]!.seatId);
      }
      for (const p of late) expect(byRationale.has(p.rationale)).toBe(false);

      // The log: gapless, unforked, verifying; one ballot.cast per acknowledged ballot, naming its row.
      const { entries } = await checkLog(db, org.orgId);
      const ballotEntries = entries.filter((e) => e.kind === 'ballot.cast' && e.subject === `proposal:${org.proposalId}`);
      expect(entries).toHaveLength(logBefore + acked.length);
      expect(ballotEntries).toHaveLength(acked.length);
      const rowById = new Map(rows.map((r) => [r.id, r]));
      expect(new Set(ballotEntries.map((e) => e.payload.voteId))).toEqual(new Set(rowById.keys()));
      for (const e of ballotEntries) {
        const row = rowById.get(e.payload.voteId as string)!;
        expect(e.payload.seatId).toBe(row.seatId);
        expect(e.actorId).toBe(row.voterUserId);
        expect(e.at).toBe(row.castAt.toISOString());
      }

      // Each seat's current ballot is its last acknowledged one: for a voter who waited for each
      // acknowledgement, the last they sent; for a double-submit, the one committed (logged) last.
      const lastLoggedBySeat = new Map<string, string>();
      for (const e of ballotEntries) lastLoggedBySeat.set(e.payload.seatId as string, e.payload.voteId as string);
      const current = rows.filter((r) => r.isCurrent);
      expect(current).toHaveLength(VOTERS);
      const expectedFinal = new Map<string, Ballot>();
      let doubleSubmits = 0;
      let doubleWonByEarlierInstant = 0;
      for (const [v, mine] of plan.entries()) {
        const seatId = org.voters[v]!.seatId;
        const seatRows = rows.filter((r) => r.seatId === seatId);
        const cur = seatRows.filter((r) => r.isCurrent);
        expect(cur, `seat of voter ${v}`).toHaveLength(1);
        expect(cur[0]!.id).toBe(lastLoggedBySeat.get(seatId));
        const sent = mine.filter((p) => !p.late);
        const isDouble = v % DOUBLE_EVERY === 1 && sent.length >= 2;
        if (isDouble) {
          doubleSubmits++;
          const pair = sent.slice(-2);
          expect(pair.map((p) => p.rationale)).toContain(cur[0]!.rationale);
          const winner = pair.find((p) => p.rationale === cur[0]!.rationale)!;
          expect(winner.ackIndex).toBe(Math.max(...pair.map((p) => p.ackIndex!)));
          if (winner.at.getTime() < Math.max(...pair.map((p) => p.at.getTime()))) doubleWonByEarlierInstant++;
        } else {
          expect(cur[0]!.rationale).toBe(sent.at(-1)!.rationale);
        }
        expectedFinal.set(seatId, { seatId, voterUserId: cur[0]!.voterUserId, choice: cur[0]!.choice as BallotChoice, castAt: cur[0]!.castAt });
      }

      // The tally the pure rules compute from the database equals the one from the acknowledged set.
      const charter = (await getCharterVersion(db, org.orgId, 1))!;
      const loaded = (await loadProposal(db, org.orgId, org.proposalId))!;
      const fromDb: TallyResult = stageOutcomes(loaded.record, charter, org.closesAt)[0]!.tally!;
      const type = charter.proposalTypes.find((t) => t.key === 'resolution')!;
      const expected = tallyStage({
        ballots: [...expectedFinal.values()],
        stage: type.stages[0]!,
        body: charter.bodies[0]!,
        charterSeats: VOTERS,
        recusedSeatIds: [],
      });
      expect(fromDb).toEqual(expected);
      expect(expected.cast).toBe(VOTERS);

      // The worker closes the vote with that tally and roll call; a ballot after that is refused and writes nothing.
      const closed = await recordTransitions(db, org.proposalId, org.orgId, org.closesAt);
      expect(closed).toContain('stage_0_closed');
      const [closedEntry] = (await readLogRange(db, org.orgId, 0, 1_000_000)).filter((e) => e.kind === 'voting.closed');
      expect(closedEntry!.payload.tally).toEqual(expected);
      const rollCall = closedEntry!.payload.rollCall as { seatId: string; voteId: string; choice: string }[];
      expect(rollCall).toHaveLength(VOTERS);
      for (const r of rollCall) expect(r.voteId).toBe(lastLoggedBySeat.get(r.seatId));
      const countsBefore = { votes: await db.$count(votes), log: await db.$count(decisionLog) };
      const after = await attempt(
        () =>
          castBallot(db, { userId: org.voters[3]!.userId, role: 'member' }, { ...ref, choice: 'no', rationale: 'after the close' }, new Date(closes + 60_000)),
        stats,
      );
      expect(after).toMatchObject({
        kind: 'refused',
        code: 'voting.not_open',
        params: { phase: expect.stringMatching(/^(passed|rejected|failed quorum)$/) },
      });
      expect({ votes: await db.$count(votes), log: await db.$count(decisionLog) }).toEqual(countsBefore);
      await checkLog(db, org.orgId);

      console.log(
        `[vote-storm] ${VOTERS} voters × ${BALLOTS_PER_VOTER} ballots (pool 20): ${acked.length} acknowledged in ${stormMs} ms (${rate(acked.length, stormMs)} ballots/s), ` +
          `${late.length} late refused, 0 lost, 0 duplicated, retries ${stats.retries}; double-submits ${doubleSubmits} (${doubleWonByEarlierInstant} won by the earlier instant: commit order, not clock order, decides); ` +
          `tally yes ${expected.yes} / no ${expected.no} / abstain ${expected.abstain} → ${expected.outcome}; log ${entries.length} entries, verified; setup (${VOTERS} founding appointments) ${setupMs} ms`,
      );
    }, 300_000);

    it(`${PUBLISHERS} publishers and ${COMMENTS} comments at once: each acknowledged one present once, log gapless, notices enqueued exactly once`, async () => {
      const org = await createStormOrg(db, { slug: 'publish-storm', seats: VOTERS, voteClosesAt: VOTE_CLOSES_AT, concurrency: 20 });
      const writeAt = new Date(VOTE_CLOSES_AT.getTime() + DAY);
      const stats = { retries: 0 };
      // Proposals in discussion to hold the comment threads, published one by one beforehand.
      const threads: string[] = [];
      for (let i = 0; i < THREAD_PROPOSALS; i++) {
        const author = { userId: org.voters[i]!.userId, role: 'member' as const };
        const d = await createDraft(
          db,
          author,
          {
            orgId: org.orgId,
            typeKey: 'resolution',
            title: `Thread proposal ${i + 1}`,
            body: `Thread proposal ${i + 1}: a motion to hold a storm of comments.`,
            subjectUserId: null,
            effect: {},
            emergency: false,
          },
          writeAt,
        );
        await publishProposal(db, author, { orgId: org.orgId, proposalId: d.id }, writeAt);
        threads.push(d.id);
      }
      const logBefore = (await getLogHead(db, org.orgId))!.size;
      const notFollowerMail = and(eq(outbox.orgId, org.orgId), ne(outbox.kind, 'followed_activity'));
      const outboxBefore = await db.$count(outbox, notFollowerMail);

      // Publishers: each drafts and publishes its own motion, all at once (numbering and notices race).
      type Publication = { title: string; author: string; draft?: Outcome; publish?: Outcome; id?: string; number?: number };
      const publications: Publication[] = Array.from({ length: PUBLISHERS }, (_, i) => ({
        title: `Storm motion ${i + 1}`,
        author: org.voters[(i * 7) % VOTERS]!.userId,
      }));
      // Commenters: new threads and replies to comments already acknowledged on the same proposal.
      type Comment = { body: string; author: string; proposalId: string; parentId: string | null; outcome?: Outcome; id?: string };
      const posted: Comment[] = [];
      const ackedByProposal = new Map<string, string[]>(threads.map((t) => [t, []]));
      let seed = 7;
      const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;

      const started = Date.now();
      const publisher = async (p: Publication) => {
        const actor = { userId: p.author, role: 'member' as const };
        p.draft = await attempt(async () => {
          const d = await createDraft(
            db,
            actor,
            {
              orgId: org.orgId,
              typeKey: 'resolution',
              title: p.title,
              body: `${p.title}: the board resolves to test concurrent publication.`,
              subjectUserId: null,
              effect: {},
              emergency: false,
            },
            writeAt,
          );
          p.id = d.id;
          p.number = d.number;
        }, stats);
        if (p.draft.kind === 'ack') p.publish = await attempt(() => publishProposal(db, actor, { orgId: org.orgId, proposalId: p.id! }, writeAt), stats);
      };
      const commenter = async (lane: number) => {
        for (let i = lane; i < COMMENTS; i += 20) {
          const proposalId = threads[i % THREAD_PROPOSALS]!;
          const acked = ackedByProposal.get(proposalId)!;
          const parentId = acked.length > 0 && random() < 0.6 ? acked[Math.floor(random() * acked.length)]! : null;
          const c: Comment = { body: `storm comment ${i}${parentId ? ' (reply)' : ''}`, author: org.voters[(i * 13) % VOTERS]!.userId, proposalId, parentId };
          posted.push(c);
          c.outcome = await attempt(async () => {
            const row = await postComment(
              db,
              { userId: c.author, role: 'member' },
              { orgId: org.orgId, proposalId, parentId, body: c.body, stance: (['support', 'concern', 'object', 'none'] as const)[i % 4]!, asReply: false },
              writeAt,
            );
            c.id = row.id;
          }, stats);
          if (c.outcome.kind === 'ack') acked.push(c.id!);
        }
      };
      await Promise.all([...publications.map(publisher), ...Array.from({ length: 20 }, (_, lane) => commenter(lane))]);
      const stormMs = Date.now() - started;

      expect(publications.filter((p) => p.draft?.kind !== 'ack' || p.publish?.kind !== 'ack').map((p) => ({ t: p.title, d: p.draft, p: p.publish }))).toEqual(
        [],
      );
      expect(posted.filter((c) => c.outcome?.kind !== 'ack').map((c) => ({ b: c.body, o: c.outcome }))).toEqual([]);
      expect(posted).toHaveLength(COMMENTS);

      // Proposals: numbered 1..n without a gap or a repeat; each published one has its rows once.
      const allProposals = await db.select().from(proposals).where(eq(proposals.orgId, org.orgId)).orderBy(asc(proposals.number));
      expect(allProposals.map((p) => p.number)).toEqual(Array.from({ length: allProposals.length }, (_, i) => i + 1));
      expect(allProposals).toHaveLength(1 + THREAD_PROPOSALS + PUBLISHERS);
      const { entries } = await checkLog(db, org.orgId);
      const publishedEntries = entries.filter((e) => e.kind === 'proposal.published');
      const commentEntries = entries.filter((e) => e.kind === 'comment.posted');
      expect(entries).toHaveLength(logBefore + PUBLISHERS + COMMENTS);
      let noticesEnqueued = 0;
      for (const p of publications) {
        const row = allProposals.find((x) => x.id === p.id)!;
        expect(row.title).toBe(p.title);
        expect(row.status).toBe('published');
        expect(row.number).toBe(p.number);
        const mine = publishedEntries.filter((e) => e.subject === `proposal:${p.id}`);
        expect(mine).toHaveLength(1);
        const notice = mine[0]!.payload.notice as { recipients: number; recipientListHash: string };
        const events = await db
          .select()
          .from(notifyEvents)
          .where(eq(notifyEvents.key, `published:${p.id}`));
        expect(events).toHaveLength(1);
        const rows = await db.select({ userId: outbox.recipientUserId }).from(outbox).where(eq(outbox.eventId, events[0]!.id));
        // Exactly the recipients the log entry counted and hashed.
        expect(rows).toHaveLength(notice.recipients);
        expect(recipientListHash(rows.map((r) => r.userId))).toBe(notice.recipientListHash);
        noticesEnqueued += rows.length;
      }
      expect(noticesEnqueued).toBe(PUBLISHERS * (VOTERS + 1)); // every seat holder plus the admin (members are consulted)
      const dup = await db.execute(
        sql`select count(*)::int as n from (select event_id, recipient_user_id, kind from outbox where org_id = ${org.orgId} group by 1, 2, 3 having count(*) > 1) d`,
      );
      expect(Number((dup as unknown as { n: number }[])[0]!.n)).toBe(0);
      // Besides the publication notices, only followers' mail about the comments (a commenter follows the proposal).
      expect(await db.$count(outbox, notFollowerMail)).toBe(outboxBefore + noticesEnqueued);

      // Comments: each acknowledged one once, its parent on the same proposal, one log entry naming it.
      const commentRows = await db.select().from(comments).where(eq(comments.orgId, org.orgId));
      expect(commentRows).toHaveLength(COMMENTS);
      const commentById = new Map(commentRows.map((c) => [c.id, c]));
      for (const c of posted) {
        const row = commentById.get(c.id!)!;
        expect(row.body).toBe(c.body);
        expect(row.proposalId).toBe(c.proposalId);
        expect(row.parentId).toBe(c.parentId);
        if (c.parentId) expect(commentById.get(c.parentId)!.proposalId).toBe(c.proposalId);
      }
      expect(new Set(commentRows.map((c) => c.body)).size).toBe(COMMENTS);
      expect(commentEntries).toHaveLength(COMMENTS);
      expect(new Set(commentEntries.map((e) => e.payload.commentId))).toEqual(new Set(commentById.keys()));
      const replies = posted.filter((c) => c.parentId).length;

      console.log(
        `[publish-storm] ${PUBLISHERS} publishers (draft + publish, ${VOTERS + 1} notices each) and ${COMMENTS} comments (${replies} replies) at once (pool 20): ` +
          `${stormMs} ms (${rate(PUBLISHERS * 2 + COMMENTS, stormMs)} writes/s), retries ${stats.retries}; 0 lost, 0 duplicated; ` +
          `${noticesEnqueued} outbox rows, none twice; log ${entries.length} entries, verified`,
      );
    }, 300_000);
  },
);

// Sequential, so it runs on PGlite too: the interleaving a storm produces, replayed with explicit clocks.
describe('the recorded close seals the ballot box', () => {
  let db: Database;
  withTestDatabase({ app: false }, (handle) => (db = handle.db));

  it('a ballot whose clock reading precedes the close but which reaches the database after the close was recorded is refused', async () => {
    // In the app, `now()` is read before the transaction waits for the proposal's row lock; under
    // a storm that wait is long, and the worker can record the close (tally, roll call,
    // decision) in between. The ballot must not then be accepted behind the recorded decision.
    const org = await createStormOrg(db, { slug: 'close-race', seats: 5, voteClosesAt: VOTE_CLOSES_AT });
    const ref = { orgId: org.orgId, proposalId: org.proposalId };
    for (const v of org.voters.slice(0, 3))
      await castBallot(db, { userId: v.userId, role: 'member' }, { ...ref, choice: 'yes', rationale: null }, new Date(VOTE_CLOSES_AT.getTime() - 10_000));
    const closed = await recordTransitions(db, org.proposalId, org.orgId, VOTE_CLOSES_AT);
    expect(closed).toEqual(['stage_0_closed', 'passed']);
    const before = { votes: await db.$count(votes, eq(votes.proposalId, org.proposalId)), log: await db.$count(decisionLog, eq(decisionLog.orgId, org.orgId)) };
    const late = await attempt(
      () =>
        castBallot(
          db,
          { userId: org.voters[3]!.userId, role: 'member' },
          { ...ref, choice: 'no', rationale: 'read the clock 1 ms before the close' },
          new Date(VOTE_CLOSES_AT.getTime() - 1),
        ),
      { retries: 0 },
    );
    const [stage] = await db.select({ tally: proposalStages.tally }).from(proposalStages).where(eq(proposalStages.proposalId, org.proposalId));
    expect(late, `accepted after the recorded close, whose tally was ${JSON.stringify(stage?.tally)}`).toEqual({
      kind: 'refused',
      code: 'voting.result_recorded',
    });
    expect({
      votes: await db.$count(votes, eq(votes.proposalId, org.proposalId)),
      log: await db.$count(decisionLog, eq(decisionLog.orgId, org.orgId)),
    }).toEqual(before);
  }, 60_000);

  it('so does a recusal that reaches the database after the close was recorded: it would change a recorded tally', async () => {
    const org = await createStormOrg(db, { slug: 'close-race-recusal', seats: 5, voteClosesAt: VOTE_CLOSES_AT });
    const ref = { orgId: org.orgId, proposalId: org.proposalId };
    for (const v of org.voters.slice(0, 3))
      await castBallot(db, { userId: v.userId, role: 'member' }, { ...ref, choice: 'yes', rationale: null }, new Date(VOTE_CLOSES_AT.getTime() - 10_000));
    expect(await recordTransitions(db, org.proposalId, org.orgId, VOTE_CLOSES_AT)).toEqual(['stage_0_closed', 'passed']);
    const before = { votes: await db.$count(votes, eq(votes.isCurrent, true)), log: await db.$count(decisionLog, eq(decisionLog.orgId, org.orgId)) };
    const late = await attempt(
      () =>
        declareRecusal(
          db,
          { userId: org.voters[0]!.userId, role: 'member' },
          { ...ref, reason: 'read the clock 1 ms before the close' },
          new Date(VOTE_CLOSES_AT.getTime() - 1),
        ),
      { retries: 0 },
    );
    expect(late).toEqual({ kind: 'refused', code: 'voting.result_recorded' });
    expect({ votes: await db.$count(votes, eq(votes.isCurrent, true)), log: await db.$count(decisionLog, eq(decisionLog.orgId, org.orgId)) }).toEqual(before);
  }, 60_000);
});
