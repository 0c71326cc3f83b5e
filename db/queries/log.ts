import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { decisionLog, logHeads } from '@/db/schema';
import { canonicalEntry, sealEntry } from '@/lib/log/entry';
import type { LogEntry, StoredEntry } from '@/lib/log/entry';
import { GENESIS_HASH, toHex } from '@/lib/log/hash';
import { appendLeaf, emptyFrontier, frontierFromJson, frontierRoot, frontierToJson, leafHash } from '@/lib/log/merkle';
import { utf8 } from '@/lib/log/canonical';
import { nodeSha256 as nodeHasher } from '@/lib/log/node-hash';
import { readStoredEntries } from './log-rows';
import { ensureOrgSigningKey } from './transparency';

// Signed tree heads, proofs and the public export live beside the log in ./transparency.
export { getOrgVerifierKey, latestCheckpoint, listCheckpoints, logExportStream } from './transparency';

export type LogEvent = {
  orgId: string;
  actorId: string | null;
  /** Dotted kind, e.g. 'proposal.published', 'vote.cast', 'seat.vacated'. */
  kind: string;
  /** What it is about, e.g. 'proposal:<id>', 'seat:<id>', 'membership:<id>'. */
  subject: string | null;
  payload: Record<string, unknown>;
  at: Date;
};

/**
 * Appends one entry to the organization's decision log, inside the caller's transaction, so the
 * event, its log entry and its outbox rows commit together or not at all.
 *
 * Appends are serialized per organization by locking the one-row head (FOR UPDATE): concurrent
 * writers queue there, so `seq` stays gapless and the chain never forks. The head also keeps the
 * Merkle frontier, making each append O(log n) instead of a rebuild of the tree.
 */
export async function appendLogEntry(tx: Executor, event: LogEvent): Promise<StoredEntry> {
  const created = await tx
    .insert(logHeads)
    .values({ orgId: event.orgId, size: 0, headHash: GENESIS_HASH, frontier: frontierToJson(emptyFrontier()) })
    .onConflictDoNothing({ target: logHeads.orgId })
    .returning({ orgId: logHeads.orgId });
  // The first append also makes the organization's signing key, in the same transaction, so
  // every log that exists has a key to sign its tree heads with (signing itself stays lazy).
  if (created.length > 0) await ensureOrgSigningKey(tx, event.orgId);
  const [head] = await tx.select().from(logHeads).where(eq(logHeads.orgId, event.orgId)).for('update');
  if (!head) throw new Error('decision log head missing after insert');

  const entry: LogEntry = {
    orgId: event.orgId,
    seq: head.size + 1,
    at: event.at.toISOString(),
    actorId: event.actorId,
    kind: event.kind,
    subject: event.subject,
    payload: event.payload,
  };
  const sealed = sealEntry(nodeHasher, head.headHash, entry);
  const canonical = canonicalEntry(entry);
  await tx.insert(decisionLog).values({
    orgId: entry.orgId,
    seq: entry.seq,
    at: event.at,
    actorId: entry.actorId,
    kind: entry.kind,
    subject: entry.subject,
    payload: entry.payload,
    entry: canonical,
    prevHash: sealed.prevHash,
    hash: sealed.hash,
  });
  const frontier = frontierToJson(appendLeaf(nodeHasher, frontierFromJson(head.frontier), leafHash(nodeHasher, utf8(canonical))));
  await tx
    .update(logHeads)
    .set({ size: entry.seq, headHash: sealed.hash, frontier, updatedAt: event.at })
    .where(eq(logHeads.orgId, event.orgId));
  return sealed;
}

export async function getLogHead(db: Executor, orgId: string): Promise<{ size: number; headHash: string; root: string } | null> {
  const [head] = await db.select().from(logHeads).where(eq(logHeads.orgId, orgId));
  if (!head) return null;
  return { size: head.size, headHash: head.headHash, root: toHex(frontierRoot(nodeHasher, frontierFromJson(head.frontier))) };
}

export type LogRow = {
  seq: number;
  at: Date;
  actorId: string | null;
  kind: string;
  subject: string | null;
  payload: Record<string, unknown>;
  prevHash: string;
  hash: string;
};

/** Newest first, keyset-paginated on (org_id, seq): `before` is the smallest seq already shown. */
export async function listLogEntries(db: Executor, orgId: string, opts: { before?: number; limit?: number; subject?: string } = {}): Promise<LogRow[]> {
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
  const conditions = [eq(decisionLog.orgId, orgId)];
  if (opts.before !== undefined) conditions.push(sql`${decisionLog.seq} < ${opts.before}`);
  if (opts.subject) conditions.push(eq(decisionLog.subject, opts.subject));
  return db
    .select({
      seq: decisionLog.seq,
      at: decisionLog.at,
      actorId: decisionLog.actorId,
      kind: decisionLog.kind,
      subject: decisionLog.subject,
      payload: decisionLog.payload,
      prevHash: decisionLog.prevHash,
      hash: decisionLog.hash,
    })
    .from(decisionLog)
    .where(and(...conditions))
    .orderBy(desc(decisionLog.seq))
    .limit(limit);
}

/** Entries in order from `afterSeq`, as stored, for verification and exports. */
export async function readLogRange(db: Executor, orgId: string, afterSeq: number, limit: number): Promise<StoredEntry[]> {
  return readStoredEntries(db, orgId, afterSeq, afterSeq + limit);
}
