// The scripted scale-out run: `npm run bench -- --scale-out [--short] [--voters N] [--connections N]`.
//
// One fresh PostgreSQL database, migrated and seeded once; three `next start` instances (3196-3198,
// QUORATE_WORKER=0, QUORATE_SKIP_MIGRATE=1), two `npm run worker` processes and HAProxy on 8480
// (bench/scale-out-cluster.ts). Two storms of the same shape (bench/scale-out-storm.ts): the
// baseline against one instance with nothing killed, then the same through HAProxy while one
// instance and one worker are killed with SIGKILL at 40 %. Then the checks: every acknowledged
// write stored once with its log entry, nothing half-written, every notice mailed (twice only if it
// was in flight at the kill), the log verifies (scripts/verify.ts), and every surviving instance
// shows a new log head to signed-out visitors within the public-cache recheck interval. With
// `--pgbouncer` the instances and workers go through PgBouncer in transaction mode
// (bench/scale-out-pooler.ts). Needs /usr/sbin/haproxy (and /usr/sbin/pgbouncer) and a PostgreSQL
// server it may create databases on; .ci/run runs a short one (`--voters 60 --pgbouncer`).

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { args, cleanups, CONNECTIONS, fmt, log, ms, notes, table } from './common';
import { APP_PORTS, BALANCER, startCluster } from './scale-out-cluster';
import { startPooler } from './scale-out-pooler';
import { checkWrites, percentile, runStorm, shownLogSize, stormTasks, watchMail } from './scale-out-storm';
import type { StormResult, StormTarget, WriteCheck } from './scale-out-storm';

const RECHECK_MS = 500;
const LEASE_MS = 5_000;
const KILL_AT = 0.4;

/** Runs the whole drill; resolves with whether every check passed (the table and notes are filled). */
export async function scaleOutBench(): Promise<boolean> {
  const voters = Number(args.voters ?? (args.short ? 100 : 500));
  const lanes = CONNECTIONS;
  log(
    `scale-out: ${voters} voters, ${lanes} concurrent; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (!existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
    log('no production build: running `nice npm run build`');
    if (spawnSync('nice', ['npm', 'run', 'build'], { stdio: 'inherit' }).status !== 0) throw new Error('next build failed');
  }
  const { createDatabase } = await import('@/db/client');
  const { migrateDatabase } = await import('@/db/migrate');
  const { sessions: sessionsTable } = await import('@/db/schema');
  const { createStormDrafts, createStormOrg } = await import('@/scripts/support/storm-org');
  const { publishProposal } = await import('@/lib/use-cases/publish');
  const { newSession } = await import('@/scripts/support/action-client');

  // --- The database, migrated and seeded once -----------------------------------------------
  const admin = postgres(args['admin-url']!, { max: 1, onnotice: () => {} });
  const dbName = `quorate_scaleout_${randomBytes(5).toString('hex')}`;
  await admin.unsafe(`create database ${dbName}`);
  cleanups.push(async () => {
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end({ timeout: 5 });
  });
  const dbUrl = new URL(args['admin-url']!);
  dbUrl.pathname = `/${dbName}`;
  const pgUrl = dbUrl.toString();
  const handle = createDatabase({ databaseUrl: pgUrl, max: 8 });
  cleanups.push(() => handle.close());
  const q = postgres(pgUrl, { max: 4, onnotice: () => {} });
  cleanups.push(() => q.end({ timeout: 5 }));
  await migrateDatabase(handle);
  const seed = async (slug: string): Promise<StormTarget> => {
    const t0 = performance.now();
    const org = await createStormOrg(handle.db, { slug, seats: voters, voteClosesAt: new Date(Date.now() + 86_400_000), concurrency: 4 });
    const drafts = await createStormDrafts(handle.db, org, 4, new Date());
    // The first is published now (its comment window takes the storm's comments); the rest during the storm.
    await publishProposal(handle.db, { userId: drafts[0]!.authorId, role: 'member' }, { orgId: org.orgId, proposalId: drafts[0]!.id }, new Date());
    const sessions = org.voters.map((v) => newSession(v.userId));
    await handle.db.insert(sessionsTable).values(sessions);
    const index = new Map(org.voters.map((v, i) => [v.userId, i]));
    log(`${slug}: ${voters}-seat board, vote open, 4 drafts, ${voters} sessions in ${fmt((performance.now() - t0) / 1000, 1)} s`);
    return {
      slug,
      orgId: org.orgId,
      vote: { id: org.proposalId, number: org.proposalNumber },
      discussion: { id: drafts[0]!.id, number: drafts[0]!.number },
      drafts: drafts.slice(1).map((d) => ({ id: d.id, number: d.number, author: index.get(d.authorId)! })),
      sessions,
    };
  };
  const base = await seed('scale-base');
  const main = await seed('scale-out');

  // --- The processes ------------------------------------------------------------------------
  const dir = mkdtempSync(path.join(tmpdir(), 'quorate-scale-out-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const mailDir = path.join(dir, 'mail');
  spawnSync('mkdir', ['-p', mailDir]);
  const mail = watchMail(mailDir);
  cleanups.push(mail.close);
  // With --pgbouncer the instances and workers go through the pooler; the seed and the checks do not.
  const pooler = args.pgbouncer ? await startPooler(pgUrl, dir) : null;
  if (pooler) log(`instances and workers through PgBouncer in transaction mode: ${pooler.url.replace(/\/\/[^@]*@/, '//')}`);
  const cluster = await startCluster({ databaseUrl: pooler?.url ?? pgUrl, mailDir, recheckMs: RECHECK_MS }, dir, LEASE_MS);

  // --- Baseline: the same storm against one instance, nothing killed -------------------------
  const single = `http://127.0.0.1:${APP_PORTS[0]}`;
  log(`baseline storm against ${single}`);
  const baseRun = await runStorm(single, base, stormTasks(base, voters, KILL_AT, 'base'), lanes);
  log(`baseline: ${baseRun.acked.vote.size} votes acknowledged in ${fmt(baseRun.wallMs / 1000, 1)} s`);

  // --- The storm through HAProxy, one instance and one worker killed at 40 % ------------------
  const victim = cluster.instances[1]!;
  const deadWorker = cluster.workers[0]!;
  let killedAt = 0;
  let inFlightAtKill = new Set<string>();
  let workerKilledAt = new Date();
  let killing: Promise<void> | null = null;
  // Signed-out visitors on every instance meanwhile: each instance's public page cache stays warm.
  let probing = true;
  const probes = (async () => {
    while (probing) {
      await Promise.all(
        APP_PORTS.map((port, i) => (cluster.instances[i]!.alive() ? shownLogSize(`http://127.0.0.1:${port}`, main.slug).catch(() => null) : null)),
      );
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  log(`storm through ${BALANCER}`);
  const tasks = stormTasks(main, voters, KILL_AT, 'storm');
  const run = await runStorm(BALANCER, main, tasks, lanes, (done, total) => {
    if (killing || done < KILL_AT * total) return;
    killedAt = performance.now();
    victim.kill9();
    log(`killed ${victim.name} after ${done}/${total} requests`);
    killing = (async () => {
      // The worker dies while mail is leased out (the publication just before the kill gave notice to every seat holder).
      const until = performance.now() + 15_000;
      while (performance.now() < until) {
        const [leased] = await q<{ n: number }[]>`select count(*)::int as n from outbox where status = 'pending' and lease_until > now()`;
        if (leased!.n > 0) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      deadWorker.kill9();
      workerKilledAt = new Date();
      // What the outbox had leased out at that moment: only these may be mailed twice.
      const rows = await q<{ id: string }[]>`select id from outbox where status = 'pending' and lease_until > now()`;
      inFlightAtKill = new Set(rows.map((r) => r.id));
      log(`killed ${deadWorker.name} after ${fmt((performance.now() - killedAt) / 1000, 2)} s; ${inFlightAtKill.size} mails leased out then`);
    })();
  });
  await killing;
  probing = false;
  await probes;
  log(`storm: ${run.acked.vote.size} votes acknowledged in ${fmt(run.wallMs / 1000, 1)} s`);
  let ok = killedAt > 0;
  if (!ok) notes.push('The kill never happened: the storm ended first.');

  // --- Convergence: a new write, then every surviving instance's signed-out log page ----------
  const survivors = APP_PORTS.filter((_, i) => cluster.instances[i]!.alive()).map((p) => `http://127.0.0.1:${p}`);
  for (const s of survivors) await shownLogSize(s, main.slug); // each has the old head cached
  const last = `${main.slug} convergence comment`;
  const lastRun = await runStorm(
    BALANCER,
    main,
    [
      {
        kind: 'comment',
        voter: 1,
        pagePath: `/o/${main.slug}/proposals/${main.discussion.number}`,
        action: 'postCommentAction',
        fields: { orgId: main.orgId, proposalId: main.discussion.id, body: last, stance: 'none' },
        key: last,
      },
    ],
    1,
  );
  if (!lastRun.acked.comment.has(last)) throw new Error(`the convergence comment was not acknowledged: ${lastRun.notAcked.firsts.join(' | ')}`);
  run.acked.comment.add(last);
  const wrote = performance.now();
  const [head] = await q<{ size: number }[]>`select size::int as size from log_heads where org_id = ${main.orgId}`;
  const headSize = head!.size;
  const converged = await Promise.all(
    survivors.map(async (s) => {
      while (performance.now() - wrote < 30_000) {
        if ((await shownLogSize(s, main.slug)) === headSize) return performance.now() - wrote;
        await new Promise((r) => setTimeout(r, 25));
      }
      return Infinity;
    }),
  );
  const convergeMs = Math.max(...converged);

  // --- Mail: drain, then every sent row's file, duplicates only among those in flight at the kill
  const drainStart = performance.now();
  let pending = -1;
  while (performance.now() - drainStart < 90_000) {
    const [row] = await q<{ n: number }[]>`select count(*)::int as n from outbox where status = 'pending'`;
    pending = row!.n;
    if (pending === 0) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  await new Promise((r) => setTimeout(r, 500)); // the watcher's last events
  mail.close();
  const drainMs = performance.now() - drainStart;
  const outbox = await q<{ id: string; status: string }[]>`select id, status::text as status from outbox`;
  const files = new Set(
    readdirSync(mailDir)
      .filter((f) => f.endsWith('.eml') && !f.startsWith('.'))
      .map((f) => f.slice(0, -4).slice(-36)),
  );
  const sent = outbox.filter((r) => r.status === 'sent');
  const dead = outbox.filter((r) => r.status === 'dead').length;
  const unsentFiles = sent.filter((r) => !files.has(r.id)).length;
  const dupIds = [...mail.writes].filter(([, n]) => n > 1).map(([id]) => id);
  const strayDup = dupIds.filter((id) => !inFlightAtKill.has(id)).length;
  const unwatched = sent.filter((r) => !mail.writes.has(r.id)).length;
  // Leased at the kill and sent only once the lease had run out: the dead worker's, taken over by the survivor.
  const [takenOver] = await q<{ n: number }[]>`
    select count(*)::int as n from outbox where id = any(${[...inFlightAtKill]}::uuid[]) and sent_at >= ${new Date(workerKilledAt.getTime() + LEASE_MS - 1000)}`;
  const mailOk = pending === 0 && dead === 0 && unsentFiles === 0 && strayDup === 0;

  // --- The log verifies, from its public export through the balancer ---------------------------
  const verified = [base, main].map((t) => {
    const v = spawnSync(process.execPath, ['--import', 'tsx', path.join('scripts', 'verify.ts'), `${BALANCER}/o/${t.slug}`, '--no-state'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (v.status !== 0) notes.push(`npm run verify ${t.slug} exited ${v.status}: ${(v.stdout + v.stderr).slice(-1500)}`);
    return v.status === 0;
  });

  // --- Writes ----------------------------------------------------------------------------------
  const baseCheck = await checkWrites(q, base, baseRun, voters);
  const mainCheck = await checkWrites(q, main, run, voters);

  // --- The table -------------------------------------------------------------------------------
  const rate = (r: StormResult) => (r.acked.vote.size / r.wallMs) * 1000;
  const lat = (r: StormResult) => {
    const s = [...r.voteLatencies].sort((a, b) => a - b);
    return `p50 ${ms(percentile(s, 50))} / p99 ${ms(percentile(s, 99))}`;
  };
  const acks = (r: StormResult) =>
    `${fmt(r.acked.vote.size)} votes, ${r.acked.comment.size} comments, ${r.acked.publish.size} publications acknowledged; not: ${r.notAcked.refused} refused, ${r.notAcked.error} 5xx, ${r.notAcked.transport} dropped`;
  const checkText = (c: WriteCheck) =>
    `lost ${c.lost}, duplicates ${c.duplicates}, half-written ${c.halfWritten}; stored without acknowledgement ${c.unacknowledgedStored}`;
  const writesOk = (c: WriteCheck) => c.lost === 0 && c.duplicates === 0 && c.halfWritten === 0;
  const baseClean = baseRun.notAcked.refused + baseRun.notAcked.error + baseRun.notAcked.transport === 0;
  const title = `${pooler ? 'through PgBouncer, ' : ''}${fmt(voters)} voters, ${lanes} at a time, + ${base.drafts.length} publications and ${Math.floor(voters / 10)} comments`;
  table.push({
    figure: `(s) votes/s through HAProxy (3 instances, 2 workers; one of each kill -9'd at ${KILL_AT * 100} %), ${title}`,
    measured: `${fmt(rate(run), 1)} votes/s, ${lat(run)}; ${acks(run)}`,
    baseline: `one instance, nothing killed: ${fmt(rate(baseRun), 1)} votes/s, ${lat(baseRun)}; ${acks(baseRun)}`,
    ratio: `${fmt(rate(run) / rate(baseRun), 2)}×`,
    target: 'none lost (throughput: 2 cores for 3 instances, 2 workers, HAProxy, PostgreSQL and the client)',
    met: writesOk(mainCheck) && baseClean ? 'yes' : 'NO',
  });
  table.push({
    figure: '(s) acknowledged writes stored exactly once, each with its log entry and notice rows',
    measured: checkText(mainCheck),
    baseline: checkText(baseCheck),
    ratio: '—',
    target: 'lost 0, duplicates 0, half-written 0',
    met: writesOk(mainCheck) && writesOk(baseCheck) ? 'yes' : 'NO',
  });
  table.push({
    figure: '(s) notices mailed (file transport; rename events per outbox row)',
    measured: `${fmt(sent.length)} sent, ${dead} dead, ${pending} still pending after ${fmt(drainMs / 1000, 1)} s; sent without a file ${unsentFiles}; mailed twice ${dupIds.length} (${strayDup} of them not in flight at the kill)`,
    baseline: `${inFlightAtKill.size} leased out at the kill (lease ${LEASE_MS / 1000} s), ${takenOver!.n} of them sent after their lease ran out`,
    ratio: '—',
    target: 'all sent; twice only if in flight at the kill',
    met: mailOk ? 'yes' : 'NO',
  });
  table.push({
    figure: '(s) signed-out log page on every surviving instance shows the new head after a write',
    measured: `${converged.map((c, i) => `${survivors[i]!.slice(-4)}: ${Number.isFinite(c) ? ms(c) : 'never'}`).join(', ')}`,
    baseline: `QUORATE_PUBLIC_CACHE_RECHECK_MS ${RECHECK_MS}`,
    ratio: `${fmt(convergeMs / RECHECK_MS, 2)}×`,
    target: '≤ recheck interval + 1 s (a render)',
    met: convergeMs <= RECHECK_MS + 1000 ? 'yes' : 'NO',
  });
  table.push({
    figure: '(s) the decision logs verify (scripts/verify.ts, through HAProxy)',
    measured: verified.every(Boolean) ? 'both intact' : verified.map((v, i) => `${[base, main][i]!.slug}: ${v ? 'intact' : 'FAILED'}`).join(', '),
    baseline: '—',
    ratio: '—',
    target: 'exit 0',
    met: verified.every(Boolean) ? 'yes' : 'NO',
  });
  if (unwatched > 0) notes.push(`${unwatched} sent rows had no rename event seen (inotify may drop events): their duplicate count is unknown.`);
  for (const [name, r] of [['baseline', baseRun] as const, ['storm', run] as const])
    if (r.notAcked.firsts.length) notes.push(`${name}, first writes not acknowledged: ${r.notAcked.firsts.join(' | ')}`);
  for (const [name, c] of [['baseline', baseCheck] as const, ['storm', mainCheck] as const]) if (c.detail.length) notes.push(`${name}: ${c.detail.join('; ')}`);
  notes.push(
    `Load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}.`,
  );
  // Queries answered after PgBouncer gave their server connection back (pipelining), over all its output: each caller waits for ever.
  const unlinked = pooler ? pooler.unlinked() : 0;
  if (pooler)
    notes.push(
      `Instances and workers went through PgBouncer (transaction mode, prepared statements off, no pipelining): ${unlinked} answers "when not linked".`,
    );
  for (const p of [...cluster.instances, ...cluster.workers, ...(pooler ? [pooler.proc] : [])]) {
    const errs = p
      .output()
      .split('\n')
      .filter((l) => /error|failed/i.test(l))
      .slice(-3);
    if (errs.length) notes.push(`${p.name}${p.alive() ? '' : ' (killed)'}: ${errs.join(' / ').slice(0, 600)}`);
  }
  ok &&= unlinked === 0 && writesOk(mainCheck) && writesOk(baseCheck) && baseClean && mailOk && convergeMs <= RECHECK_MS + 1000 && verified.every(Boolean);
  return ok;
}
