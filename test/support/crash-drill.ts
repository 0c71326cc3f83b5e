/**
 * Pieces of the crash drill (e2e/crash.spec.ts): a real `next start` in its own process group
 * that can be SIGKILLed and restarted, a slow SMTP sink that records every Message-ID it
 * accepts, a read-only look at the database between runs (PostgreSQL or the PGlite folder),
 * and the consistency checks: no half-written event, a gapless log that verifies.
 *
 * Plain Node: no server-only imports (the app's database code is not loaded here), so it runs
 * inside Playwright, Vitest or tsx alike.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { createPostgresDatabase, dropPostgresDatabase } from '../../db/databases';
import { base64Decode } from '../../lib/log/base64';
import type { StoredEntry } from '../../lib/log/entry';
import { nodeSha256 } from '../../lib/log/node-hash';
import { verifyLog } from '../../lib/log/verify';
import { recipientListHash } from '../../lib/use-cases/notice';
import type { VerifyReport } from '../../lib/log/verify';
import type { Reception } from './smtp-sink';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export { freePort } from '../../scripts/support/free-port';

// --- The database, as its own target --------------------------------------------------------

export type DbTarget = { kind: 'postgres'; url: string; adminUrl: string; name: string } | { kind: 'pglite'; dir: string };

/** Can we reach a PostgreSQL server to create throwaway databases on? */
export async function postgresReachable(adminUrl: string): Promise<boolean> {
  const sql = postgres(adminUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

export async function createPostgresTarget(adminUrl: string, prefix: string): Promise<DbTarget & { kind: 'postgres' }> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  return { kind: 'postgres', url: await createPostgresDatabase(adminUrl, name), adminUrl, name };
}

export async function dropPostgresTarget(target: DbTarget): Promise<void> {
  if (target.kind === 'postgres') await dropPostgresDatabase(target.adminUrl, target.name);
}

export function targetEnv(target: DbTarget): Record<string, string> {
  return target.kind === 'postgres' ? { DATABASE_URL: target.url } : { PGLITE_DIR: target.dir };
}

export type Reader = { query: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>; close: () => Promise<void> };

/**
 * Opens the database for reading. For PGlite only while no server holds the folder: this is
 * also the first thing to touch the folder after a SIGKILL, so it shows whether it recovers.
 */
export async function openReader(target: DbTarget): Promise<Reader> {
  if (target.kind === 'postgres') {
    const sql = postgres(target.url, { max: 2, onnotice: () => {} });
    return {
      query: async <T>(text: string, params: unknown[] = []) => (await sql.unsafe(text, params as never[])) as unknown as T[],
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const db = await PGlite.create(target.dir, { extensions: { pg_trgm } });
  return { query: async <T>(text: string, params: unknown[] = []) => (await db.query<T>(text, params)).rows, close: () => db.close() };
}

// --- The app server -------------------------------------------------------------------------

export type AppServer = {
  baseUrl: string;
  pid: number;
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL to the whole process group; resolves when it is gone. */
  kill9: () => Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop: (graceMs?: number) => Promise<void>;
};

export type ServerOptions = { root: string; port: number; target: DbTarget; dataDir: string; mailDir: string; smtpUrl?: string; env?: Record<string, string> };

export const DRILL_SECRETS = {
  AUTH_SECRET: 'crash-drill-auth-secret-0123456789abcdef01234',
  LOG_SIGNING_SECRET: 'crash-drill-log-signing-secret-0123456789abcdef',
};

/** The environment the drill's server and setup script share (they must agree on secrets and folders). */
export function drillEnv(o: Omit<ServerOptions, 'root' | 'env'>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    ...DRILL_SECRETS,
    // localhost, not 127.0.0.1: Auth.js ignores AUTH_URL when Next binds to an IP (next-auth#12321).
    AUTH_URL: `http://localhost:${o.port}`,
    DATA_DIR: o.dataDir,
    MAIL_DIR: o.mailDir,
    ...(o.smtpUrl ? { SMTP_URL: o.smtpUrl } : {}),
    ...targetEnv(o.target),
  };
}

/** The process groups of the servers started here and not yet known gone. */
const liveGroups = new Set<number>();

/**
 * SIGKILLs every server this process started that is still running. Each is detached into its own group, so it outlives
 * a test that timed out before its own `stop()` (it would keep a core busy for the rest of the suite): the spec calls
 * this after each test, and the process on its way out.
 */
export function killDrillServers(): void {
  for (const pid of liveGroups) {
    if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
    liveGroups.delete(pid);
  }
}
process.once('exit', killDrillServers);

/** `next start` of the existing production build, detached into its own process group. */
export function startAppServer(o: ServerOptions): AppServer {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(o.root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(o.port), '-H', 'localhost'],
    {
      cwd: o.root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...drillEnv(o), ...o.env } as NodeJS.ProcessEnv,
    },
  );
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const pid = child.pid!;
  liveGroups.add(pid);
  void exited.then(() => {
    if (!groupAlive(pid)) liveGroups.delete(pid);
  });
  const gone = async () => {
    for (let i = 0; i < 200 && groupAlive(pid); i++) await sleep(25);
  };
  return {
    baseUrl: `http://localhost:${o.port}`,
    pid,
    output,
    exited,
    kill9: async () => {
      if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
      await exited;
      await gone();
    },
    stop: async (graceMs = 10_000) => {
      if (groupAlive(pid)) process.kill(-pid, 'SIGTERM');
      await Promise.race([exited, sleep(graceMs)]);
      if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
      await exited;
      await gone();
    },
  };
}

export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves once GET / answers (any status below 500). */
export async function waitReady(server: AppServer, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  let exited = false;
  void server.exited.then(() => (exited = true));
  while (Date.now() - started < timeoutMs) {
    if (exited) throw new Error(`the server exited before it was ready:\n${server.output.join('')}`);
    try {
      const res = await fetch(`${server.baseUrl}/`, { signal: AbortSignal.timeout(5_000) });
      if (res.status < 500) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`the server was not ready after ${timeoutMs} ms:\n${server.output.join('')}`);
}

/** Runs scripts/crash-setup.ts against the target (before any server opens it) and returns its JSON. */
export function runSetup<T>(root: string, env: Record<string, string>, args: string[]): T {
  const r = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/crash-setup.ts', ...args], {
    cwd: root,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`crash-setup failed (${r.status}):\n${r.stderr}\n${r.stdout}`);
  const line = r.stdout.trim().split('\n').at(-1)!;
  return JSON.parse(line) as T;
}

/** QUORATE_UNSAFE_TEST_CLOCK: makes the server's clock read `serverNow` now (a file in its data folder). */
export function setServerClock(dataDir: string, serverNow: Date): number {
  const offset = serverNow.getTime() - Date.now();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, 'test-clock-offset'), String(offset));
  return offset;
}

// --- A slow SMTP server -----------------------------------------------------------------------

export { startSmtpSink } from './smtp-sink';
export type { Reception };

/** Waits until no message has arrived for `quietMs` and `done()` holds, or throws after `timeoutMs`. */
export async function waitQuiet(received: Reception[], quietMs: number, timeoutMs: number, done: () => boolean = () => true): Promise<void> {
  const started = Date.now();
  for (;;) {
    const last = received.at(-1)?.at ?? 0;
    if (done() && Date.now() - Math.max(last, started) >= quietMs) return;
    if (Date.now() - started > timeoutMs) throw new Error(`mail did not settle in ${timeoutMs} ms (${received.length} received)`);
    await sleep(100);
  }
}

// --- What the database holds -------------------------------------------------------------------

export type DrillRows = {
  entries: StoredEntry[];
  headSize: number | null;
  votes: { id: string; seatId: string; voterUserId: string; choice: string; rationale: string | null; castAt: Date; isCurrent: boolean }[];
  comments: { id: string; proposalId: string; parentId: string | null; body: string }[];
  proposals: { id: string; number: number; status: string; outcome: string | null }[];
  stages: { proposalId: string; closesAt: Date | null; closedRecordedAt: Date | null }[];
  events: { id: string; key: string; kind: string }[];
  outbox: { id: string; eventId: string | null; recipientUserId: string; kind: string; status: string }[];
};

export async function readDrillRows(reader: Reader, orgId: string): Promise<DrillRows> {
  const entries = (
    await reader.query<{
      seq: number;
      at: Date;
      actor_id: string | null;
      kind: string;
      subject: string | null;
      payload: Record<string, unknown>;
      prev_hash: string;
      hash: string;
    }>('select seq::int as seq, at, actor_id, kind, subject, payload, prev_hash, hash from decision_log where org_id = $1 order by seq', [orgId])
  ).map((r): StoredEntry => ({
    orgId,
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    kind: r.kind,
    subject: r.subject,
    payload: r.payload,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
  const [head] = await reader.query<{ size: number }>('select size::int as size from log_heads where org_id = $1', [orgId]);
  const votes = (
    await reader.query<{ id: string; seat_id: string; voter_user_id: string; choice: string; rationale: string | null; cast_at: Date; is_current: boolean }>(
      'select v.id, v.seat_id, v.voter_user_id, v.choice::text as choice, v.rationale, v.cast_at, v.is_current from votes v join proposals p on p.id = v.proposal_id where p.org_id = $1',
      [orgId],
    )
  ).map((r) => ({
    id: r.id,
    seatId: r.seat_id,
    voterUserId: r.voter_user_id,
    choice: r.choice,
    rationale: r.rationale,
    castAt: new Date(r.cast_at),
    isCurrent: r.is_current,
  }));
  const comments = (
    await reader.query<{ id: string; proposal_id: string; parent_id: string | null; body: string }>(
      'select id, proposal_id, parent_id, body from comments where org_id = $1',
      [orgId],
    )
  ).map((r) => ({
    id: r.id,
    proposalId: r.proposal_id,
    parentId: r.parent_id,
    body: r.body,
  }));
  const proposals = (
    await reader.query<{ id: string; number: number; status: string; outcome: string | null }>(
      'select id, number, status::text as status, outcome::text as outcome from proposals where org_id = $1 order by number',
      [orgId],
    )
  ).map((r) => ({
    ...r,
    number: Number(r.number),
  }));
  const stages = (
    await reader.query<{ proposal_id: string; closes_at: Date | null; closed_recorded_at: Date | null }>(
      'select s.proposal_id, s.closes_at, s.closed_recorded_at from proposal_stages s join proposals p on p.id = s.proposal_id where p.org_id = $1',
      [orgId],
    )
  ).map((r) => ({
    proposalId: r.proposal_id,
    closesAt: r.closes_at && new Date(r.closes_at),
    closedRecordedAt: r.closed_recorded_at && new Date(r.closed_recorded_at),
  }));
  const events = await reader.query<{ id: string; key: string; kind: string }>('select id, key, kind from notify_events where org_id = $1', [orgId]);
  const outbox = (
    await reader.query<{ id: string; event_id: string | null; recipient_user_id: string; kind: string; status: string }>(
      'select id, event_id, recipient_user_id, kind, status::text as status from outbox where org_id = $1',
      [orgId],
    )
  ).map((r) => ({ id: r.id, eventId: r.event_id, recipientUserId: r.recipient_user_id, kind: r.kind, status: r.status }));
  return { entries, headSize: head ? Number(head.size) : null, votes, comments, proposals, stages, events, outbox };
}

/**
 * Everything that must hold whatever was killed when: a list of problems (empty = consistent).
 * - the log: seq 1..n without a gap, the head at n, every hash and link verifying;
 * - no half-written event: each vote has its one ballot.cast entry and each entry its vote; the
 *   same for comments, publications (entry, notify event, outbox rows as counted and hashed in
 *   the entry), recorded closes and decisions;
 * - each (event, recipient, kind) in the outbox once; one current ballot per seat.
 */
export async function consistencyProblems(rows: DrillRows): Promise<{ problems: string[]; report: VerifyReport }> {
  const problems: string[] = [];
  const { entries } = rows;
  entries.forEach((e, i) => {
    if (e.seq !== i + 1) problems.push(`log: position ${i + 1} holds seq ${e.seq}`);
  });
  if (rows.headSize !== entries.length) problems.push(`log head says ${rows.headSize} entries, the log has ${entries.length}`);
  const report = await verifyLog({ entries }, undefined, { hasher: nodeSha256 });
  if (!report.ok) problems.push(...report.problems.map((p) => `verify: #${p.seq} ${p.kind}: ${p.message}`));

  const byKind = (kind: string) => entries.filter((e) => e.kind === kind);
  const pairUp = (what: string, rowIds: string[], logIds: unknown[]) => {
    const logSet = new Map<string, number>();
    for (const id of logIds) logSet.set(String(id), (logSet.get(String(id)) ?? 0) + 1);
    for (const id of rowIds) if (logSet.get(id) !== 1) problems.push(`${what} ${id}: ${logSet.get(id) ?? 0} log entries`);
    const rowSet = new Set(rowIds);
    for (const id of logSet.keys()) if (!rowSet.has(id)) problems.push(`${what} ${id}: logged, but no row`);
  };
  pairUp(
    'vote',
    rows.votes.map((v) => v.id),
    byKind('ballot.cast').map((e) => e.payload.voteId),
  );
  pairUp(
    'comment',
    rows.comments.map((c) => c.id),
    byKind('comment.posted').map((e) => e.payload.commentId),
  );
  const published = rows.proposals.filter((p) => p.status !== 'draft');
  pairUp(
    'publication',
    published.map((p) => p.id),
    byKind('proposal.published').map((e) => String(e.subject).replace(/^proposal:/, '')),
  );
  pairUp(
    'recorded close',
    rows.stages.filter((s) => s.closedRecordedAt).map((s) => s.proposalId),
    byKind('voting.closed').map((e) => String(e.subject).replace(/^proposal:/, '')),
  );
  pairUp(
    'decision',
    rows.proposals.filter((p) => p.outcome).map((p) => p.id),
    byKind('proposal.decided').map((e) => String(e.subject).replace(/^proposal:/, '')),
  );

  for (const p of published) {
    const entry = byKind('proposal.published').find((e) => e.subject === `proposal:${p.id}`);
    const event = rows.events.find((e) => e.key === `published:${p.id}`);
    if (!event) {
      problems.push(`publication ${p.id}: no notify event`);
      continue;
    }
    const recipients = rows.outbox.filter((o) => o.eventId === event.id).map((o) => o.recipientUserId);
    const notice = entry?.payload.notice as { recipients: number; recipientListHash: string } | undefined;
    if (notice && (recipients.length !== notice.recipients || recipientListHash(recipients) !== notice.recipientListHash)) {
      problems.push(`publication ${p.id}: ${recipients.length} outbox rows, the log counted ${notice.recipients}`);
    }
  }
  for (const p of rows.proposals.filter((x) => x.outcome))
    if (!rows.events.some((e) => e.key === `decided:${p.id}`)) problems.push(`decision ${p.id}: no notify event`);

  const seen = new Set<string>();
  for (const o of rows.outbox) {
    const key = `${o.eventId} ${o.recipientUserId} ${o.kind}`;
    if (seen.has(key)) problems.push(`outbox: (${key}) twice`);
    seen.add(key);
  }
  const currentBySeat = new Map<string, number>();
  for (const v of rows.votes.filter((x) => x.isCurrent)) currentBySeat.set(v.seatId, (currentBySeat.get(v.seatId) ?? 0) + 1);
  for (const [seat, n] of currentBySeat) if (n !== 1) problems.push(`seat ${seat}: ${n} current ballots`);
  return { problems, report };
}

/** The public export over HTTP, verified with its checkpoints and key (what `npm run verify` does). */
export async function verifyPublicExport(baseUrl: string, slug: string): Promise<VerifyReport & { checkpoints: number }> {
  const res = await fetch(`${baseUrl}/api/o/${slug}/log/export`);
  if (res.status !== 200) throw new Error(`export: HTTP ${res.status}`);
  const doc = (await res.json()) as { entries: StoredEntry[]; checkpoints: { note: string }[]; publicKey: string; origin: string };
  const report = await verifyLog(
    { entries: doc.entries, checkpoints: doc.checkpoints, publicKeyRaw: base64Decode(doc.publicKey)!, origin: doc.origin },
    undefined,
    { hasher: nodeSha256 },
  );
  return { ...report, checkpoints: doc.checkpoints.length };
}
