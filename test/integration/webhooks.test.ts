/**
 * Signed webhooks end to end against REAL local HTTP servers: registration (SSRF refusals), the
 * outbox row written with the log entry, delivery verified with the standardwebhooks library's own
 * verifier, retries with backoff, dead letters, an admin's replay, redirects never followed, the
 * destination checked again at each delivery, timeouts and leases.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { memberships, users, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { appendLogEntry } from '@/db/queries/log';
import { insertOrganization } from '@/db/queries/organizations';
import { initialActionState } from '@/lib/actions/state';
import type * as ClockModule from '@/lib/clock';
import { env } from '@/lib/env';
import { deliverDueWebhooks, webhookDeliveryOptions } from '@/lib/webhooks/delivery';
import type { WebhookDeliveryOptions } from '@/lib/webhooks/delivery';
import { registerWebhookEndpoint } from '@/lib/use-cases/webhooks';
import { form, session, signInAs, withTestDatabase } from './helpers';

const clock = { now: new Date('2026-06-01T12:00:00Z') };
vi.mock('@/lib/clock', async (importOriginal) => ({ ...(await importOriginal<typeof ClockModule>()), now: () => new Date(clock.now) }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('@/lib/actions/flash', () => ({ setFlash: async () => {} }));

const actions = await import('@/app/o/[slug]/settings/webhooks/actions');

type Received = { headers: IncomingHttpHeaders; body: string };
type Receiver = {
  url: string;
  received: Received[];
  answer: (n: number) => { status: number; body?: string; headers?: Record<string, string> } | 'hang';
  server: Server;
};

const receivers: Receiver[] = [];

async function receiver(answer: Receiver['answer']): Promise<Receiver> {
  const r = { received: [] as Received[], answer } as Receiver;
  r.server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      r.received.push({ headers: req.headers, body });
      const a = r.answer(r.received.length);
      if (a === 'hang') return;
      res.writeHead(a.status, { 'content-type': 'text/plain', ...a.headers });
      res.end(a.body ?? '');
    });
  });
  await new Promise<void>((resolve) => r.server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(r.server.address() as AddressInfo).port}/hook`;
  receivers.push(r);
  return r;
}

afterAll(async () => {
  for (const r of receivers) {
    r.server.closeAllConnections();
    await new Promise((resolve) => r.server.close(resolve));
  }
});

let db: Database;
const people = {} as Record<'admin' | 'member', { id: string; email: string; name: string }>;
let orgId = '';
let slug = '';
let n = 0;

withTestDatabase({ app: true }, async (handle) => {
  db = handle.db;
});

beforeAll(async () => {
  for (const key of ['admin', 'member'] as const) {
    const [u] = await db
      .insert(users)
      .values({ email: `${key}@hooks.example.org`, name: key })
      .returning();
    people[key] = { id: u!.id, email: u!.email, name: key };
  }
  const org = await db.transaction((tx) =>
    insertOrganization(tx, { slug: 'hooks-org', name: 'Hooks', mission: '', createdBy: people.admin.id, at: clock.now }),
  );
  orgId = org.id;
  slug = org.slug;
  await db.insert(memberships).values({ orgId, userId: people.member.id, role: 'member', acceptedAt: clock.now });
});

/** A new organization of its own for a test, so deliveries of other tests' endpoints never mix in. */
async function freshOrg(): Promise<{ id: string; slug: string }> {
  return db.transaction((tx) => insertOrganization(tx, { slug: `hooks-${++n}`, name: `Hooks ${n}`, mission: '', createdBy: people.admin.id, at: clock.now }));
}

async function endpointFor(org: string, url: string, kinds: string[] | null = null) {
  return registerWebhookEndpoint(db, { orgId: org, actorId: people.admin.id, url, kinds, at: clock.now }, { allowPrivate: true });
}

async function logEntry(org: string, kind = 'witness.added', payload: Record<string, unknown> = { name: 'w.example' }) {
  return db.transaction((tx) => appendLogEntry(tx, { orgId: org, actorId: people.admin.id, kind, subject: null, payload, at: clock.now }));
}

const opts = (o: Partial<WebhookDeliveryOptions> = {}) => webhookDeliveryOptions({ allowPrivate: true, timeoutMs: 2_000, ...o });

const deliveriesOf = (endpointId: string) => db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));

describe('registering an endpoint', () => {
  it('refuses a loopback destination without the operator switch, and accepts it with it; the secret is shown once and stored usable', async () => {
    const r = await receiver(() => ({ status: 204 }));
    signInAs(people.admin);
    env().webhooks.allowPrivate = false;
    const refused = await actions.registerWebhookAction(initialActionState, form({ orgId, url: r.url, events: 'all' }));
    expect(refused).toMatchObject({ ok: false, code: 'webhook.url_private' });
    expect(refused.fieldErrors?.url).toEqual([refused.message]);
    for (const url of ['http://localhost:9/x', 'http://[::1]:9/x', 'http://[::ffff:127.0.0.1]:9/', 'http://169.254.169.254/latest', 'http://10.0.0.1/'])
      expect((await actions.registerWebhookAction(initialActionState, form({ orgId, url, events: 'all' }))).code).toBe('webhook.url_private');
    expect((await actions.registerWebhookAction(initialActionState, form({ orgId, url: 'ftp://example.org/x', events: 'all' }))).code).toBe(
      'action.invalid_input',
    );
    expect((await actions.registerWebhookAction(initialActionState, form({ orgId, url: 'http://u:p@example.org/', events: 'all' }))).code).toBe(
      'action.invalid_input',
    );
    expect((await actions.registerWebhookAction(initialActionState, form({ orgId, url: r.url, events: 'chosen' }))).fieldErrors?.kinds).toBeTruthy();
    expect(await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.orgId, orgId))).toHaveLength(0);

    env().webhooks.allowPrivate = true;
    try {
      const ok = await actions.registerWebhookAction(initialActionState, form({ orgId, url: r.url, events: 'chosen', 'kind:witness.added': 'on' }));
      expect(ok.ok).toBe(true);
      const secret = ok.recorded!.secret!;
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(ok.message).not.toContain(secret);
      const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.orgId, orgId));
      expect(row).toMatchObject({ url: r.url, kinds: ['witness.added'], enabled: true, secret });
    } finally {
      env().webhooks.allowPrivate = false;
    }
  });

  it('only an admin of the organization may register, disable, delete or replay', async () => {
    signInAs(people.member);
    expect((await actions.registerWebhookAction(initialActionState, form({ orgId, url: 'https://example.org/h', events: 'all' }))).code).toBe(
      'action.forbidden',
    );
    const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.orgId, orgId));
    expect((await actions.setWebhookEnabledAction(initialActionState, form({ orgId, endpointId: row!.id, enabled: 'false' }))).code).toBe('action.forbidden');
    expect((await actions.deleteWebhookAction(initialActionState, form({ orgId, endpointId: row!.id, confirmDelete: 'yes' }))).code).toBe('action.forbidden');
    signInAs(null);
    expect((await actions.setWebhookEnabledAction(initialActionState, form({ orgId, endpointId: row!.id, enabled: 'false' }))).code).toBe('action.signed_out');
    expect((await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, row!.id)))[0]!.enabled).toBe(true);
  });
});

describe('the webhook outbox', () => {
  it('writes one delivery per matching enabled endpoint in the log entry’s transaction, and none when it rolls back', async () => {
    const org = await freshOrg();
    const all = await endpointFor(org.id, 'http://127.0.0.1:9/all');
    const chosen = await endpointFor(org.id, 'http://127.0.0.1:9/chosen', ['proposal.published']);
    const off = await endpointFor(org.id, 'http://127.0.0.1:9/off');
    signInAs(people.admin);
    expect((await actions.setWebhookEnabledAction(initialActionState, form({ orgId: org.id, endpointId: off.id, enabled: 'false' }))).ok).toBe(true);
    await logEntry(org.id, 'witness.added');
    await logEntry(org.id, 'proposal.published', { number: 1 });
    await expect(
      db.transaction(async (tx) => {
        await appendLogEntry(tx, { orgId: org.id, actorId: null, kind: 'witness.added', subject: null, payload: {}, at: clock.now });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await deliveriesOf(all.id)).map((d) => d.kind).sort()).toEqual(['proposal.published', 'witness.added']);
    expect((await deliveriesOf(chosen.id)).map((d) => d.kind)).toEqual(['proposal.published']);
    expect(await deliveriesOf(off.id)).toHaveLength(0);
  });
});

describe('delivering', () => {
  // Each test sees only its own endpoint's deliveries: earlier tests' pending ones would be due too.
  beforeEach(async () => {
    await db.delete(webhookEndpoints).where(sql`true`);
  });

  it('POSTs the public entry, signed: the receiver verifies it with the standardwebhooks library', async () => {
    const org = await freshOrg();
    const r = await receiver(() => ({ status: 200, body: 'thanks' }));
    const { id, secret } = await endpointFor(org.id, r.url);
    const entry = await logEntry(org.id, 'witness.added', { name: 'w1.example' });
    const result = await deliverDueWebhooks(db, clock.now, opts());
    expect(result).toMatchObject({ claimed: 1, delivered: 1 });
    expect(r.received).toHaveLength(1);
    const got = r.received[0]!;
    const verified = new Webhook(secret).verify(got.body, got.headers as Record<string, string>) as { type: string; data: Record<string, unknown> };
    expect(verified).toMatchObject({
      type: 'witness.added',
      timestamp: entry.at,
      data: { organization: { id: org.id, slug: org.slug }, seq: entry.seq, kind: 'witness.added', payload: { name: 'w1.example' }, actorId: people.admin.id },
    });
    // A wrong secret does not verify: the signature is real.
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(got.body, got.headers as Record<string, string>)).toThrow();
    const [d] = await deliveriesOf(id);
    expect(d).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 200, lastResponse: 'thanks' });
    expect(got.headers['webhook-id']).toBe(d!.id);
    expect((await deliverDueWebhooks(db, new Date(clock.now.getTime() + 86_400_000), opts())).claimed).toBe(0);
  });

  it('retries a failed delivery after the backoff, with the same webhook-id', async () => {
    const org = await freshOrg();
    const r = await receiver((k) => (k === 1 ? { status: 503, body: 'busy '.repeat(200) } : { status: 202 }));
    const { id, secret } = await endpointFor(org.id, r.url);
    await logEntry(org.id);
    const t0 = clock.now.getTime();
    expect(await deliverDueWebhooks(db, new Date(t0), opts())).toMatchObject({ claimed: 1, retried: 1 });
    const [first] = await deliveriesOf(id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 503 });
    expect(first!.lastResponse).toHaveLength(500);
    // 30 s after the attempt (the pass's time, plus the milliseconds the pass had taken when it claimed the row).
    expect(first!.nextAttemptAt.getTime() - t0).toBeGreaterThanOrEqual(30_000);
    expect(first!.nextAttemptAt.getTime() - t0).toBeLessThan(31_000);
    expect((await deliverDueWebhooks(db, new Date(t0 + 29_000), opts())).claimed).toBe(0);
    expect(await deliverDueWebhooks(db, new Date(t0 + 31_000), opts())).toMatchObject({ claimed: 1, delivered: 1 });
    expect(r.received).toHaveLength(2);
    expect(r.received[1]!.headers['webhook-id']).toBe(r.received[0]!.headers['webhook-id']);
    for (const got of r.received) new Webhook(secret).verify(got.body, got.headers as Record<string, string>);
    expect((await deliveriesOf(id))[0]).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 202 });
  });

  it('a receiver that always fails ends as a dead letter; an admin replays it and it is delivered', async () => {
    const org = await freshOrg();
    let healthy = false;
    const r = await receiver(() => (healthy ? { status: 200, body: 'ok' } : { status: 500, body: 'down' }));
    const { id, secret } = await endpointFor(org.id, r.url);
    await logEntry(org.id);
    let t = clock.now.getTime();
    for (let attempt = 1; attempt <= 8; attempt++) {
      const result = await deliverDueWebhooks(db, new Date(t), opts());
      expect(result.claimed).toBe(1);
      t += 13 * 3_600_000;
    }
    const [dead] = await deliveriesOf(id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 8, lastStatus: 500, lastResponse: 'down' });
    expect(dead!.deadLetteredAt).not.toBeNull();
    expect((await deliverDueWebhooks(db, new Date(t), opts())).claimed).toBe(0);

    signInAs(people.member);
    expect((await actions.replayWebhookDeliveryAction(initialActionState, form({ orgId: org.id, deliveryId: dead!.id }))).code).toBe('action.forbidden');
    signInAs(people.admin);
    clock.now = new Date(t);
    expect((await actions.replayWebhookDeliveryAction(initialActionState, form({ orgId: org.id, deliveryId: dead!.id }))).ok).toBe(true);
    expect((await actions.replayWebhookDeliveryAction(initialActionState, form({ orgId: org.id, deliveryId: dead!.id }))).code).toBe(
      'webhook.delivery_not_dead',
    );
    // Another organization's admin cannot reach it through their own org id.
    expect((await actions.replayWebhookDeliveryAction(initialActionState, form({ orgId, deliveryId: dead!.id }))).code).toBe('webhook.delivery_not_found');
    healthy = true;
    expect(await deliverDueWebhooks(db, new Date(t), opts())).toMatchObject({ claimed: 1, delivered: 1 });
    const last = r.received.at(-1)!;
    new Webhook(secret).verify(last.body, last.headers as Record<string, string>);
    expect((await deliveriesOf(id))[0]).toMatchObject({ status: 'delivered', attempts: 9, lastStatus: 200 });
    clock.now = new Date('2026-06-01T12:00:00Z');
  });

  it('never follows a redirect: a 3xx is a failure and the target is never reached', async () => {
    const org = await freshOrg();
    const target = await receiver(() => ({ status: 200 }));
    const r = await receiver(() => ({ status: 307, headers: { location: target.url } }));
    const { id } = await endpointFor(org.id, r.url);
    await logEntry(org.id);
    expect(await deliverDueWebhooks(db, clock.now, opts())).toMatchObject({ retried: 1 });
    expect(target.received).toHaveLength(0);
    const [d] = await deliveriesOf(id);
    expect(d).toMatchObject({ status: 'pending', lastStatus: 307 });
    expect(d!.lastResponse).toContain('not followed');
  });

  it('checks the destination again at each delivery, after DNS resolution, and connects to the address it checked', async () => {
    const org = await freshOrg();
    const r = await receiver(() => ({ status: 200 }));
    const port = new URL(r.url).port;
    // Registered while the name resolved to a public address; it now resolves to loopback (DNS rebinding).
    let answer = '93.184.216.34';
    const resolve = async () => [{ address: answer, family: 4 }];
    const { id } = await registerWebhookEndpoint(
      db,
      { orgId: org.id, actorId: people.admin.id, url: `http://hooks.rebind.test:${port}/hook`, kinds: null, at: clock.now },
      { allowPrivate: false, resolve },
    );
    answer = '127.0.0.1';
    await logEntry(org.id);
    expect(await deliverDueWebhooks(db, clock.now, opts({ allowPrivate: false, resolve }))).toMatchObject({ retried: 1 });
    expect(r.received).toHaveLength(0);
    expect((await deliveriesOf(id))[0]!.lastResponse).toContain('private or internal address (127.0.0.1, loopback)');
    // With the operator's switch, the name is sent to the address the check resolved (no second lookup).
    expect(await deliverDueWebhooks(db, new Date(clock.now.getTime() + 60_000), opts({ allowPrivate: true, resolve }))).toMatchObject({ delivered: 1 });
    expect(r.received).toHaveLength(1);
    expect(r.received[0]!.headers.host).toBe(`hooks.rebind.test:${port}`);
  });

  it('gives up on a receiver that does not answer within the timeout', async () => {
    const org = await freshOrg();
    const r = await receiver(() => 'hang');
    const { id } = await endpointFor(org.id, r.url);
    await logEntry(org.id);
    expect(await deliverDueWebhooks(db, clock.now, opts({ timeoutMs: 300 }))).toMatchObject({ retried: 1 });
    expect((await deliveriesOf(id))[0]).toMatchObject({ status: 'pending', lastStatus: null, lastResponse: 'No answer within 0.3 s.' });
  });

  it('two workers at once never send the same attempt twice (leases, SKIP LOCKED)', async () => {
    const org = await freshOrg();
    const r = await receiver(() => ({ status: 200 }));
    const { id } = await endpointFor(org.id, r.url);
    for (let i = 0; i < 12; i++) await logEntry(org.id, 'witness.added', { i });
    const results = await Promise.all([deliverDueWebhooks(db, clock.now, opts({ batchSize: 3 })), deliverDueWebhooks(db, clock.now, opts({ batchSize: 3 }))]);
    expect(results[0]!.delivered + results[1]!.delivered).toBe(12);
    expect(r.received).toHaveLength(12);
    expect(new Set(r.received.map((x) => x.headers['webhook-id'])).size).toBe(12);
    expect((await deliveriesOf(id)).every((d) => d.status === 'delivered' && d.attempts === 1)).toBe(true);
  });

  it('an admin deletes an endpoint with its deliveries, once the box is ticked', async () => {
    const org = await freshOrg();
    const { id } = await endpointFor(org.id, 'http://127.0.0.1:9/x');
    await logEntry(org.id);
    signInAs(people.admin);
    expect((await actions.deleteWebhookAction(initialActionState, form({ orgId: org.id, endpointId: id }))).code).toBe('action.invalid_input');
    expect((await actions.deleteWebhookAction(initialActionState, form({ orgId, endpointId: id, confirmDelete: 'yes' }))).code).toBe('webhook.not_found');
    expect((await actions.deleteWebhookAction(initialActionState, form({ orgId: org.id, endpointId: id, confirmDelete: 'yes' }))).ok).toBe(true);
    expect(await deliveriesOf(id)).toHaveLength(0);
    expect(slug).toBe('hooks-org');
  });
});

describe('the 20-endpoint cap', () => {
  // Found by the docs audit: the count, then the (slow) URL check, then the insert let overlapping registrations all
  // see room. The count and the insert now run in one transaction under a per-organization lock. The resolver below is
  // slow, as DNS can be, which makes the overlap certain here (without the lock: 5 of 5 passed on PGlite, 3 on PostgreSQL).
  it('holds under concurrent registrations', async () => {
    const org = await freshOrg();
    for (let i = 0; i < 18; i++) await endpointFor(org.id, `http://127.0.0.1:9/cap-${i}`);
    const slowResolve = async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        registerWebhookEndpoint(
          db,
          { orgId: org.id, actorId: people.admin.id, url: `http://hooks-${i}.example.org/x`, kinds: null, at: clock.now },
          { allowPrivate: true, resolve: slowResolve },
        ),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(2);
    expect(await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.orgId, org.id))).toHaveLength(20);
  });
});
