// The benchmark runner (`npm run bench`): every figure is a ratio against a baseline measured in
// the same run, on the same machine, printed as one table. See bench/RESULTS.md for a real run.
//
//   npm run build && npm run bench -- [--duration 10] [--warmup 3] [--connections 10]
//       [--members 50000] [--proposals 20000] [--log 1000000] [--verify 200000] [--votes 500]
//       [--recipients 10000] [--no-pglite] [--admin-url postgres://postgres@127.0.0.1:5432/postgres]
//       [--only votes] [--vote-cpu-prof DIR]
//
// It creates its own PostgreSQL database (and a PGlite folder), seeds them, starts `next start`
// on a free loopback port against each, drives it with autocannon, and tears everything down.
// Needs a production build (`npm run build`) and a PostgreSQL server it may create databases on.

import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { and, count, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { sessionCookieName } from '@/lib/auth/cookies';
import { freePort } from '@/scripts/support/free-port';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    members: { type: 'string', default: '50000' },
    proposals: { type: 'string', default: '20000' },
    log: { type: 'string', default: '1000000' },
    verify: { type: 'string', default: '200000' },
    votes: { type: 'string', default: '500' },
    recipients: { type: 'string', default: '10000' },
    'no-pglite': { type: 'boolean', default: false },
    // `--only votes`: just the (b) vote figures (no scale seeding, no pages); needs the build too.
    only: { type: 'string' },
    // `--vote-cpu-prof DIR`: run the (b) vote servers under --cpu-prof, profiles into DIR/<driver>.
    'vote-cpu-prof': { type: 'string' },
    'admin-url': { type: 'string', default: process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const num = (k: keyof typeof args) => Number(args[k]);
const DURATION = num('duration');
const WARMUP = num('warmup');
const CONNECTIONS = num('connections');

// The server and this process must agree on these: the seed makes signing keys the server reads.
const SECRETS = { AUTH_SECRET: 'bench-auth-secret-0123456789abcdef0123456789', LOG_SIGNING_SECRET: 'bench-log-signing-secret-0123456789abcdef0123' };
Object.assign(process.env, SECRETS);
delete process.env.DATABASE_URL;
delete process.env.PGLITE_DIR;

type Row = { figure: string; measured: string; baseline: string; ratio: string; target: string; met: string };
const table: Row[] = [];
const notes: string[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

async function startServer(
  env: Record<string, string>,
  label: string,
  nodeArgs: string[] = [],
): Promise<{ base: string; stop: () => Promise<void>; stderr: () => string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, require.resolve('next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', AUTH_URL: base, QUORATE_WORKER: '0', ...SECRETS, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  cleanups.push(stop);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${label} server exited: ${stderr}`);
    try {
      const res = await fetch(`${base}/`);
      if (res.status < 500) return { base, stop, stderr: () => stderr };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${label} server did not start: ${stderr}`);
}

type Load = { rps: number; p50: number; p99: number; errors: number; bytes: number; detail: string };

/**
 * A cookie named like the session cookie (with no valid session behind it): the page renders
 * for a signed-out visitor, but the public page cache (lib/public-cache) treats the request as
 * signed in and lets it through, so this measures a full render.
 */
const UNCACHED = { cookie: `${sessionCookieName(false)}=bench-uncached` };

async function load(url: string, headers: Record<string, string> = {}): Promise<Load> {
  const run = (duration: number) => autocannon({ url, connections: CONNECTIONS, duration, headers });
  if (WARMUP > 0) await run(WARMUP);
  const r = await run(DURATION);
  const errors = r.errors + r.timeouts + r.non2xx;
  const detail = `errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}; status codes ${JSON.stringify((r as unknown as { statusCodeStats?: unknown }).statusCodeStats ?? {})}`;
  if (errors > 0) notes.push(`${url}: ${detail}`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors, bytes: r.throughput.average / Math.max(1, r.requests.average), detail };
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (n: number) => `${fmt(n, n < 10 ? 2 : 1)} ms`;

/** Page vs a static file of the same bytes, served by the same server. */
async function pageVsStatic(base: string, label: string, pagePath: string, staticPath: string, staticBytes: number): Promise<void> {
  const page = await load(`${base}${pagePath}`);
  const file = await load(`${base}${staticPath}`);
  const rendered = await load(`${base}${pagePath}`, UNCACHED);
  const ratio = page.rps / file.rps;
  table.push({
    figure: `(a) ${label} ${pagePath} (signed out, public page cache): req/s, p50/p99`,
    measured: `${fmt(page.rps)} req/s, ${ms(page.p50)} / ${ms(page.p99)}${page.errors ? `, ${page.errors} errors` : ''}; rendered every time: ${fmt(rendered.rps)} req/s, ${ms(rendered.p50)} / ${ms(rendered.p99)}`,
    baseline: `static file of ${fmt(staticBytes / 1024)} KiB: ${fmt(file.rps)} req/s, ${ms(file.p50)} / ${ms(file.p99)}${file.errors ? `, ${file.errors} errors` : ''}`,
    ratio: `${fmt(ratio, 3)}×`,
    target: '≥ 0.7×, p99 < 50 ms',
    met: ratio >= 0.7 && page.p99 < 50 ? 'yes' : 'no',
  });
}

async function pageBytes(url: string): Promise<string> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
  return res.text();
}

/** Writes files under public/ with exactly the bytes of the given pages (before the server starts). */
function staticCopies(pages: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, html] of Object.entries(pages)) {
    const name = `bench-static-${key}-${randomBytes(4).toString('hex')}.html`;
    // Next serves what public/ holds when the server starts; the repository has no public/.
    mkdirSync(path.join(process.cwd(), 'public'), { recursive: true });
    const file = path.join(process.cwd(), 'public', name);
    writeFileSync(file, html);
    cleanups.push(() => rmSync(file, { force: true }));
    out[key] = `/${name}`;
  }
  return out;
}

async function main(): Promise<void> {
  if (!existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
    log('no production build: running `next build`');
    const b = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], { stdio: 'inherit' });
    if (b.status !== 0) throw new Error('next build failed');
  }
  const { createDatabase } = await import('@/db/client');
  const { migrateDatabase } = await import('@/db/migrate');
  const { seedDemo } = await import('@/db/seed');
  const { seedScale } = await import('@/db/seed/scale');
  const { decisionLog, outbox, votes, organizations, sessions: authSessions } = await import('@/db/schema');
  const { createStormOrg } = await import('@/scripts/support/storm-org');
  const { ActionClient, newSession } = await import('@/scripts/support/action-client');
  const { castBallot, createDraft, publishProposal } = await import('@/lib/proposals/engine');
  const { loadOrganizationOverview } = await import('@/lib/proposals/overview');
  const { countMembersByRole } = await import('@/db/queries/memberships');
  const { listRecentParticipation } = await import('@/db/queries/log-public');
  const { getLogHead, getOrgVerifierKey } = await import('@/db/queries/log');
  const { enqueueNotice } = await import('@/lib/notify/outbox');
  type Handle = ReturnType<typeof createDatabase>;

  // --- Databases ------------------------------------------------------------------------------
  const admin = postgres(args['admin-url']!, { max: 1, onnotice: () => {} });
  const [{ server_version: pgVersion }] = (await admin`show server_version`) as unknown as [{ server_version: string }];
  const dbName = `quorate_bench_${randomBytes(5).toString('hex')}`;
  await admin.unsafe(`create database ${dbName}`);
  cleanups.push(async () => {
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end({ timeout: 5 });
  });
  const dbUrl = new URL(args['admin-url']!);
  dbUrl.pathname = `/${dbName}`;
  const pgUrl = dbUrl.toString();
  const pg = createDatabase({ databaseUrl: pgUrl, max: 10 });
  cleanups.push(() => pg.close());
  await migrateDatabase(pg);
  let t = performance.now();
  const demo = await seedDemo(pg.db);
  log(`demo organization seeded in ${fmt(performance.now() - t)} ms`);
  if (args.only === 'votes') {
    await votesOnly();
    return;
  }
  const scaleOpts = { members: num('members'), proposals: num('proposals') };
  t = performance.now();
  // Same members and proposals in both, so the two log pages differ only in the log's size.
  const small = await seedScale(pg, pgUrl, { slug: 'bench-log-1k', ...scaleOpts, log: 1_000 });
  const big = await seedScale(pg, pgUrl, { slug: 'bench-log-big', ...scaleOpts, log: num('log') }, (phase, done, total) => {
    if (done === total || done % 100_000 < 2_000) log(`seed ${phase} ${fmt(done)}/${fmt(total)}`);
  });
  log(`scale organizations seeded in ${fmt((performance.now() - t) / 1000, 1)} s`);
  notes.push(
    `Seeding (PostgreSQL, COPY): ${fmt(num('log'))}-entry organization in ${fmt((big.timings.log ?? 0) / 1000, 1)} s for the log, ${fmt(Object.values(big.timings).reduce((a, b) => a + b, 0) / 1000, 1)} s in all.`,
  );

  // --- (c) Verification: the existing bench/log-verify.ts, parsed. ----------------------------
  {
    const n = num('verify');
    log(`(c) verifying ${fmt(n)} entries`);
    const r = spawnSync(process.execPath, [require.resolve('tsx/cli'), '--conditions=react-server', 'bench/log-verify.ts', String(n), '3'], {
      encoding: 'utf8',
    });
    const line = r.stdout.split('\n').find((l) => l.startsWith('node:crypto'));
    const m = line && /verifyLog best\s+(\d+) ms.*?([\d,]+) entries\/s.*?raw SHA-256 .*? best\s+(\d+) ms\s+([\d,]+) entries\/s/.exec(line);
    if (!m) throw new Error(`bench/log-verify.ts output not understood:\n${r.stdout}\n${r.stderr}`);
    const rate = Number(m[2]!.replace(/,/g, ''));
    const rawRate = Number(m[4]!.replace(/,/g, ''));
    table.push({
      figure: `(c) verifyLog, ${fmt(n)} entries (node:crypto)`,
      measured: `${fmt(rate)} entries/s (${m[1]} ms)`,
      baseline: `raw SHA-256 over the same bytes: ${fmt(rawRate)} entries/s (${m[3]} ms)`,
      ratio: `${fmt(rate / rawRate, 3)}×`,
      target: '≥ 200,000 entries/s',
      met: rate >= 200_000 ? 'yes' : 'no',
    });
    const pure = r.stdout.split('\n').find((l) => l.startsWith('pure-JS'));
    if (pure) notes.push(`Verification with the browser's pure-JS SHA-256: ${pure.replace(/\s+/g, ' ').trim()}`);
  }

  // --- (b) Votes: the server action over HTTP and its body in process, each vs a raw INSERT. -
  //
  // On a board of many seats (scripts/support/storm-org: founding charter and appointments, a
  // resolution in voting, all through the engine), so the HTTP votes stay under the ballot rate
  // limit (20 per person per minute, lib/rate-limit) without any override: votes go round the
  // seat holders. Sequential (one request or transaction in flight). Each figure is timed in
  // blocks interleaved with blocks of its raw INSERTs, so a shared machine's load swings hit both.
  async function voteBench(kind: 'postgres' | 'pglite'): Promise<void> {
    const label = kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
    const n = num('votes');
    const warm = 20;
    const block = 10;
    // At most ~15 ballots per seat holder in all (well under 20 a minute, however fast it runs).
    const seatCount = Math.max(60, Math.ceil((2 * (n + warm)) / 15));
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
    const push = (what: string, rate: number, each: number, rawRate: number, rawEach: number, checks: string, ok: boolean, rawNote = '') => {
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
        (n / engineMs) * 1000,
        engineMs / n,
        (n / rawMs) * 1000,
        rawMs / n,
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
    // Where an HTTP vote's time goes: the same POST refused by zod (HTTP, cookies, the action's
    // decoding and reply; no database), and the page's RSC render the vote's reply carries
    // (the action revalidates the organization's pages, so its answer is the page re-rendered).
    {
      const reps = 50;
      const timeEach = async (fn: (i: number) => Promise<unknown>) => {
        for (let i = 0; i < 5; i++) await fn(i);
        const t = performance.now();
        for (let i = 0; i < reps; i++) await fn(i);
        return (performance.now() - t) / reps;
      };
      const refusedMs = await timeEach(async (i) => {
        const outcome = await signedIn[i % signedIn.length]!.call('castBallotAction', pagePath, { orgId, proposalId, choice: 'maybe' });
        if (outcome.kind !== 'refused') throw new Error(`expected a zod refusal, got ${JSON.stringify(outcome).slice(0, 300)}`);
      });
      const rscMs = await timeEach(async (i) => {
        const res = await fetch(`${server.base}${pagePath}`, { headers: { Cookie: signedIn[i % signedIn.length]!.cookie, RSC: '1' } });
        if (res.status !== 200) throw new Error(`GET ${pagePath} (RSC): ${res.status}`);
        await res.arrayBuffer();
      });
      notes.push(
        `${label} HTTP vote, where the time goes (mean of ${reps}, sequential): the whole vote ${ms(httpMs / n)}; the same POST refused by zod (HTTP, session cookie, action decoding and reply, no database) ${ms(refusedMs)}; ` +
          `the proposal page's RSC render alone (GET with RSC: 1, signed in; the vote's reply carries it) ${ms(rscMs)}; the engine's castBallot ${ms(engineMs / n)}.`,
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
      if (notOk)
        notes.push(`${label} HTTP votes not acknowledged: ${outcomes.refused} refused, ${outcomes.error} errors; first: ${outcomes.other.join(' | ')}`);
      const checks = `${fmt(outcomes.ok)} acknowledged${notOk ? `, ${notOk} NOT` : ''}; lost ${lost}, unlogged ${unlogged}, duplicate current ${dup}`;
      const ok = lost === 0 && unlogged === 0 && dup === 0 && notOk === 0;
      if (kind === 'postgres')
        push(
          'server action over HTTP (`next start`, signed in, the vote form)',
          (n / httpMs) * 1000,
          httpMs / n,
          (n / rawHttpMs) * 1000,
          rawHttpMs / n,
          checks,
          ok,
        );
      // PGlite's raw INSERTs cannot run beside the server (it holds the folder): the engine run's.
      else
        push(
          'server action over HTTP (`next start`, signed in, the vote form)',
          (n / httpMs) * 1000,
          httpMs / n,
          (n / rawMs) * 1000,
          rawMs / n,
          checks,
          ok,
          ' (in process, from the engine run)',
        );
    }
    if (profDir) notes.push(`${label} vote server CPU profile: ${profDir}`);
    if (kind === 'pglite') await handle.close();
  }
  log('(b) votes on PostgreSQL');
  await voteBench('postgres');
  if (!args['no-pglite']) {
    log('(b) votes on PGlite');
    await voteBench('pglite');
  }

  // --- (e) 10k-recipient enqueue inside the publishing transaction. ---------------------------
  {
    const recipients = num('recipients');
    log(`(e) publishing to ${fmt(recipients)} members`);
    const org = await seedScale(pg, pgUrl, { slug: 'bench-notify', members: recipients, proposals: 0, log: 1 });
    const actor = { userId: org.founderId, role: 'admin' as const };
    const at = new Date();
    const draft = await createDraft(
      pg.db,
      actor,
      {
        orgId: org.orgId,
        typeKey: 'resolution',
        title: 'Notify everyone',
        body: 'A resolution every member hears about.',
        subjectUserId: null,
        effect: {},
        emergency: false,
      },
      at,
    );
    let t0 = performance.now();
    await publishProposal(pg.db, actor, { orgId: org.orgId, proposalId: draft.id }, at);
    const publishMs = performance.now() - t0;
    const [{ n: queued }] = (await pg.db.select({ n: count() }).from(outbox).where(eq(outbox.orgId, org.orgId))) as [{ n: number }];
    // The enqueue step alone (same statement publishProposal runs), in its own transaction.
    const ids = (await pg.db.execute(sql`select user_id as u from memberships where org_id = ${org.orgId}`)) as unknown as { u: string }[];
    t0 = performance.now();
    const enq = await pg.db.transaction((tx) =>
      enqueueNotice(tx, {
        orgId: org.orgId,
        key: `bench:${draft.id}`,
        kind: 'proposal_published',
        payload: { number: draft.number, title: 'x', typeName: 'x', discussionClosesAt: at.toISOString() },
        recipients: ids.map((r) => ({ userId: r.u, mandatory: false })),
        at,
      }),
    );
    const enqueueMs = performance.now() - t0;
    // Baseline: the same number of outbox-sized rows by one plain multi-row INSERT … SELECT.
    t0 = performance.now();
    await pg.db.transaction(async (tx) => {
      await tx.execute(sql`create temp table bench_outbox (like outbox including defaults) on commit drop`);
      await tx.execute(
        sql`insert into bench_outbox (org_id, recipient_user_id, kind, idempotency_key, next_attempt_at, created_at) select org_id, user_id, 'x', 'k:' || user_id, now(), now() from memberships where org_id = ${org.orgId}`,
      );
    });
    const rawMs = performance.now() - t0;
    table.push({
      figure: `(e) publishProposal to ${fmt(recipients)} members (whole transaction)`,
      measured: `${ms(publishMs)}; ${fmt(queued)} outbox rows; enqueue step alone ${ms(enqueueMs)} (${fmt(enq)} rows)`,
      baseline: `plain INSERT … SELECT of ${fmt(recipients)} rows into a copy of outbox: ${ms(rawMs)}`,
      ratio: `${fmt(enqueueMs / rawMs, 2)}× the plain insert`,
      target: '< 1 s',
      met: publishMs < 1000 && queued >= recipients ? 'yes' : 'no',
    });
  }

  // --- Page path breakdown (in process, same queries as the organization page). ---------------
  for (const [label, orgId] of [
    ['demo', demo.orgId],
    [`${fmt(num('proposals'))} proposals`, big.orgId],
  ] as const) {
    const time = async (fn: () => Promise<unknown>) => {
      await fn();
      const t1 = performance.now();
      for (let i = 0; i < 5; i++) await fn();
      return (performance.now() - t1) / 5;
    };
    const at = new Date();
    const parts = {
      overview: await time(() => loadOrganizationOverview(pg.db, orgId, null, at)),
      countMembersByRole: await time(() => countMembersByRole(pg.db, orgId)),
      participation: await time(() => listRecentParticipation(pg.db, orgId, 10)),
      logHead: await time(() => getLogHead(pg.db, orgId)),
      verifierKey: await time(() => getOrgVerifierKey(pg.db, orgId)),
    };
    notes.push(
      `Organization page data, ${label} (PostgreSQL, mean of 5, sequential): ${Object.entries(parts)
        .map(([k, v]) => `${k} ${ms(v)}`)
        .join(', ')}.`,
    );
  }

  // --- EXPLAIN ANALYZE of the log page's queries, 1k vs big. ----------------------------------
  for (const o of [small, big]) {
    for (const [label, q] of [
      [
        'newest page',
        sql`explain (analyze, buffers) select seq, at, actor_id, kind, subject, payload, entry, prev_hash, hash from decision_log where org_id = ${o.orgId} order by seq desc limit 51`,
      ],
      ['proposal refs', sql`explain (analyze) select id, number, title from proposals where org_id = ${o.orgId} and status <> 'draft' order by number desc`],
      ['log head', sql`explain (analyze) select * from log_heads where org_id = ${o.orgId}`],
    ] as const) {
      const plan = (await pg.db.execute(q)) as unknown as Record<string, string>[];
      notes.push(`EXPLAIN ANALYZE, ${o.slug}, ${label}:\n    ${plan.map((r) => Object.values(r)[0]).join('\n    ')}`);
    }
  }

  // --- (a) and (d) over HTTP against PostgreSQL. ----------------------------------------------
  const [orgSlug] = (await pg.db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, demo.orgId))).map((r) => r.slug);
  const pgEnv = { DATABASE_URL: pgUrl };
  {
    log('(a)(d) probing page sizes');
    const probe = await startServer(pgEnv, 'PostgreSQL probe');
    const pages = { org: await pageBytes(`${probe.base}/o/${orgSlug}`), log: await pageBytes(`${probe.base}/o/${orgSlug}/log`) };
    await probe.stop();
    const files = staticCopies(pages);
    const server = await startServer(pgEnv, 'PostgreSQL');
    log('(a) PostgreSQL pages vs static');
    await pageVsStatic(server.base, 'PostgreSQL', `/o/${orgSlug}`, files.org!, Buffer.byteLength(pages.org));
    await pageVsStatic(server.base, 'PostgreSQL', `/o/${orgSlug}/log`, files.log!, Buffer.byteLength(pages.log));
    log('(d) log page, 1k vs big');
    // Rendered every time: with the page cache both would be served from memory.
    const a = await load(`${server.base}/o/bench-log-1k/log`, UNCACHED);
    const b = await load(`${server.base}/o/bench-log-big/log`, UNCACHED);
    table.push({
      figure: `(d) /o/…/log with ${fmt(num('log'))} entries vs 1,000 (same ${fmt(num('proposals'))} proposals), rendered every time`,
      measured: `${fmt(b.rps, 1)} req/s, ${ms(b.p50)} / ${ms(b.p99)}${b.errors ? `, ${b.errors} errors` : ''}`,
      baseline: `1,000 entries: ${fmt(a.rps, 1)} req/s, ${ms(a.p50)} / ${ms(a.p99)}`,
      ratio: `${fmt(b.p50 / a.p50, 3)}× p50 time`,
      target: '≤ 1.3× the 1k time',
      met: b.p50 / a.p50 <= 1.3 ? 'yes' : 'no',
    });
    if (server.stderr().trim()) notes.push(`PostgreSQL server stderr: ${server.stderr().trim().slice(-2000)}`);
    await server.stop();
  }

  // --- (a) against embedded PGlite ((b) on PGlite ran above). --------------------------------
  if (!args['no-pglite']) {
    const dir = mkdtempSync(path.join(tmpdir(), 'quorate-bench-pglite-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const pgliteDir = path.join(dir, 'pglite');
    const lite = createDatabase({ pgliteDir });
    await migrateDatabase(lite);
    await seedDemo(lite.db);
    await lite.close();
    const env = { PGLITE_DIR: pgliteDir, DATA_DIR: dir };
    const probe = await startServer(env, 'PGlite probe');
    const pages = { org: await pageBytes(`${probe.base}/o/${orgSlug}`), log: await pageBytes(`${probe.base}/o/${orgSlug}/log`) };
    await probe.stop();
    const files = staticCopies({ 'lite-org': pages.org, 'lite-log': pages.log });
    const server = await startServer(env, 'PGlite');
    log('(a) PGlite pages vs static');
    await pageVsStatic(server.base, 'PGlite', `/o/${orgSlug}`, files['lite-org']!, Buffer.byteLength(pages.org));
    await pageVsStatic(server.base, 'PGlite', `/o/${orgSlug}/log`, files['lite-log']!, Buffer.byteLength(pages.log));
    if (server.stderr().trim()) notes.push(`PGlite server stderr: ${server.stderr().trim().slice(-2000)}`);
    await server.stop();
  }

  await printReport(pgVersion);

  async function votesOnly(): Promise<void> {
    log('(b) votes on PostgreSQL');
    await voteBench('postgres');
    if (!args['no-pglite']) {
      log('(b) votes on PGlite');
      await voteBench('pglite');
    }
    await printReport(pgVersion);
  }
}

async function printReport(pgVersion: string): Promise<void> {
  // --- Report ---------------------------------------------------------------------------------
  const os = await import('node:os');
  console.log(`\nQuorate benchmarks — ${new Date().toISOString()}`);
  console.log(`machine: ${os.availableParallelism()} cores, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB, node ${process.version}, PostgreSQL ${pgVersion}`);
  console.log(`autocannon: ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s, loopback; client and server share the machine\n`);
  const cols: (keyof Row)[] = ['figure', 'measured', 'baseline', 'ratio', 'target', 'met'];
  console.log(`| ${cols.join(' | ')} |`);
  console.log(`| ${cols.map(() => '---').join(' | ')} |`);
  for (const r of table) console.log(`| ${cols.map((c) => r[c]).join(' | ')} |`);
  console.log('');
  for (const n of notes) console.log(`- ${n}`);
}

async function teardown(): Promise<void> {
  for (const c of cleanups.reverse()) {
    try {
      await c();
    } catch (error) {
      log(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

main()
  .then(teardown)
  .catch(async (error: unknown) => {
    console.error('[bench] failed:', error);
    await teardown();
    process.exit(1);
  });
