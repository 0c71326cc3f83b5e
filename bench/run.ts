// The benchmark runner (`npm run bench`): every figure is a ratio against a baseline measured in
// the same run, on the same machine, printed as one table. See bench/RESULTS.md for a real run.
//
//   npm run build && npm run bench -- [--duration 10] [--warmup 3] [--connections 10]
//       [--members 50000] [--proposals 20000] [--log 1000000] [--verify 200000] [--votes 500]
//       [--recipients 10000] [--no-pglite] [--admin-url postgres://postgres@127.0.0.1:5432/postgres]
//       [--only votes|api-votes|methods|members|member-page|signed-in|page-views|petitions|large-org] [--views N] [--signatures N] [--decided N] [--ballots N] [--vote-cpu-prof DIR]
//   npm run bench -- --scale-out [--short] [--voters N] [--connections N] [--pgbouncer]
//
// It creates its own PostgreSQL database (and a PGlite folder), seeds them, starts `next start`
// on a free loopback port against each, drives it with autocannon, and tears everything down.
// Needs a production build (`npm run build`) and a PostgreSQL server it may create databases on,
// except `npm run bench -- --only methods`: just the vote-counting figures (bench/methods.ts),
// in this process, with no build, server or database; `--only members`: just the member-wide vote
// figures (bench/members.ts: opening, delegations and the close at --members, default 100,000),
// on PostgreSQL, with no build or server; `--only member-page`: just the proposal page of a
// member-wide vote at --members (default 100,000) against a 100-member one (bench/member-page.ts),
// in process and over HTTP (needs the build); `--only api-votes`: just the (j) API vote against the engine
// (bench/api-votes.ts, PostgreSQL; needs the build); `--only signed-in`: the organization overview and the
// proposal page in voting signed in as a seat holder, against the sign-in page (bench/signed-in.ts);
// `--only petitions`: a petition with --signatures (default 100,000) signatures, its data and its public pages (bench/petitions.ts).
// `--only page-views [--views N]`: a signed-in page view in Chromium, the server's CPU per view against /signin's (bench/page-views.ts; needs the build).
// `--only large-org [--decided N]`: the loaders of the overview, members, proposals and seats pages of a
// --members/--proposals/--log organization, signed in as a member, against the demo's (bench/large-org.ts).
// `--scale-out`: the scale-out drill (bench/scale-out.ts:
// three instances, two workers and HAProxy on one database, kill -9 mid-storm; exits 1 when a check
// fails); needs the build and /usr/sbin/haproxy; `--pgbouncer` puts the instances and workers behind a
// private PgBouncer in transaction mode (needs /usr/sbin/pgbouncer). .ci/run runs `--voters 60 --pgbouncer`.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { randomBytes } from 'node:crypto';
import { apiVoteBench } from './api-votes';
import { args, cleanups, fmt, log, notes, num, printReport, table, teardown } from './common';
import type { BenchDatabase } from './common';
import { largeOrgBench } from './large-org';
import { memberPageBench } from './member-page';
import { membersBench } from './members';
import { methodRows, methodsBench } from './methods';
import { notifyBench } from './notify';
import { pageBench } from './pages';
import { pageViewBench } from './page-views';
import { scaleOutBench } from './scale-out';
import { petitionBench } from './petitions';
import { signedInBench } from './signed-in';
import { verifyBench } from './verify-rate';
import { voteBench } from './votes';

async function main(): Promise<void> {
  if (args['scale-out']) {
    const passed = await scaleOutBench();
    await printReport(null);
    if (!passed) {
      console.error('[bench] scale-out: a check failed (see the table)');
      process.exitCode = 1;
    }
    return;
  }
  if (
    args.only !== undefined &&
    !['votes', 'api-votes', 'methods', 'members', 'member-page', 'signed-in', 'page-views', 'petitions', 'large-org'].includes(args.only)
  )
    throw new Error(`--only takes votes, api-votes, methods, members, member-page, signed-in, page-views, petitions or large-org, not "${args.only}"`);
  if (args.only === 'methods') {
    countingBench();
    await printReport(null);
    return;
  }
  if (args.only !== 'members' && args.only !== 'large-org' && !existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
    log('no production build: running `next build`');
    const b = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], { stdio: 'inherit' });
    if (b.status !== 0) throw new Error('next build failed');
  }
  const { createDatabase } = await import('@/db/client');
  const { migrateDatabase } = await import('@/db/migrate');
  const { seedDemo } = await import('@/db/seed');
  const { seedScale } = await import('@/db/seed/scale');
  const { createPostgresDatabase, dropPostgresDatabase } = await import('@/db/databases');

  // --- Databases ------------------------------------------------------------------------------
  const admin = postgres(args['admin-url']!, { max: 1, onnotice: () => {} });
  const [{ server_version: pgVersion }] = (await admin`show server_version`) as unknown as [{ server_version: string }];
  const prefix = args['db-prefix']!;
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(prefix)) throw new Error(`--db-prefix takes lower-case letters, digits and _, not "${prefix}"`);
  const dbName = `${prefix}${randomBytes(5).toString('hex')}`;
  await admin.end({ timeout: 5 });
  const pgUrl = await createPostgresDatabase(args['admin-url']!, dbName);
  cleanups.push(() => dropPostgresDatabase(args['admin-url']!, dbName));
  const pg = createDatabase({ databaseUrl: pgUrl, max: 10 });
  cleanups.push(() => pg.close());
  await migrateDatabase(pg);
  const db: BenchDatabase = { pg, pgUrl };
  if (args.only === 'members') {
    await membersBench(db);
    await printReport(pgVersion);
    return;
  }
  if (args.only === 'member-page') {
    await memberPageBench(db);
    await printReport(pgVersion);
    return;
  }
  if (args.only === 'api-votes') {
    await apiVoteBench(db);
    await printReport(pgVersion);
    return;
  }
  let t = performance.now();
  const demo = await seedDemo(pg.db);
  log(`demo organization seeded in ${fmt(performance.now() - t)} ms`);
  if (args.only === 'petitions') {
    await petitionBench(db, demo);
    await printReport(pgVersion);
    return;
  }
  if (args.only === 'signed-in') {
    await signedInBench(db, demo);
    await printReport(pgVersion);
    return;
  }
  if (args.only === 'page-views') {
    await pageViewBench(db, demo);
    await printReport(pgVersion);
    return;
  }
  if (args.only === 'large-org') {
    await largeOrgBench(db, demo);
    await printReport(pgVersion);
    return;
  }
  if (args.only === 'votes') {
    await votesOnBothDatabases();
    await printReport(pgVersion);
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

  verifyBench();
  countingBench();
  await votesOnBothDatabases();
  log('(j) API votes on PostgreSQL');
  await apiVoteBench(db);
  await notifyBench(db);
  await pageBench(db, demo, small, big);
  await signedInBench(db, demo);
  await petitionBench(db, demo);

  await printReport(pgVersion);

  /** Votes on PostgreSQL, then (unless --no-pglite) on PGlite. */
  async function votesOnBothDatabases(): Promise<void> {
    log('(b) votes on PostgreSQL');
    await voteBench('postgres', db);
    if (!args['no-pglite']) {
      log('(b) votes on PGlite');
      await voteBench('pglite', db);
    }
  }
}

/** The (f) rows: vote methods counting ranked ballots, in this process. */
function countingBench(): void {
  table.push(...methodRows(methodsBench(log)));
}

main()
  .then(teardown)
  .catch(async (error: unknown) => {
    console.error('[bench] failed:', error);
    await teardown();
    process.exit(1);
  });
