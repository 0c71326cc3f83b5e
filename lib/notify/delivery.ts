import 'server-only';
import { performance } from 'node:perf_hooks';
import type { Transporter } from 'nodemailer';
import type { Database, Executor } from '@/db/client';
import { claimDueMail, dueDigestGroups, foldDigest, markMailFailed, markMailSent } from '@/db/queries/notify';
import type { ClaimedMail } from '@/db/queries/notify';
import { appendLogEntry } from '@/db/queries/log';
import { latestCheckpoint } from '@/db/queries/transparency';
import { now } from '@/lib/clock';
import { appBaseUrl, env } from '@/lib/env';
import { startIntervalWorker } from '@/lib/worker/interval';
import { CHECKPOINT_UNAVAILABLE, deliveryFailureOf, englishDeliveryFailure } from './delivery-failure';
import { expandFanouts } from './fanout';
import { isOptionalKind } from './kinds';
import type { NotificationKind } from './kinds';
import { createSmtpTransporter, sendViaSmtp, writeMailFile } from './mailer';
import type { OutgoingMail } from './mailer';
import { meetingInvite } from './meeting-invite';
import { notificationMail } from './templates';
import { mailLocale } from '@/lib/i18n/locales';
import type { NotificationPayload } from './templates';
import { signUnsubscribeToken } from './unsubscribe-token';

/** Where delivered mail goes: pooled SMTP, or the local mail folder (dev, tests). */
export type MailTransport = { kind: 'smtp' | 'file'; send: (mail: OutgoingMail) => Promise<void>; close: () => Promise<void> };

export function smtpMailTransport(url: string, from: string): MailTransport {
  const transporter: Transporter = createSmtpTransporter(url);
  return {
    kind: 'smtp',
    send: async (mail) => {
      await sendViaSmtp(transporter, from, mail);
    },
    close: async () => transporter.close(),
  };
}

export function fileMailTransport(dir: string, from: string): MailTransport {
  return {
    kind: 'file',
    send: async (mail) => {
      await writeMailFile(dir, { ...mail, from });
    },
    close: async () => {},
  };
}

/** SMTP_URL selects real SMTP; without it, the mail folder the dev mail page lists. */
export function defaultMailTransport(): MailTransport {
  const e = env();
  return e.smtpUrl ? smtpMailTransport(e.smtpUrl, e.mailFrom) : fileMailTransport(e.mailDir, e.mailFrom);
}

export type DeliveryOptions = { batchSize: number; maxAttempts: number; retryBaseMs: number; leaseMs: number; concurrency: number };

export function deliveryOptions(overrides: Partial<DeliveryOptions> = {}): DeliveryOptions {
  const d = env().delivery;
  return { batchSize: d.batchSize, maxAttempts: d.maxAttempts, retryBaseMs: d.retryBaseMs, leaseMs: d.leaseMs, concurrency: 8, ...overrides };
}

/** Exponential backoff after the n-th failed attempt, capped at 6 hours. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

/**
 * What an organization admin is told about a failed delivery, in English: the kind of failure and the SMTP status,
 * never the server's host names, paths or credentials (lib/notify/delivery-failure.ts has the codes and their facts).
 */
export function describeDeliveryError(error: unknown): string {
  return englishDeliveryFailure(deliveryFailureOf(error));
}

type MailCheckpoint = { size: number; rootHash: string; note: string };

/** The outbox row as a message: template, links, unsubscribe headers, checkpoint footer. */
export function renderOutboxMail(row: ClaimedMail, checkpoint: MailCheckpoint | null, secret: string, appUrl: string): OutgoingMail {
  const kind = row.kind as NotificationKind;
  const unsubscribeKind = kind === 'digest' ? 'all' : isOptionalKind(kind) && !row.mandatory ? kind : null;
  const token = unsubscribeKind ? signUnsubscribeToken(secret, { userId: row.recipientUserId, orgId: row.orgId, kind: unsubscribeKind }) : null;
  const unsubscribeUrl = token ? `${appUrl}/unsubscribe?t=${token}` : null;
  const locale = mailLocale(row.recipientLocale, row.orgLocale);
  const mail = notificationMail({
    kind,
    payload: row.payload as NotificationPayload,
    organizationName: row.orgName,
    appUrl,
    orgSlug: row.orgSlug,
    recipientName: row.recipientName,
    mandatory: row.mandatory,
    unsubscribeUrl,
    preferencesUrl: `${appUrl}/o/${row.orgSlug}/settings/notifications`,
    checkpoint,
    locale,
  });
  const headers: Record<string, string> = { 'X-Quorate-Kind': kind };
  // RFC 8058: a one-click POST to this URL unsubscribes, no sign-in, no page to visit.
  if (token)
    Object.assign(headers, { 'List-Unsubscribe': `<${appUrl}/unsubscribe/one-click?t=${token}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  const host = new URL(appUrl).hostname;
  // The file name sorts by enqueue time and is the same on every attempt: a resend overwrites.
  const fileId = `${row.createdAt.toISOString().replace(/[:.]/g, '-')}-${row.id}`;
  const payload = row.payload as NotificationPayload;
  // A meeting notice carries its calendar invitation (REQUEST, or CANCEL once cancelled), in the notice's language.
  const attachments =
    kind === 'meeting_notice' && payload.meeting
      ? [
          meetingInvite({
            meeting: payload.meeting,
            organizationName: row.orgName,
            host,
            url: `${appUrl}/o/${row.orgSlug}/meetings/${payload.meeting.number}`,
            recipient: { email: row.email, name: row.recipientName },
            stamp: row.createdAt,
            locale,
          }),
        ]
      : undefined;
  return { to: row.email, ...mail, headers, messageId: `<${row.id}@${host}>`, fileId, ...(attachments ? { attachments } : {}) };
}

/** A notice the charter requires (publication to a seat holder, right of reply): which proposal it is about. */
function mandatoryNoticeOf(row: ClaimedMail): { proposalId: string; number: number | null } | null {
  if (!row.mandatory || (row.kind !== 'proposal_published' && row.kind !== 'right_of_reply')) return null;
  const [prefix, proposalId] = (row.eventKey ?? '').split(':');
  if ((prefix !== 'published' && prefix !== 'reply') || !proposalId) return null;
  return { proposalId, number: typeof row.payload.number === 'number' ? row.payload.number : null };
}

type MandatoryNotice = NonNullable<ReturnType<typeof mandatoryNoticeOf>>;

/**
 * Marks a mandatory notice's mail with `mark` and, in the same transaction, puts what became of it on the public
 * record as a `kind` entry (so never twice, never lost); nothing is logged when `mark` finds the lease gone.
 */
async function markLoggingNotice(
  db: Database,
  row: ClaimedMail,
  notice: MandatoryNotice,
  mark: (tx: Executor) => Promise<boolean>,
  kind: 'notice.failed' | 'notice.delivered_after_retry',
  details: Record<string, unknown>,
  at: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await mark(tx))) return;
    await appendLogEntry(tx, {
      orgId: row.orgId,
      actorId: null,
      kind,
      subject: `proposal:${notice.proposalId}`,
      payload: { number: notice.number, kind: row.kind, recipientUserId: row.recipientUserId, ...details },
      at,
    });
  });
}

export type BatchResult = { claimed: number; sent: number; retried: number; dead: number };

/**
 * One batch: claim (FOR UPDATE SKIP LOCKED, leased), render, send a few at a time, and record
 * each message's fate as soon as it is known — so a crash loses at most the in-flight messages'
 * bookkeeping: they are re-sent after the lease expires (same Message-ID, same file name),
 * and nothing already marked sent is ever sent again.
 *
 * `at` is the pass's time: what is due, and whose lease has run out, is judged by it. The lease
 * runs from `claimedAt`, the time this batch is claimed (a long pass claims its later batches
 * after `at`; a lease measured from `at` would already be over, and another worker would take
 * rows this one is still sending).
 */
export async function deliverBatch(
  db: Database,
  transport: MailTransport,
  at: Date,
  opts: DeliveryOptions = deliveryOptions(),
  claimedAt: Date = at,
): Promise<BatchResult> {
  const claimTime = Math.max(at.getTime(), claimedAt.getTime());
  const leaseUntil = new Date(claimTime + opts.leaseMs);
  const rows = await claimDueMail(db, { at, leaseUntil, limit: opts.batchSize });
  const result: BatchResult = { claimed: rows.length, sent: 0, retried: 0, dead: 0 };
  if (rows.length === 0) return result;
  const e = env();
  const appUrl = appBaseUrl(e);
  // Every notice, of every kind, carries the organization's newest signed checkpoint in full. When it cannot be read
  // (the database, or the signing key), the organization's rows are not sent without it: each is a failed attempt,
  // tried again with the backoff, then a dead letter its admins see and retry, as when the mail server refuses.
  const checkpoints = new Map<string, MailCheckpoint | null>();
  for (const orgId of new Set(rows.map((r) => r.orgId))) {
    try {
      const head = await latestCheckpoint(db, orgId);
      checkpoints.set(orgId, { size: head.size, rootHash: head.rootHash, note: head.note });
    } catch (error) {
      console.error(`[delivery] the checkpoint of ${orgId} could not be read:`, error instanceof Error ? error.message : error);
      checkpoints.set(orgId, null);
    }
  }
  let next = 0;
  const sendOne = async (row: ClaimedMail) => {
    try {
      const checkpoint = checkpoints.get(row.orgId);
      if (!checkpoint) throw Object.assign(new Error(`no checkpoint for organization ${row.orgId}`), { code: CHECKPOINT_UNAVAILABLE });
      await transport.send(renderOutboxMail(row, checkpoint, e.authSecret, appUrl));
    } catch (error) {
      const dead = row.attempts >= opts.maxAttempts;
      // The raw error (server names, paths) goes to the operator's log; the organization's admins,
      // who see lastError on their Delivery page, get what happened in words.
      console.error(`[delivery] ${row.id} failed:`, error instanceof Error ? error.message : error);
      const failure = { error: describeDeliveryError(error), dead, nextAttemptAt: new Date(claimTime + retryDelayMs(row.attempts, opts.retryBaseMs)), at };
      const notice = dead ? mandatoryNoticeOf(row) : null;
      if (notice) {
        // A notice the charter requires did not reach its recipient: that goes on the public
        // record, in the same transaction that makes it a dead letter (so never twice, never lost).
        await markLoggingNotice(db, row, notice, (tx) => markMailFailed(tx, row.id, leaseUntil, failure), 'notice.failed', { attempts: row.attempts }, at);
      } else await markMailFailed(db, row.id, leaseUntil, failure);
      if (dead) result.dead++;
      else result.retried++;
      return;
    }
    const sentAt = now();
    const late = row.deadLetteredAt ? mandatoryNoticeOf(row) : null;
    if (late) {
      await markLoggingNotice(db, row, late, (tx) => markMailSent(tx, row.id, leaseUntil, sentAt), 'notice.delivered_after_retry', {}, at);
    } else await markMailSent(db, row.id, leaseUntil, sentAt);
    result.sent++;
  };
  const lane = async () => {
    while (next < rows.length) await sendOne(rows[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, rows.length) }, lane));
  return result;
}

/** Start of the UTC day containing `at`; digests carry everything enqueued before it. */
export function digestCutoff(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/** Folds yesterday's (and older) digest items into one mail per person per organization. */
export async function runDigests(db: Database, at: Date): Promise<number> {
  const before = digestCutoff(at);
  const day = before.toISOString().slice(0, 10);
  let folded = 0;
  for (const g of await dueDigestGroups(db, before)) {
    if (await db.transaction((tx) => foldDigest(tx, { ...g, before, day, at }))) folded++;
  }
  return folded;
}

/**
 * Drains due mail: member-wide audiences written first (fanout.ts), then batches until one comes back short. Returns how many were sent.
 * Each batch is leased from its own claim time: `at` plus the real time the pass has taken so far (a monotonic
 * clock, so a caller's simulated `at` and the server's `now()` both advance with it).
 */
export async function deliverDue(db: Database, transport: MailTransport, at: Date, opts: DeliveryOptions = deliveryOptions()): Promise<BatchResult> {
  const started = performance.now();
  const claimedAt = () => new Date(at.getTime() + Math.ceil(performance.now() - started));
  const total: BatchResult = { claimed: 0, sent: 0, retried: 0, dead: 0 };
  await expandFanouts(db, at);
  await runDigests(db, at);
  for (;;) {
    const r = await deliverBatch(db, transport, at, opts, claimedAt());
    total.claimed += r.claimed;
    total.sent += r.sent;
    total.retried += r.retried;
    total.dead += r.dead;
    if (r.claimed < opts.batchSize) return total;
  }
}

/** The delivery worker inside the app process (QUORATE_WORKER=0 leaves it to `npm run worker`). */
export function startDeliveryWorker(getDb: () => Database, intervalMs = env().delivery.intervalMs): void {
  startIntervalWorker('quorate.deliveryWorker', intervalMs, '[delivery] pass failed:', () => {
    const transport = defaultMailTransport();
    return () => deliverDue(getDb(), transport, now());
  });
}
