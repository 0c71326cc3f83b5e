import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '@/db/client';
import { outbox, users } from '@/db/schema';
import { insertOrganization } from '@/db/queries/organizations';
import { createTestDatabase } from '@/db/testing';
import { deliveryOptions } from '@/lib/notify/delivery';
import { enqueueNotice } from '@/lib/notify/outbox';
import { startSmtpSink } from '@/test/support/smtp-sink';

/**
 * The issue's acceptance, with a real crash: `npm run worker` is SIGKILLed mid-batch while
 * it talks to a real SMTP server; once a worker runs again, no message is lost and none is
 * sent twice — except, at most, the ones in flight at the kill (accepted by the server, not
 * yet marked sent), which the design re-sends with the same Message-ID.
 *
 * PostgreSQL only: the worker is a second process, and PGlite allows one.
 */

const NOTICES = 60;
const KILL_AFTER = 15;
const LEASE_MS = 3_000;
const SMTP_DELAY_MS = 50;
/** The worker's in-flight limit: deliveryOptions().concurrency lanes per batch. */
const IN_FLIGHT = deliveryOptions().concurrency;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

type Worker = { child: ChildProcess; output: string[]; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

/** `npm run worker`, as its own process group (tsx runs the script in a child process of its own). */
function startWorker(databaseUrl: string, smtpUrl: string): Worker {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/worker.ts'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SMTP_URL: smtpUrl,
      NOTIFY_LEASE_MS: String(LEASE_MS),
      QUORATE_DELIVERY_INTERVAL_MS: '200',
      QUORATE_WORKER_INTERVAL_MS: '500',
    },
  });
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output, exited };
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, worker?: Worker): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.${worker ? `\nWorker output:\n${worker.output.join('')}` : ''}`);
    await sleep(25);
  }
}

function withTimeout<T>(what: string, p: Promise<T>, ms: number, worker?: Worker): Promise<T> {
  return Promise.race([
    p,
    sleep(ms).then(() => Promise.reject(new Error(`Timed out waiting for ${what}.${worker ? `\nWorker output:\n${worker.output.join('')}` : ''}`))),
  ]);
}

describe.runIf(process.env.TEST_DATABASE_URL)(
  'a real worker process killed mid-batch (needs PostgreSQL: set TEST_DATABASE_URL; PGlite allows one process)',
  () => {
    let handle: DatabaseHandle & { drop: () => Promise<void>; url?: string };
    let db: Database;
    let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
    const workers: Worker[] = [];

    beforeAll(async () => {
      handle = await createTestDatabase();
      db = handle.db;
      // Each DATA answered ~50 ms late, so a batch takes a while.
      smtp = await startSmtpSink(SMTP_DELAY_MS);
    });
    afterAll(async () => {
      for (const w of workers) if (w.child.pid && groupAlive(w.child.pid)) process.kill(-w.child.pid, 'SIGKILL');
      await smtp?.close();
      await handle?.drop();
    });

    async function statusCounts(orgId: string): Promise<Record<string, number>> {
      const rows = await db
        .select({ status: outbox.status, n: sql<number>`count(*)::int` })
        .from(outbox)
        .where(eq(outbox.orgId, orgId))
        .groupBy(outbox.status);
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    }

    it('loses no message and sends none twice once restarted (only an in-flight one may repeat)', async () => {
      expect(handle.kind).toBe('postgres');
      expect(handle.url).toMatch(/^postgres(ql)?:\/\//);

      // 60 notices through the real outbox API, in one transaction like a governance event's.
      const people = await db
        .insert(users)
        .values(Array.from({ length: NOTICES + 1 }, (_, i) => ({ email: `crash-${i}@example.org`, name: `Crash ${i}` })))
        .returning({ id: users.id });
      const orgId = await db.transaction(async (tx) => {
        const org = await insertOrganization(tx, { slug: 'crash', name: 'Org crash', mission: '', createdBy: people[0]!.id });
        const n = await enqueueNotice(tx, {
          orgId: org.id,
          key: `vacancy:crash-test:${Date.now()}`,
          kind: 'vacancy_overdue',
          payload: { bodyName: 'Board', position: 1, vacatedAt: new Date().toISOString(), deadlineDays: 60 },
          recipients: people.slice(1).map((p) => ({ userId: p.id, mandatory: true })),
          at: new Date(),
        });
        expect(n).toBe(NOTICES);
        return org.id;
      });
      const rows = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.orgId, orgId));
      const expectedIds = new Set(rows.map((r) => `<${r.id}@quorate.test>`));
      expect(expectedIds.size).toBe(NOTICES);

      // Worker A: killed (SIGKILL, the whole process group) as soon as the 15th message is accepted.
      const started = Date.now();
      const a = startWorker(handle.url!, smtp.url);
      workers.push(a);
      await withTimeout(`${KILL_AFTER} messages`, smtp.reached(KILL_AFTER), 60_000, a);
      const firstAt = smtp.received[0]!.at;
      process.kill(-a.child.pid!, 'SIGKILL');
      const killedAt = Date.now();
      const receivedAtKill = smtp.received.length;
      const exit = await withTimeout('worker A to die', a.exited, 10_000, a);
      expect(exit.signal).toBe('SIGKILL');
      expect(exit.code).toBeNull();
      await waitFor('the killed worker process group to be gone', () => !groupAlive(a.child.pid!), 10_000);
      await sleep(SMTP_DELAY_MS * 4); // let the server finish acceptances that were in flight at the kill

      // The crash left the batch half done: what was marked sent was received; the rest is
      // pending and still leased by the dead worker; nothing arrives while nobody runs.
      const receivedBeforeRestart = smtp.received.length;
      const sentBefore = await db
        .select({ id: outbox.id })
        .from(outbox)
        .where(sql`${outbox.orgId} = ${orgId} and ${outbox.status} = 'sent'`);
      const receivedIds = new Set(smtp.received.map((r) => r.messageId));
      for (const r of sentBefore) expect(receivedIds.has(`<${r.id}@quorate.test>`)).toBe(true);
      const inFlightAtKill = receivedIds.size - sentBefore.length; // accepted, never marked sent
      expect(inFlightAtKill).toBeGreaterThanOrEqual(0);
      expect(inFlightAtKill).toBeLessThanOrEqual(IN_FLIGHT);
      const before = await statusCounts(orgId);
      expect(before.sent ?? 0).toBeLessThan(NOTICES);
      expect((before.sent ?? 0) + (before.pending ?? 0)).toBe(NOTICES);
      const [lease] = await db
        .select({ until: sql<Date>`max(${outbox.leaseUntil})` })
        .from(outbox)
        .where(sql`${outbox.orgId} = ${orgId} and ${outbox.status} = 'pending'`);
      const leaseUntil = new Date(lease!.until);
      expect(leaseUntil.getTime()).toBeGreaterThan(killedAt - LEASE_MS); // the dead worker's claim

      // Worker B, once the lease has run out; stopped with SIGTERM when the outbox is drained.
      await sleep(Math.max(0, leaseUntil.getTime() - Date.now()) + 200);
      const restartedAt = Date.now();
      const b = startWorker(handle.url!, smtp.url);
      workers.push(b);
      await waitFor('the outbox to drain', async () => ((await statusCounts(orgId)).pending ?? 0) === 0, 60_000, b);
      const drainedAt = Date.now();
      await sleep(SMTP_DELAY_MS * 4);
      b.child.kill('SIGTERM');
      const stopped = await withTimeout('worker B to stop', b.exited, 20_000, b);
      expect(stopped, b.output.join('')).toEqual({ code: 0, signal: null });

      // Nothing lost: every row sent, every Message-ID received.
      expect(await statusCounts(orgId)).toEqual({ sent: NOTICES });
      const ids = smtp.received.map((r) => r.messageId);
      expect(new Set(ids)).toEqual(expectedIds);
      // Nothing sent twice but what was in flight at the kill, and nothing more than twice.
      const copies = new Map<string, number>();
      for (const id of ids) copies.set(id, (copies.get(id) ?? 0) + 1);
      const duplicates = ids.length - NOTICES;
      expect(Math.max(...copies.values())).toBeLessThanOrEqual(2);
      expect(duplicates).toBe(inFlightAtKill);
      expect(duplicates).toBeLessThanOrEqual(IN_FLIGHT);
      // Worker B re-sent exactly what worker A had not marked sent.
      expect(smtp.received.length - receivedBeforeRestart).toBe(NOTICES - sentBefore.length);

      console.log(
        `[crash] ${NOTICES} notices; worker A: first mail ${firstAt - started} ms after spawn, killed ${killedAt - started} ms after spawn with ${receivedAtKill} received ` +
          `(${receivedBeforeRestart} once in-flight acceptances settled, ${sentBefore.length} marked sent); ` +
          `worker B: started ${restartedAt - killedAt} ms after the kill (lease ${LEASE_MS} ms), drained in ${drainedAt - restartedAt} ms; ` +
          `duplicates ${duplicates} (in-flight limit ${IN_FLIGHT}); distinct Message-IDs ${new Set(ids).size}; receptions ${ids.length}`,
      );
    }, 180_000);
  },
);
