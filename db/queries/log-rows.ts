import 'server-only';
import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { decisionLog } from '@/db/schema';
import type { StoredEntry } from '@/lib/log/entry';

/**
 * Entries with afterSeq < seq ≤ upToSeq, in order, read from the `entry` text their hash covers
 * (not from the columns beside it, which no hash covers and the public pages do not show), with
 * the stored prevHash and hash. An edit to that text, made behind the triggers, shows up in
 * verification as a hash mismatch. Text that does not parse is passed on as
 * `{ seq, entry, prevHash, hash }`, which the verifier reports as malformed.
 */
export async function readStoredEntries(db: Executor, orgId: string, afterSeq: number, upToSeq: number): Promise<StoredEntry[]> {
  const rows = await db
    .select({ seq: decisionLog.seq, entry: decisionLog.entry, prevHash: decisionLog.prevHash, hash: decisionLog.hash })
    .from(decisionLog)
    .where(and(eq(decisionLog.orgId, orgId), gt(decisionLog.seq, afterSeq), lte(decisionLog.seq, upToSeq)))
    .orderBy(asc(decisionLog.seq));
  return rows.map((r) => {
    let parsed: Partial<StoredEntry> | null = null;
    try {
      parsed = JSON.parse(r.entry) as Partial<StoredEntry>;
    } catch {
      parsed = null;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      return { seq: r.seq, entry: r.entry, prevHash: r.prevHash, hash: r.hash } as unknown as StoredEntry;
    const { orgId: o, seq, at, actorId, kind, subject, payload } = parsed;
    return { orgId: o, seq, at, actorId, kind, subject, payload, prevHash: r.prevHash, hash: r.hash } as StoredEntry;
  });
}

export type ChainRow = { seq: number; entry: string; prevHash: string; hash: string };

/** The hashed text and chain columns of entries afterSeq < seq ≤ upToSeq, in order: what the chain check reads. */
export async function readChainRows(db: Executor, orgId: string, afterSeq: number, upToSeq: number): Promise<ChainRow[]> {
  return db
    .select({ seq: decisionLog.seq, entry: decisionLog.entry, prevHash: decisionLog.prevHash, hash: decisionLog.hash })
    .from(decisionLog)
    .where(and(eq(decisionLog.orgId, orgId), gt(decisionLog.seq, afterSeq), lte(decisionLog.seq, upToSeq)))
    .orderBy(asc(decisionLog.seq));
}
