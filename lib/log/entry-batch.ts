// Entries laid out for hashing in batches (DESIGN §4). The verifier canonicalizes a run of
// entries into one EntryBatch, then has a batch hasher compute every entry's leaf hash and
// chain hash. In the browser that is hashEntryBatch below, in the same thread; in Node it may be
// a worker thread (./parallel-entry-hasher), so hashing runs beside the next batch's
// canonicalization. Browser-safe.

import type { Hasher } from './hash';

/**
 * Entry i of the batch is input[starts[i] .. ends[i]): a 32-byte slot, then the entry's
 * canonical JSON as UTF-8. When hasPrev[i] is 1 the slot holds the entry's prevHash as raw
 * bytes; otherwise the entry's prevHash was not a hash and it gets no chain hash.
 *
 * The hasher writes leaf hash i to leaves[32·i ..] and, when hasPrev[i], chain hash i to
 * chains[32·i ..]. Every array has its own ArrayBuffer so the batch can be transferred to a
 * worker and back without copying; a hasher returns the batch it was given, or one built on
 * the same (transferred) buffers.
 */
export type EntryBatch = {
  count: number;
  input: Uint8Array;
  starts: Uint32Array;
  ends: Uint32Array;
  hasPrev: Uint8Array;
  leaves: Uint8Array;
  chains: Uint8Array;
};

/** Computes a batch's leaf and chain hashes. May run elsewhere; resolves to the filled batch. */
export type EntryBatchHasher = (batch: EntryBatch) => EntryBatch | Promise<EntryBatch>;

export function newEntryBatch(capacity: number, inputBytes: number): EntryBatch {
  return {
    count: 0,
    input: new Uint8Array(inputBytes),
    starts: new Uint32Array(capacity),
    ends: new Uint32Array(capacity),
    hasPrev: new Uint8Array(capacity),
    leaves: new Uint8Array(32 * capacity),
    chains: new Uint8Array(32 * capacity),
  };
}

/**
 * Fills in a batch's hashes in this thread. The inputs are exactly those of leafHash (./merkle)
 * and chainHash (./hash): leaf = SHA-256(0x00 ‖ entry), RFC 6962 §2.1; chain =
 * SHA-256(prev hash ‖ entry). Both are hashed from the same bytes: the slot's last byte is set
 * to the leaf prefix for the first hash and put back for the second, so the entry is never
 * copied. The worker in ./entry-hash-worker.mjs does the same; a test holds them together.
 */
export function hashEntryBatch(h: Hasher, batch: EntryBatch): EntryBatch {
  const { input, starts, ends, hasPrev, leaves, chains } = batch;
  for (let i = 0; i < batch.count; i++) {
    const start = starts[i]!;
    const end = ends[i]!;
    const prevLast = input[start + 31]!;
    input[start + 31] = 0x00;
    leaves.set(h(input.subarray(start + 31, end)), 32 * i);
    if (hasPrev[i] === 1) {
      input[start + 31] = prevLast;
      chains.set(h(input.subarray(start, end)), 32 * i);
    }
  }
  return batch;
}
