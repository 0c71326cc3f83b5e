// Votes: the server action over HTTP and its body in process, each vs a raw INSERT.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import { args, cleanups, fmt, log, ms, notes, num, startServer, table } from './common';
import type { BenchDatabase } from './common';

// --- (b) Votes: the server action over HTTP and its body in process, each vs a raw INSERT. -
//
// On a board of many seats (scripts/support/storm-org: founding charter and appointments, a
// resolution in voting, all through the engine), so the HTTP votes stay under the ballot rate
// limit (20 per person per minute, lib/rate-limit) without any override: votes go round the
// seat holders. Sequential (one request or transaction in flight). Each figure is timed in
// blocks interleaved with blocks of its raw INSERTs, so a shared machine's load swings hit both.
export async function voteBench(kind: 'postgres' | 'pglite', { pg, pgUrl }: BenchDatabase): Promise<void> {
  const { createDatabase } = await import('@/db/client');
  const { migrateDatabase } = await import('@/db/migrate');
  const { decisionLog, votes, sessions: authSessions } = await import('@/db/schema');
  const { createStormOrg } = await import('@/scripts/support/storm-org');
  const { ActionClient, newSession } = await import('@/scripts/support/action-client');
  const { castBallot } = await import('@/lib/use-cases/ballots');
  type Handle = ReturnType<typeof createDatabase>;
  const label = kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  const n = num('votes');
  const warm = 20;
  const block = 10;
  // At most ~15 ballots per seat holder in all (well under 20 a minute, however fast it runs): the
  // HTTP votes run twice (against raw INSERTs, then against the action floor).
  const seatCount = Math.max(60, Math.ceil((3 * (n + warm)) / 15));
  let handle: Handle;
  let serverEnv: Record<string, string>;
  if (kind === 'postgres') {
    handle = pg;
    serverEnv = { DATABASE_URL: pgUrl };
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'quorate-bench-votes-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const pgliteDir = path.join(dir, 'pglite');
    handle = createDatabase({ pgliteDir });
    await migrateDatabase(handle);
    serverEnv = { PGLITE_DIR: pgliteDir, DATA_DIR: dir };
  }
  const t0 = performance.now();
  const org = await createStormOrg(handle.db, {
    slug: `bench-votes-${kind}`,
    seats: seatCount,
    voteClosesAt: new Date(Date.now() + 86_400_000),
    concurrency: kind === 'postgres' ? 4 : 1,
  });
  log(`(b) ${label}: ${seatCount}-seat board ready in ${fmt((performance.now() - t0) / 1000, 1)} s`);
  const { orgId, proposalId } = org;
  const voter = (i: number) => org.voters[i % org.voters.length]!;
  const choices = ['yes', 'no', 'abstain'] as const;
  const engineVote = (i: number, tag: string) =>
    castBallot(handle.db, { userId: voter(i).userId, role: 'member' }, { orgId, proposalId, choice: choices[i % 3]!, rationale: `${tag} ${i}` }, new Date());
  // The same row a vote writes, not current, so it never meets the one-current-ballot index.
  const rawInsert = (i: number) =>
    handle.db.insert(votes).values({
      proposalId,
      stageIndex: 0,
      seatId: voter(i).seatId,
      voterUserId: voter(i).userId,
      choice: choices[i % 3]!,
      rationale: `raw ${i}`,
      castAt: new Date(),
      isCurrent: false,
    });
  /** Times `a` and `b` over n calls each, in interleaved blocks; returns total ms of each. */
  async function interleaved(a: (i: number) => Promise<unknown>, b: ((i: number) => Promise<unknown>) | null): Promise<[number, number]> {
    for (let i = 0; i < warm; i++) {
      await a(i);
      if (b) await b(i);
    }
    let aMs = 0;
    let bMs = 0;
    for (let start = 0; start < n; start += block) {
      const end = Math.min(n, start + block);
      let t = performance.now();
      for (let i = start; i < end; i++) await a(warm + i);
      aMs += performance.now() - t;
      if (!b) continue;
      t = performance.now();
      for (let i = start; i < end; i++) await b(warm + i);
      bMs += performance.now() - t;
    }
    return [aMs, bMs];
  }
  type Counts = { votes: number; logged: number; raw: number };
  const counts = async (): Promise<Counts> => {
    const [v] = await handle.db
      .select({ n: count() })
      .from(votes)
      .where(and(eq(votes.proposalId, proposalId), sql`${votes.rationale} not like 'raw %'`));
    const [r] = await handle.db
      .select({ n: count() })
      .from(votes)
      .where(and(eq(votes.proposalId, proposalId), sql`${votes.rationale} like 'raw %'`));
    const [l] = await handle.db
      .select({ n: count() })
      .from(decisionLog)
      .where(and(eq(decisionLog.orgId, orgId), eq(decisionLog.kind, 'ballot.cast'), eq(decisionLog.subject, `proposal:${proposalId}`)));
    return { votes: v!.n, logged: l!.n, raw: r!.n };
  };
  const duplicateCurrent = async () => {
    const rows = await handle.db.execute(
      sql`select count(*)::int as n, count(distinct (stage_index, seat_id))::int as seats from votes where proposal_id = ${proposalId} and is_current`,
    );
    const cur = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows)[0] as { n: number; seats: number };
    return cur.n - cur.seats;
  };
  /** A row from the time `n` votes took and the time as many raw INSERTs took. */
  const push = (what: string, tookMs: number, rawTookMs: number, checks: string, ok: boolean, rawNote = '') => {
    const [rate, each, rawRate, rawEach] = [(n / tookMs) * 1000, tookMs / n, (n / rawTookMs) * 1000, rawTookMs / n];
    table.push({
      figure: `(b) ${label} vote: ${what}, ${fmt(n)} sequential`,
      measured: `${fmt(rate)} votes/s (${ms(each)} each); ${checks}`,
      baseline: `raw INSERT of the same row${rawNote}: ${fmt(rawRate)}/s (${ms(rawEach)} each)`,
      ratio: `${fmt(rate / rawRate, 3)}×`,
      target: '≥ 0.3×, none lost',
      met: rate / rawRate >= 0.3 && ok ? 'yes' : ok ? 'no' : 'NO (lost/duplicated)',
    });
  };

  // Engine: castBallot in process, the action's body without HTTP, session, zod and rendering.
  let before = await counts();
  const [engineMs, rawMs] = await interleaved((i) => engineVote(i, 'engine'), rawInsert);
  let after = await counts();
  {
    const lost = n + warm - (after.votes - before.votes);
    const unlogged = n + warm - (after.logged - before.logged);
    const rawLost = n + warm - (after.raw - before.raw);
    const dup = await duplicateCurrent();
    push(
      'engine castBallot (the action minus HTTP)',
      engineMs,
      rawMs,
      `lost ${lost}, unlogged ${unlogged}, duplicate current ${dup}`,
      lost === 0 && unlogged === 0 && rawLost === 0 && dup === 0,
    );
  }

  // HTTP: the vote form posted to `next start` as the browser's JavaScript posts it
  // (scripts/support/action-client: session row + cookie, the build's action id).
  const sessions = org.voters.map((v) => newSession(v.userId));
  await handle.db.insert(authSessions).values(sessions);
  // PGlite is one process's: the server opens the folder, so the bench lets go of it meanwhile.
  if (kind === 'pglite') await handle.close();
  const profDir = args['vote-cpu-prof'] ? path.resolve(args['vote-cpu-prof'], kind) : null;
  const server = await startServer(serverEnv, `${label} votes`, profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []);
  const client = new ActionClient({ baseUrl: server.base });
  const signedIn = sessions.map((row) => client.withSession(row.sessionToken));
  const pagePath = `/o/${org.slug}/proposals/${org.proposalNumber}`;
  const outcomes = { ok: 0, refused: 0, error: 0, other: [] as string[] };
  const httpVote = async (i: number) => {
    const outcome = await signedIn[i % signedIn.length]!.call('castBallotAction', pagePath, {
      orgId,
      proposalId,
      choice: choices[i % 3]!,
      rationale: `http ${i}`,
    });
    if (outcome.kind === 'ok') outcomes.ok++;
    else {
      if (outcome.kind === 'refused') outcomes.refused++;
      else outcomes.error++;
      if (outcomes.other.length < 3) outcomes.other.push(JSON.stringify(outcome).slice(0, 300));
    }
  };
  if (kind === 'pglite') before = { ...after };
  else before = await counts();
  const [httpMs, rawHttpMs] = await interleaved(httpVote, kind === 'postgres' ? rawInsert : null);
  // The action floor: the same action's POST refused by zod before any database work (HTTP,
  // session cookie, the action's decoding and reply).
  const floorPost = async (i: number) => {
    const outcome = await signedIn[i % signedIn.length]!.call('castBallotAction', pagePath, { orgId, proposalId, choice: 'maybe' });
    if (outcome.kind !== 'refused') throw new Error(`expected a zod refusal, got ${JSON.stringify(outcome).slice(0, 300)}`);
  };
  // The target of the vote's reply: at most 2× the action floor, timed in blocks interleaved with the vote's.
  {
    const [voteMs, floorMs] = await interleaved(httpVote, floorPost);
    const ratio = voteMs / floorMs;
    table.push({
      figure: `(b) ${label} vote through the form vs the action floor, ${fmt(n)} sequential`,
      measured: `${ms(voteMs / n)} each (the reply: the ballot recorded, no page re-rendered)`,
      baseline: `the same POST refused by zod, no database: ${ms(floorMs / n)} each`,
      ratio: `${fmt(ratio, 2)}×`,
      target: '≤ 2×',
      met: ratio <= 2 ? 'yes' : 'no',
    });
  }
  // Where an HTTP vote's time goes: the same POST refused by zod (HTTP, cookies, the action's
  // decoding and reply; no database), and the proposal page's RSC render (which the vote's
  // reply carried until it answered with the ballot alone).
  {
    const reps = 50;
    const timeEach = async (fn: (i: number) => Promise<unknown>) => {
      for (let i = 0; i < 5; i++) await fn(i);
      const t = performance.now();
      for (let i = 0; i < reps; i++) await fn(i);
      return (performance.now() - t) / reps;
    };
    const refusedMs = await timeEach(floorPost);
    const rscMs = await timeEach(async (i) => {
      const res = await fetch(`${server.base}${pagePath}`, { headers: { Cookie: signedIn[i % signedIn.length]!.cookie, RSC: '1' } });
      if (res.status !== 200) throw new Error(`GET ${pagePath} (RSC): ${res.status}`);
      await res.arrayBuffer();
    });
    notes.push(
      `${label} HTTP vote, where the time goes (mean of ${reps}, sequential): the whole vote ${ms(httpMs / n)}; the same POST refused by zod (HTTP, session cookie, action decoding and reply, no database) ${ms(refusedMs)}; ` +
        `the proposal page's RSC render alone (GET with RSC: 1, signed in; no longer in the vote's reply) ${ms(rscMs)}; the engine's castBallot ${ms(engineMs / n)}.`,
    );
  }
  if (server.stderr().trim()) notes.push(`${label} vote server stderr: ${server.stderr().trim().slice(-2000)}`);
  await server.stop();
  if (kind === 'pglite') handle = createDatabase({ pgliteDir: serverEnv.PGLITE_DIR! });
  after = await counts();
  {
    // Lost: acknowledged but not stored; unlogged: stored without its ballot.cast entry.
    const stored = after.votes - before.votes;
    const lost = outcomes.ok - stored;
    const unlogged = stored - (after.logged - before.logged);
    const dup = await duplicateCurrent();
    const notOk = outcomes.refused + outcomes.error;
    if (notOk) notes.push(`${label} HTTP votes not acknowledged: ${outcomes.refused} refused, ${outcomes.error} errors; first: ${outcomes.other.join(' | ')}`);
    const checks = `${fmt(outcomes.ok)} acknowledged${notOk ? `, ${notOk} NOT` : ''}; lost ${lost}, unlogged ${unlogged}, duplicate current ${dup}`;
    const ok = lost === 0 && unlogged === 0 && dup === 0 && notOk === 0;
    // PGlite's raw INSERTs cannot run beside the server (it holds the folder): the engine run's.
    const [baseMs, baseNote] = kind === 'postgres' ? [rawHttpMs, ''] : [rawMs, ' (in process, from the engine run)'];
    push('server action over HTTP (`next start`, signed in, the vote form)', httpMs, baseMs, checks, ok, baseNote);
  }
  if (profDir) notes.push(`${label} vote server CPU profile: ${profDir}`);
  if (kind === 'pglite') await handle.close();
}
