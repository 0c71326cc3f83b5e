import 'server-only';
import { performance } from 'node:perf_hooks';
import type { Database } from '@/db/client';
import { claimDueWebhooks, recordWebhookAttempt } from '@/db/queries/webhooks';
import type { ClaimedWebhook } from '@/db/queries/webhooks';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { startIntervalWorker } from '@/lib/worker/interval';
import { afterFailedAttempt, webhookMaxAttempts } from './backoff';
import type { Resolver } from './destination';
import { webhookBody } from './payload';
import { sendWebhook } from './send';

export type WebhookDeliveryOptions = {
  batchSize: number;
  maxAttempts: number;
  /** Per request: a receiver that has not answered by then has failed this attempt. */
  timeoutMs: number;
  /** Longer than a batch can take (requests run `concurrency` at a time, each within `timeoutMs`). */
  leaseMs: number;
  concurrency: number;
  allowPrivate: boolean;
  resolve?: Resolver;
};

export function webhookDeliveryOptions(overrides: Partial<WebhookDeliveryOptions> = {}): WebhookDeliveryOptions {
  return {
    batchSize: 50,
    maxAttempts: webhookMaxAttempts,
    timeoutMs: 10_000,
    leaseMs: 300_000,
    concurrency: 4,
    allowPrivate: env().webhooks.allowPrivate,
    ...overrides,
  };
}

export type WebhookBatchResult = { claimed: number; delivered: number; retried: number; dead: number };

/**
 * One batch: claim (SKIP LOCKED, leased), send a few at a time, record each outcome as soon as it
 * is known (fenced by the lease). A crash loses only the in-flight attempts' bookkeeping: those
 * are sent again after the lease, with the same webhook-id, so the receiver can tell.
 */
export async function deliverWebhookBatch(db: Database, at: Date, opts: WebhookDeliveryOptions, claimedAt: Date = at): Promise<WebhookBatchResult> {
  const claimTime = Math.max(at.getTime(), claimedAt.getTime());
  const leaseUntil = new Date(claimTime + opts.leaseMs);
  const rows = await claimDueWebhooks(db, { at, leaseUntil, limit: opts.batchSize });
  const result: WebhookBatchResult = { claimed: rows.length, delivered: 0, retried: 0, dead: 0 };
  let next = 0;
  const sendOne = async (row: ClaimedWebhook) => {
    const body = JSON.stringify(webhookBody(row.orgSlug, row.entry));
    const sent = await sendWebhook({ url: row.url, secret: row.secret }, row.id, body, {
      allowPrivate: opts.allowPrivate,
      timeoutMs: opts.timeoutMs,
      resolve: opts.resolve,
    });
    const attemptAt = new Date(claimTime);
    if (sent.ok) {
      await recordWebhookAttempt(db, row.id, leaseUntil, {
        delivered: true,
        dead: false,
        status: sent.status,
        response: sent.response,
        at: attemptAt,
        nextAttemptAt: null,
      });
      result.delivered++;
      return;
    }
    const fate = afterFailedAttempt(row.attempts, attemptAt, opts.maxAttempts);
    await recordWebhookAttempt(db, row.id, leaseUntil, {
      delivered: false,
      dead: fate.dead,
      status: sent.status,
      response: sent.response,
      at: attemptAt,
      nextAttemptAt: fate.dead ? null : fate.nextAttemptAt,
    });
    if (fate.dead) result.dead++;
    else result.retried++;
  };
  const lane = async () => {
    while (next < rows.length) await sendOne(rows[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, rows.length) }, lane));
  return result;
}

/** Drains due deliveries, batch after batch until one comes back short; each batch leased from its own claim time. */
export async function deliverDueWebhooks(db: Database, at: Date, opts: WebhookDeliveryOptions = webhookDeliveryOptions()): Promise<WebhookBatchResult> {
  const started = performance.now();
  const total: WebhookBatchResult = { claimed: 0, delivered: 0, retried: 0, dead: 0 };
  for (;;) {
    const r = await deliverWebhookBatch(db, at, opts, new Date(at.getTime() + Math.ceil(performance.now() - started)));
    total.claimed += r.claimed;
    total.delivered += r.delivered;
    total.retried += r.retried;
    total.dead += r.dead;
    if (r.claimed < opts.batchSize) return total;
  }
}

/** The webhook worker inside the app process (QUORATE_WORKER=0 leaves it to `npm run worker`). */
export function startWebhookWorker(getDb: () => Database, intervalMs = env().delivery.intervalMs): void {
  startIntervalWorker('quorate.webhookWorker', intervalMs, '[webhooks] pass failed:', () => {
    const opts = webhookDeliveryOptions();
    return () => deliverDueWebhooks(getDb(), now(), opts);
  });
}
