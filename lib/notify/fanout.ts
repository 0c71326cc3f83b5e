import 'server-only';
import type { Database, Executor } from '@/db/client';
import { insertFanoutEvent, insertMemberOutboxRows, markFannedOut, nextFanout } from '@/db/queries/fanout';
import { insertRollOutboxRows } from '@/db/queries/rolls';
import type { NotificationKind } from './kinds';
import type { NotificationPayload } from './templates';

/**
 * A member-wide vote's notices go to its whole roll, or to every member: 100,000 outbox rows would
 * cost seconds inside the event's transaction. Instead the event's transaction records the event
 * with its audience, described (not listed) — a roll that is already snapshotted and never
 * changes, or every member when the rows are written plus named seat holders — and the mail
 * worker writes the rows afterwards (expandFanouts), the same rows enqueueNotice would have
 * written: preferences applied, mandatory copies ignoring them, one per idempotency key.
 *
 * So an event still never happens without its notices (its audience commits with it) and no
 * notice goes out for an event that rolled back; what moves out of the transaction is only the
 * writing of the rows, which the next worker pass does, once, whatever number of workers run.
 */
export type FanoutAudience =
  /** The members on a member-wide stage's roll, snapshotted when its voting opened. */
  | { kind: 'roll'; proposalId: string; stageIndex: number }
  /** Every member when the worker writes the rows, moments after the event (optional copies), and seat holders named here (mandatory, or optional). */
  | { kind: 'members'; mandatory: string[]; optional: string[] };

export async function enqueueFanout(
  tx: Executor,
  e: { orgId: string; key: string; kind: NotificationKind; payload: NotificationPayload; audience: FanoutAudience; at: Date },
): Promise<boolean> {
  return insertFanoutEvent(tx, e);
}

/**
 * Writes the outbox rows of waiting audiences, oldest first, one event per transaction (taken
 * with SKIP LOCKED, so workers share the work and never write one twice). Returns the rows written.
 */
export async function expandFanouts(db: Database, at: Date, maxEvents = 20): Promise<number> {
  let written = 0;
  for (let i = 0; i < maxEvents; i++) {
    const step = await db.transaction(async (tx) => {
      const event = await nextFanout(tx);
      if (!event) return null;
      const rows = await expandOne(tx, event);
      await markFannedOut(tx, event.id, at);
      return rows;
    });
    if (step === null) break;
    written += step;
  }
  return written;
}

async function expandOne(
  tx: Executor,
  e: { id: string; key: string; orgId: string; kind: string; createdAt: Date; audience: Record<string, unknown> },
): Promise<number> {
  const audience = e.audience as FanoutAudience;
  const base = { eventId: e.id, eventKey: e.key, orgId: e.orgId, kind: e.kind, at: e.createdAt };
  if (audience.kind === 'roll') return insertRollOutboxRows(tx, { ...base, proposalId: audience.proposalId, stageIndex: audience.stageIndex });
  if (audience.kind === 'members') return insertMemberOutboxRows(tx, { ...base, mandatory: audience.mandatory, optional: audience.optional });
  throw new Error(`notify event ${e.key}: unknown audience ${JSON.stringify(e.audience)}`);
}
