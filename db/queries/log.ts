import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { decisionLog, logActorNames, logHeads, users, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { canonicalEntry, sealEntry } from '@/lib/log/entry';
import type { LogEntry, StoredEntry } from '@/lib/log/entry';
import { GENESIS_HASH, toHex } from '@/lib/log/hash';
import { appendLeaf, emptyFrontier, frontierFromJson, frontierRoot, frontierToJson, leafHash } from '@/lib/log/merkle';
import { utf8 } from '@/lib/log/canonical';
import { nodeSha256 as nodeHasher } from '@/lib/log/node-hash';
import { readStoredEntries } from './log-rows';
import { reusableStatement, rowDecoder, rowsOf } from './prepared';
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

/** An organization's log head, read under its row lock: appends after it chain from here. */
export type LockedLogHead = { orgId: string; size: number; headHash: string; frontier: unknown };

const headColumns = { orgId: logHeads.orgId, size: logHeads.size, headHash: logHeads.headHash, frontier: logHeads.frontier };

const lockHeadStatement = reusableStatement(
  'quorate_lock_log_head',
  () => sql`select * from ${logHeads} where org_id = ${sql.placeholder('orgId')}::uuid for update`,
);
const decodeHead = rowDecoder(logHeads);
const headFromRow = (raw: Record<string, unknown>): LockedLogHead => {
  const { orgId, size, headHash, frontier } = decodeHead(raw);
  return { orgId, size, headHash, frontier };
};

/**
 * Locks the organization's one-row log head (FOR UPDATE) and reads it, in one statement; on the
 * organization's very first append it creates the head (and the signing key) first. Hold it to
 * the end of the transaction: concurrent appenders queue on this lock, which is what keeps `seq`
 * gapless and the chain unforked.
 */
export async function lockLogHead(tx: Executor, orgId: string): Promise<LockedLogHead> {
  const [locked] = rowsOf(await lockHeadStatement(tx, { orgId }));
  if (locked) return headFromRow(locked);
  // First append. A concurrent first append waits on the primary key here and, once the other
  // commits, inserts nothing; the locking read below then queues behind it like any append.
  const [created] = await tx
    .insert(logHeads)
    .values({ orgId, size: 0, headHash: GENESIS_HASH, frontier: frontierToJson(emptyFrontier()) })
    .onConflictDoNothing({ target: logHeads.orgId })
    .returning(headColumns);
  // The first append also makes the organization's signing key, in the same transaction, so
  // every log that exists has a key to sign its tree heads with (signing itself stays lazy).
  if (created) {
    await ensureOrgSigningKey(tx, orgId);
    return created;
  }
  const [after] = await tx.select(headColumns).from(logHeads).where(eq(logHeads.orgId, orgId)).for('update');
  if (!after) throw new Error('decision log head missing after insert');
  return after;
}

/** The entry, its actor's name as recorded and the head's advance, one statement: the INSERTs as CTEs of the head's UPDATE. */
const appendStatement = reusableStatement('quorate_append_log_entry', (db) => {
  const value = (name: string) => sql.placeholder(name);
  const insertEntry = db.insert(decisionLog).values({
    orgId: value('orgId'),
    seq: value('seq'),
    at: value('at'),
    actorId: value('actorId'),
    kind: value('kind'),
    subject: value('subject'),
    payload: value('payload'),
    entry: value('entry'),
    prevHash: value('prevHash'),
    hash: value('hash'),
  });
  // Written out: drizzle's update() takes no placeholders. Values already in the driver's form.
  const advanceHead = sql`update ${logHeads} set size = ${value('seq')}::bigint, head_hash = ${value('hash')}::text, frontier = ${value('frontierJson')}::jsonb, updated_at = ${value('atText')}::timestamptz where org_id = ${value('orgId')}::uuid`;
  // The actor's name as it is now, beside the entry and outside its hash (no row without an actor).
  const recordName = sql`insert into ${logActorNames} (org_id, seq, actor_id, name) select ${value('orgId')}::uuid, ${value('seq')}::bigint, ${users.id}, ${users.name} from ${users} where ${users.id} = ${value('actorId')}::text`;
  // The webhook outbox (db/schema/webhooks.ts): one delivery per enabled endpoint of the organization that asked for this
  // kind (or for every kind), in the same statement, so an entry and its deliveries commit together or not at all.
  const enqueueWebhooks = sql`insert into ${webhookDeliveries} (org_id, endpoint_id, seq, kind, next_attempt_at, created_at) select ${webhookEndpoints.orgId}, ${webhookEndpoints.id}, ${value('seq')}::bigint, ${value('kind')}::text, ${value('atText')}::timestamptz, ${value('atText')}::timestamptz from ${webhookEndpoints} where ${webhookEndpoints.orgId} = ${value('orgId')}::uuid and ${webhookEndpoints.enabled} and (${webhookEndpoints.kinds} is null or ${value('kind')}::text = any(${webhookEndpoints.kinds}))`;
  return sql`with appended as (${insertEntry.getSQL()}), named as (${recordName}), hooked as (${enqueueWebhooks}) ${advanceHead}`;
});

/**
 * Appends one entry after a head locked by lockLogHead in this transaction, and advances `head`
 * in place (so a second append may follow — after this one has settled, never beside it). The
 * entry and the new head are written by one statement (the INSERT as a CTE of the head's
 * UPDATE): both or neither. Starts its statement as soon as it is called.
 */
export async function appendAfterLockedHead(tx: Executor, head: LockedLogHead, event: LogEvent): Promise<StoredEntry> {
  if (head.orgId !== event.orgId) throw new Error('appendAfterLockedHead: the head belongs to another organization');
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
  const frontier = frontierToJson(appendLeaf(nodeHasher, frontierFromJson(head.frontier), leafHash(nodeHasher, utf8(canonical))));
  await appendStatement(tx, {
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
    frontierJson: JSON.stringify(frontier),
    atText: event.at.toISOString(),
  });
  head.size = entry.seq;
  head.headHash = sealed.hash;
  head.frontier = frontier;
  return sealed;
}

/**
 * Appends one entry to the organization's decision log, inside the caller's transaction, so the
 * event, its log entry and its outbox rows commit together or not at all.
 *
 * Appends are serialized per organization by locking the one-row head (FOR UPDATE): concurrent
 * writers queue there, so `seq` stays gapless and the chain never forks. The head also keeps the
 * Merkle frontier, making each append O(log n) instead of a rebuild of the tree. Two statements
 * once the head exists: lock and read the head; insert the entry and advance the head.
 */
export async function appendLogEntry(tx: Executor, event: LogEvent): Promise<StoredEntry> {
  return appendAfterLockedHead(tx, await lockLogHead(tx, event.orgId), event);
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

/** Entries in order from `afterSeq`, as stored, for verification and exports. */
export async function readLogRange(db: Executor, orgId: string, afterSeq: number, limit: number): Promise<StoredEntry[]> {
  return readStoredEntries(db, orgId, afterSeq, afterSeq + limit);
}
