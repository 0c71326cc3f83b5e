import 'server-only';
import { and, asc, desc, eq, gt, lte } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { decisionLog, logHeads, orgSigningKeys, organizations, treeHeads } from '@/db/schema';
import { listLogAttachments } from './attachments';
import { readStoredEntries } from './log-rows';
import { utf8 } from '@/lib/log/canonical';
import { toHex } from '@/lib/log/hash';
import { verifierKeyInfo } from '@/lib/log/keys';
import type { VerifierKeyInfo } from '@/lib/log/keys';
import { consistencyProof, frontierFromJson, frontierRoot, inclusionProof, leafHash, rootOf } from '@/lib/log/merkle';
import { nodeSha256 } from '@/lib/log/node-hash';
import { newOrgSigningKey, signCheckpoint } from '@/lib/log/signing-key';
import { LOG_EXPORT_FORMAT } from '@/lib/log/tree-heads';
import type { TreeHead } from '@/lib/log/tree-heads';
import { isWellFormedSlug } from '@/lib/validation/organization';

/** Rows read per query when walking a whole log (exports, proofs): bounded memory per step. */
export const LOG_CHUNK = 5_000;

// --- Signing keys ---------------------------------------------------------------------------

type StoredKey = typeof orgSigningKeys.$inferSelect;

/**
 * The organization's signing key row, created on first need (first log append, first
 * checkpoint). Concurrent creators race on the primary key; everyone then reads the one that
 * won, so no checkpoint is ever signed with a key that was not stored. Null for an unknown org.
 */
export async function ensureOrgSigningKey(tx: Executor, orgId: string): Promise<StoredKey | null> {
  const [existing] = await tx.select().from(orgSigningKeys).where(eq(orgSigningKeys.orgId, orgId));
  if (existing) return existing;
  const [org] = await tx.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, orgId));
  if (!org) return null;
  await tx
    .insert(orgSigningKeys)
    .values({ orgId, ...newOrgSigningKey(orgId, org.slug) })
    .onConflictDoNothing({ target: orgSigningKeys.orgId });
  const [stored] = await tx.select().from(orgSigningKeys).where(eq(orgSigningKeys.orgId, orgId));
  return stored ?? null;
}

/** The verifier key readers pin (shown on the organization's page). Null for an unknown org. */
export async function getOrgVerifierKey(db: Executor, orgId: string): Promise<VerifierKeyInfo | null> {
  const stored = await ensureOrgSigningKey(db, orgId);
  return stored ? verifierKeyInfo(stored) : null;
}

// --- Signed tree heads ------------------------------------------------------------------------

const treeHeadColumns = { size: treeHeads.size, rootHash: treeHeads.rootHash, note: treeHeads.note };

async function newestStoredTreeHead(db: Executor, orgId: string): Promise<TreeHead | undefined> {
  const [row] = await db.select(treeHeadColumns).from(treeHeads).where(eq(treeHeads.orgId, orgId)).orderBy(desc(treeHeads.size)).limit(1);
  return row;
}

async function signAndStore(tx: Executor, orgId: string, size: number, rootHash: string): Promise<TreeHead> {
  const key = await ensureOrgSigningKey(tx, orgId);
  if (!key) throw new Error(`latestCheckpoint: no organization ${orgId}`);
  const signed = signCheckpoint(orgId, key, size, rootHash);
  await tx
    .insert(treeHeads)
    .values({ orgId, ...signed })
    .onConflictDoNothing({ target: [treeHeads.orgId, treeHeads.size] });
  const [stored] = await tx
    .select(treeHeadColumns)
    .from(treeHeads)
    .where(and(eq(treeHeads.orgId, orgId), eq(treeHeads.size, size)));
  return stored ?? signed;
}

/**
 * The newest signed tree head, covering the log as it is now. Signing is lazy — appends stay
 * O(log n) and never sign — so when the newest stored head is older than the log head, a new
 * one is signed here from the frontier root kept in log_heads. The head row is locked FOR
 * UPDATE for the few milliseconds that takes, so concurrent readers sign each size once (and
 * the (org_id, size) key with ON CONFLICT DO NOTHING backs that up).
 */
export async function latestCheckpoint(db: Executor, orgId: string): Promise<TreeHead> {
  const [newest, [head]] = await Promise.all([
    newestStoredTreeHead(db, orgId),
    db.select({ size: logHeads.size }).from(logHeads).where(eq(logHeads.orgId, orgId)),
  ]);
  const size = head?.size ?? 0;
  if (newest && newest.size >= size) return newest;
  if (!head) {
    // An empty log has no head row to lock; its tree head is the same bytes whoever signs it
    // (Ed25519 is deterministic), so a race here costs nothing.
    return signAndStore(db, orgId, 0, toHex(nodeSha256(new Uint8Array(0))));
  }
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(logHeads).where(eq(logHeads.orgId, orgId)).for('update');
    if (!locked) throw new Error('latestCheckpoint: log head vanished');
    const [already] = await tx
      .select(treeHeadColumns)
      .from(treeHeads)
      .where(and(eq(treeHeads.orgId, orgId), eq(treeHeads.size, locked.size)));
    if (already) return already;
    const root = toHex(frontierRoot(nodeSha256, frontierFromJson(locked.frontier)));
    return signAndStore(tx, orgId, locked.size, root);
  });
}

/** Every stored tree head up to `maxSize`, oldest first: the evidence an export carries. */
export async function listCheckpoints(db: Executor, orgId: string, maxSize: number): Promise<TreeHead[]> {
  return db
    .select(treeHeadColumns)
    .from(treeHeads)
    .where(and(eq(treeHeads.orgId, orgId), lte(treeHeads.size, maxSize)))
    .orderBy(asc(treeHeads.size));
}

export async function getTreeHead(db: Executor, orgId: string, size: number): Promise<TreeHead | null> {
  const [row] = await db
    .select(treeHeadColumns)
    .from(treeHeads)
    .where(and(eq(treeHeads.orgId, orgId), eq(treeHeads.size, size)));
  return row ?? null;
}

// --- Public organizations -----------------------------------------------------------------------

export type TransparentOrganization = { id: string; slug: string; name: string };

/** The organization behind a public URL, or null when it does not exist or is not public. */
export async function getPublicOrganization(db: Executor, slug: string): Promise<TransparentOrganization | null> {
  if (!isWellFormedSlug(slug)) return null;
  const [org] = await db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.slug, slug), eq(organizations.isPublic, true)));
  return org ?? null;
}

// --- Export ---------------------------------------------------------------------------------

/**
 * The public JSON export (format `quorate-log-export/1`), as a stream: organization, origin,
 * verifier key and public key, every entry in seq order, the attachments entries name by hash,
 * then every signed checkpoint. Entries
 * are read 5,000 at a time as the client reads, so a million-entry log never sits in memory.
 *
 * The newest checkpoint is taken first and the entries are cut at its size, so the export is
 * one consistent snapshot even while appends go on: every checkpoint in it covers entries in it.
 */
export async function logExportStream(db: Executor, org: TransparentOrganization): Promise<ReadableStream<Uint8Array>> {
  const latest = await latestCheckpoint(db, org.id);
  const [key, checkpoints] = await Promise.all([getOrgVerifierKey(db, org.id), listCheckpoints(db, org.id, latest.size)]);
  if (!key) throw new Error(`logExportStream: no organization ${org.id}`);
  const head = JSON.stringify({
    format: LOG_EXPORT_FORMAT,
    organization: { id: org.id, slug: org.slug, name: org.name },
    origin: key.origin,
    verifierKey: key.vkey,
    publicKey: key.publicKeyB64,
  });
  const tail = `],"checkpoints":${JSON.stringify(checkpoints.map((c) => ({ size: c.size, note: c.note })))}}\n`;
  const encoder = new TextEncoder();
  let after = 0;
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${head.slice(0, -1)},"entries":[`));
    },
    async pull(controller) {
      // Loop until something is enqueued: a pull that enqueues nothing is not called again.
      // (A chunk can come back empty only if rows were removed behind the triggers' back; the
      // verifier then reports the gap.)
      while (after < latest.size) {
        const upTo = Math.min(after + LOG_CHUNK, latest.size);
        const entries = await readStoredEntries(db, org.id, after, upTo);
        after = upTo;
        if (entries.length > 0) {
          const body = entries.map((e) => JSON.stringify(e)).join(',');
          controller.enqueue(encoder.encode(first ? body : `,${body}`));
          first = false;
          return;
        }
      }
      // The attachments entries name by hash (a member-wide vote's roll and roll call, lib/log/attachment.ts), one at a time.
      const attachments = await listLogAttachments(db, org.id);
      controller.enqueue(encoder.encode('],"attachments":['));
      attachments.forEach((a, i) => controller.enqueue(encoder.encode(`${i > 0 ? ',' : ''}${JSON.stringify(a)}`)));
      controller.enqueue(encoder.encode(tail));
      controller.close();
    },
  });
}

// --- Proofs -----------------------------------------------------------------------------------

/**
 * Leaf hashes of the first `size` entries, from the stored canonical `entry` text, read in
 * chunks. O(n) reads and hashing per call: fine for logs of thousands of entries; at scale, a
 * stored leaf-hash column or a cache of perfect-subtree roots makes proofs O(log n).
 */
export async function readLeafHashes(db: Executor, orgId: string, size: number): Promise<Uint8Array[]> {
  const leaves: Uint8Array[] = [];
  for (let after = 0; after < size; after += LOG_CHUNK) {
    const rows = await db
      .select({ seq: decisionLog.seq, entry: decisionLog.entry })
      .from(decisionLog)
      .where(and(eq(decisionLog.orgId, orgId), gt(decisionLog.seq, after), lte(decisionLog.seq, Math.min(after + LOG_CHUNK, size))))
      .orderBy(asc(decisionLog.seq));
    for (const row of rows) {
      if (row.seq !== leaves.length + 1) throw new Error(`readLeafHashes: the log has no entry ${leaves.length + 1}`);
      leaves.push(leafHash(nodeSha256, utf8(row.entry)));
    }
  }
  if (leaves.length !== size) throw new Error(`readLeafHashes: the log has ${leaves.length} entries, not ${size}`);
  return leaves;
}

export type InclusionProof = { seq: number; treeSize: number; leafHash: string; proof: string[]; rootHash: string };

/** Audit path for entry `seq` (leaf index seq − 1) in the tree of the first `treeSize` entries. */
export async function getInclusionProof(db: Executor, orgId: string, seq: number, treeSize: number): Promise<InclusionProof> {
  const leaves = await readLeafHashes(db, orgId, treeSize);
  return {
    seq,
    treeSize,
    leafHash: toHex(leaves[seq - 1]!),
    proof: inclusionProof(nodeSha256, leaves, seq - 1).map(toHex),
    rootHash: toHex(rootOf(nodeSha256, leaves)),
  };
}

export type ConsistencyProof = { from: number; to: number; proof: string[]; fromRoot: string; toRoot: string };

/** Proof that the tree of the first `to` entries extends the tree of the first `from`. */
export async function getConsistencyProof(db: Executor, orgId: string, from: number, to: number): Promise<ConsistencyProof> {
  const leaves = await readLeafHashes(db, orgId, to);
  return {
    from,
    to,
    proof: consistencyProof(nodeSha256, leaves, from).map(toHex),
    fromRoot: toHex(rootOf(nodeSha256, leaves.slice(0, from))),
    toRoot: toHex(rootOf(nodeSha256, leaves)),
  };
}
