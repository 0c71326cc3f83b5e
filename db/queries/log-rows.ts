import 'server-only';
import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { decisionLog } from '@/db/schema';
import type { StoredEntry } from '@/lib/log/entry';

/**
 * Entries with afterSeq < seq ≤ upToSeq, in order, as stored — the columns the public pages
 * show (not the `entry` text), so an edit made behind the triggers shows up in verification.
 */
export async function readStoredEntries(db: Executor, orgId: string, afterSeq: number, upToSeq: number): Promise<StoredEntry[]> {
  const rows = await db
    .select()
    .from(decisionLog)
    .where(and(eq(decisionLog.orgId, orgId), gt(decisionLog.seq, afterSeq), lte(decisionLog.seq, upToSeq)))
    .orderBy(asc(decisionLog.seq));
  return rows.map((r) => ({
    orgId: r.orgId,
    seq: r.seq,
    at: r.at.toISOString(),
    actorId: r.actorId,
    kind: r.kind,
    subject: r.subject,
    payload: r.payload,
    prevHash: r.prevHash,
    hash: r.hash,
  }));
}
