// What every benchmark family shares: the command line, the result table and notes, cleanups,
// `next start` on a free port, autocannon, and the report (`npm run bench`, bench/run.ts).

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { DatabaseHandle } from '@/db/client';
import { sessionCookieName } from '@/lib/auth/cookies';
import { freePort } from '@/scripts/support/free-port';

export const { values: args } = parseArgs({
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
    // `--only members`: member-wide votes (bench/members.ts); current ballots per vote, default every member.
    ballots: { type: 'string' },
    views: { type: 'string' },
    'no-pglite': { type: 'boolean', default: false },
    // `--only votes`: just the (b) vote figures (no scale seeding, no pages); needs the build too.
    // `--only methods`: just the (f) counting figures (bench/methods.ts); no build, server or database.
    // `--only members`: just the (g) member-wide vote figures (bench/members.ts); a database, no build or server.
    only: { type: 'string' },
    // `--only member-page --shots DIR`: screenshots of the 100,000-member page (desktop and 390 px) into DIR.
    shots: { type: 'string' },
    // `--vote-cpu-prof DIR`: run the (b) vote servers under --cpu-prof, profiles into DIR/<driver>.
    'vote-cpu-prof': { type: 'string' },
    // `--scale-out [--short] [--voters N]`: the scale-out drill (bench/scale-out.ts): 3 instances, 2 workers, HAProxy, kill -9.
    'scale-out': { type: 'boolean', default: false },
    short: { type: 'boolean', default: false },
    voters: { type: 'string' },
    // `--scale-out --pgbouncer`: the instances and workers through a private PgBouncer in transaction mode (bench/scale-out-pooler.ts).
    pgbouncer: { type: 'boolean', default: false },
    // `--only petitions [--signatures N]`: the (k) petition figures (bench/petitions.ts), default 100,000 signatures.
    signatures: { type: 'string', default: '100000' },
    // `--only large-org --decided N`: of the scale seed's proposals, the N oldest decided (failed quorum, outcome recorded).
    decided: { type: 'string' },
    'admin-url': { type: 'string', default: process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    // `--db-prefix NAME_`: the prefix of the PostgreSQL database the benchmark creates (and drops), so runs sharing a server keep apart.
    'db-prefix': { type: 'string', default: 'quorate_bench_' },
  },
});
export const num = (k: keyof typeof args) => Number(args[k]);
export const DURATION = num('duration');
export const WARMUP = num('warmup');
export const CONNECTIONS = num('connections');

// The server and this process must agree on these: the seed makes signing keys the server reads.
export const SECRETS = { AUTH_SECRET: 'bench-auth-secret-0123456789abcdef0123456789', LOG_SIGNING_SECRET: 'bench-log-signing-secret-0123456789abcdef0123' };
Object.assign(process.env, SECRETS);
delete process.env.DATABASE_URL;
delete process.env.PGLITE_DIR;

export type Row = { figure: string; measured: string; baseline: string; ratio: string; target: string; met: string };
export const table: Row[] = [];
export const notes: string[] = [];
export const cleanups: (() => Promise<void> | void)[] = [];

export function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

export async function startServer(
  env: Record<string, string>,
  label: string,
  nodeArgs: string[] = [],
): Promise<{ base: string; pid: number; stop: () => Promise<void>; stderr: () => string }> {
  // BENCH_PORT: a fixed port (a shared machine hands each user a range); otherwise any free one.
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
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
      if (res.status < 500) return { base, pid: child.pid!, stop, stderr: () => stderr };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${label} server did not start: ${stderr}`);
}

export type Load = { rps: number; p50: number; p99: number; errors: number; bytes: number; detail: string };

/**
 * A cookie named like the session cookie (with no valid session behind it): the page renders
 * for a signed-out visitor, but the public page cache (lib/public-cache) treats the request as
 * signed in and lets it through, so this measures a full render.
 */
export const UNCACHED = { cookie: `${sessionCookieName(false)}=bench-uncached` };

export async function load(url: string, headers: Record<string, string> = {}): Promise<Load> {
  const run = (duration: number) => autocannon({ url, connections: CONNECTIONS, duration, headers });
  if (WARMUP > 0) await run(WARMUP);
  const r = await run(DURATION);
  const errors = r.errors + r.timeouts + r.non2xx;
  const detail = `errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}; status codes ${JSON.stringify((r as unknown as { statusCodeStats?: unknown }).statusCodeStats ?? {})}`;
  if (errors > 0) notes.push(`${url}: ${detail}`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors, bytes: r.throughput.average / Math.max(1, r.requests.average), detail };
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const ms = (n: number) => `${fmt(n, n < 10 ? 2 : 1)} ms`;

/** Page vs a static file of the same bytes, served by the same server. */
export async function pageVsStatic(base: string, label: string, pagePath: string, staticPath: string, staticBytes: number, family = '(a)'): Promise<void> {
  const page = await load(`${base}${pagePath}`);
  const file = await load(`${base}${staticPath}`);
  const rendered = await load(`${base}${pagePath}`, UNCACHED);
  const ratio = page.rps / file.rps;
  table.push({
    figure: `${family} ${label} ${pagePath} (signed out, public page cache): req/s, p50/p99`,
    measured: `${fmt(page.rps)} req/s, ${ms(page.p50)} / ${ms(page.p99)}${page.errors ? `, ${page.errors} errors` : ''}; rendered every time: ${fmt(rendered.rps)} req/s, ${ms(rendered.p50)} / ${ms(rendered.p99)}`,
    baseline: `static file of ${fmt(staticBytes / 1024)} KiB: ${fmt(file.rps)} req/s, ${ms(file.p50)} / ${ms(file.p99)}${file.errors ? `, ${file.errors} errors` : ''}`,
    ratio: `${fmt(ratio, 3)}×`,
    target: '≥ 0.7×, p99 < 50 ms',
    met: ratio >= 0.7 && page.p99 < 50 ? 'yes' : 'no',
  });
}

export async function pageBytes(url: string): Promise<string> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
  return res.text();
}

/** Writes files under public/ with exactly the bytes of the given pages (before the server starts). */
export function staticCopies(pages: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, html] of Object.entries(pages)) {
    const name = `bench-static-${key}-${randomBytes(4).toString('hex')}.html`;
    // Next serves what public/ holds when the server starts.
    mkdirSync(path.join(process.cwd(), 'public'), { recursive: true });
    const file = path.join(process.cwd(), 'public', name);
    writeFileSync(file, html);
    cleanups.push(() => rmSync(file, { force: true }));
    out[key] = `/${name}`;
  }
  return out;
}

/** The PostgreSQL database the run created and seeded, shared by the families. */
export type BenchDatabase = { pg: DatabaseHandle; pgUrl: string };

/** Prints the table and notes; `pgVersion` null for a run without the database and servers (`--only methods`). */
export async function printReport(pgVersion: string | null): Promise<void> {
  // --- Report ---------------------------------------------------------------------------------
  const os = await import('node:os');
  console.log(`\nQuorate benchmarks — ${new Date().toISOString()}`);
  const pg = pgVersion === null ? '' : `, PostgreSQL ${pgVersion}`;
  console.log(`machine: ${os.availableParallelism()} cores, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB, node ${process.version}${pg}`);
  if (pgVersion !== null)
    console.log(`autocannon: ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s, loopback; client and server share the machine`);
  console.log('');
  const cols: (keyof Row)[] = ['figure', 'measured', 'baseline', 'ratio', 'target', 'met'];
  console.log(`| ${cols.join(' | ')} |`);
  console.log(`| ${cols.map(() => '---').join(' | ')} |`);
  for (const r of table) console.log(`| ${cols.map((c) => r[c]).join(' | ')} |`);
  console.log('');
  for (const n of notes) console.log(`- ${n}`);
}

export async function teardown(): Promise<void> {
  for (const c of cleanups.reverse()) {
    try {
      await c();
    } catch (error) {
      log(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
