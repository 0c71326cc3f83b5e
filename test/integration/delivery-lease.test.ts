import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { outbox, users } from '@/db/schema';
import { insertOrganization } from '@/db/queries/organizations';
import { deliverDue, deliveryOptions } from '@/lib/notify/delivery';
import type { MailTransport } from '@/lib/notify/delivery';
import { enqueueNotice } from '@/lib/notify/outbox';
import { withTestDatabase } from './helpers';

/**
 * A delivery pass that runs longer than the lease: every batch it claims must be leased from
 * that batch's own claim time, not from the pass's start — or a second worker (another app
 * server, `npm run worker`) sees the rows the first one is sending as free and sends them again.
 */

const T0 = new Date('2026-03-02T09:00:00Z');
const NOTICES = 40;
// Eight times a batch's nominal time (2 × SEND_MS): a loaded CI machine slows a batch, not the lease.
const LEASE_MS = 2_000;
const SEND_MS = 120;

let db: Database;
withTestDatabase({ app: false }, (ready) => {
  db = ready.db;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A mail server that takes SEND_MS per message and records every Message-ID it accepts. */
function slowTransport(received: string[]): MailTransport {
  return {
    kind: 'file',
    send: async (m) => {
      await sleep(SEND_MS);
      received.push(m.messageId!);
    },
    close: async () => {},
  };
}

describe('delivery leases on a pass longer than the lease', () => {
  it('a second worker running beside a long pass never takes the rows the first one is sending: each row sent exactly once', async () => {
    const people = await db
      .insert(users)
      .values(Array.from({ length: NOTICES + 1 }, (_, i) => ({ email: `lease-${i}@example.org`, name: `Lease ${i}` })))
      .returning({ id: users.id });
    const orgId = await db.transaction(async (tx) => {
      const org = await insertOrganization(tx, { slug: 'lease', name: 'Org lease', mission: '', createdBy: people[0]!.id });
      const n = await enqueueNotice(tx, {
        orgId: org.id,
        key: 'vacancy:lease-test',
        kind: 'vacancy_overdue',
        payload: { bodyName: 'Board', position: 1, vacatedAt: T0.toISOString(), deadlineDays: 60 },
        recipients: people.slice(1).map((p) => ({ userId: p.id, mandatory: false })),
        at: new Date(T0.getTime() - 60_000),
      });
      expect(n).toBe(NOTICES);
      return org.id;
    });

    // Batches of 2 at 120 ms a message: ~240 ms a batch, well inside the 2 s lease; 20 batches: 4.8 s for one worker alone.
    const opts = deliveryOptions({ batchSize: 2, concurrency: 1, leaseMs: LEASE_MS, maxAttempts: 5 });
    const received: string[] = [];
    const started = performance.now();
    // The simulated clock both workers share: T0 when worker A's pass begins, then real time elapsed.
    const clock = () => new Date(T0.getTime() + Math.round(performance.now() - started));

    let aDone = false;
    const a = deliverDue(db, slowTransport(received), clock(), opts).finally(() => (aDone = true));
    // Worker B: a pass every 150 ms from 2.2 s on (once A's pass has outlasted its first lease), each at its own now.
    await sleep(2_200);
    let bPasses = 0;
    while (!aDone) {
      await deliverDue(db, slowTransport(received), clock(), opts);
      bPasses++;
      await sleep(150);
    }
    const passA = await a;
    const elapsed = performance.now() - started;
    // The scenario really happened: A's pass outlasted its first lease while B kept polling. (Not two leases: B sends
    // the rows A has not claimed yet, so on PostgreSQL, truly side by side, A's pass ends sooner than 40 sends.)
    expect(elapsed).toBeGreaterThan(1.5 * LEASE_MS);
    expect(bPasses).toBeGreaterThan(0);
    expect(passA.sent).toBeGreaterThan(0);
    // Drain anything left (rows B may have claimed just before A finished).
    await deliverDue(db, slowTransport(received), new Date(clock().getTime() + 10 * LEASE_MS), opts);

    const rows = await db.select({ id: outbox.id, status: outbox.status }).from(outbox).where(eq(outbox.orgId, orgId));
    expect(rows).toHaveLength(NOTICES);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    const copies = new Map<string, number>();
    for (const id of received) copies.set(id, (copies.get(id) ?? 0) + 1);
    const twice = [...copies].filter(([, n]) => n > 1).map(([id]) => id);
    expect(twice, `sent more than once: ${twice.join(', ')}`).toEqual([]);
    expect(new Set(received)).toEqual(new Set(rows.map((r) => `<${r.id}@quorate.test>`)));
  });
});
