// Entries laid out for hashing in batches (docs/design.md §4). The verifier canonicalizes a run of
// entries into one EntryBatch; a batch hasher then computes each entry's leaf hash and chain
// hash and compares the chain hash with the stored one. In the browser that is hashEntryBatch
// below, in the same thread; in Node it may be a worker thread (./parallel-entry-hasher), which
// hashes one batch while the verifier canonicalizes the next and builds the Merkle tree from
// the batch before. Browser-safe.

import type { Hasher } from './hash';

/** Chain outcomes, set by the hasher. */
export const NO_CHAIN = 0; // no chain hash: prevHash is not 64 lowercase hex digits
export const CHAIN_MATCHES = 1;
export const CHAIN_DIFFERS = 2; // includes a stored hash that is not 64 lowercase hex digits

/**
 * Entry i of the batch is input[starts[i] .. ends[i]): 32 scratch bytes, then the entry's
 * canonical JSON as UTF-8. hex[128·i .. 128·i + 128) is its stored hash then its prevHash, 64
 * characters each as found in the export (a value that is not a 64-character string is given as
 * 64 spaces, which no hash matches). The hasher checks and decodes these — they are ASCII hex in
 * any export worth verifying, and leaving the check to the hasher keeps it off the thread that
 * canonicalizes.
 *
 * The chain input [prev hash ‖ entry] is input[start .. end) once the prevHash is decoded into
 * the scratch bytes, and the leaf input [0x00 ‖ entry] is input[start + 31 .. end) with that
 * byte set to 0x00 first: the entry is hashed in place, never copied.
 *
 * Outputs: leaf hash i at leaves[32·i ..], chain hash i at chains[32·i ..] and chain[i] one
 * of NO_CHAIN, CHAIN_MATCHES, CHAIN_DIFFERS. Every typed array has its own ArrayBuffer, so the
 * batch can be transferred to a worker and back without copying; a hasher resolves to the batch
 * it was given, or to one built on the same (transferred) buffers.
 */
export type EntryBatch = {
  count: number;
  input: Uint8Array;
  starts: Uint32Array;
  ends: Uint32Array;
  hex: string;
  leaves: Uint8Array;
  chains: Uint8Array;
  chain: Uint8Array;
};

/** Fills in a batch's outputs. May run elsewhere; resolves to the filled batch. */
export type EntryBatchHasher = (batch: EntryBatch) => EntryBatch | Promise<EntryBatch>;

export function newEntryBatch(capacity: number, inputBytes: number): EntryBatch {
  return {
    count: 0,
    input: new Uint8Array(inputBytes),
    starts: new Uint32Array(capacity),
    ends: new Uint32Array(capacity),
    hex: '',
    leaves: new Uint8Array(32 * capacity),
    chains: new Uint8Array(32 * capacity),
    chain: new Uint8Array(capacity),
  };
}

// The value of each lowercase hex digit by character code, -1 for anything else (uppercase
// too: with one spelling per hash, an edited "ABC…" cannot pass as the same value).
const HEX_DIGIT = new Int8Array(65536).fill(-1);
for (let c = 0; c < 16; c++) HEX_DIGIT['0123456789abcdef'.charCodeAt(c)] = c;
const hexValue = (code: number): number => HEX_DIGIT[code]!;

/**
 * Fills in a batch's outputs in this thread. The inputs are exactly those of leafHash (./merkle)
 * and chainHash (./hash): leaf = SHA-256(0x00 ‖ entry), RFC 6962 §2.1; chain =
 * SHA-256(prev hash ‖ entry). The worker in ./entry-hash-worker.mjs does the same; verify.test.ts
 * runs every case through both and requires the same report.
 */
export function hashEntryBatch(h: Hasher, batch: EntryBatch): EntryBatch {
  const { input, starts, ends, hex, leaves, chains, chain } = batch;
  for (let i = 0; i < batch.count; i++) {
    const start = starts[i]!;
    const end = ends[i]!;
    input[start + 31] = 0x00;
    leaves.set(h(input.subarray(start + 31, end)), 32 * i);
    // The prevHash, decoded into the scratch bytes; a non-hex digit leaves the entry unchained.
    let prevIsHash = true;
    for (let j = 0; prevIsHash && j < 32; j++) {
      const hi = hexValue(hex.charCodeAt(128 * i + 64 + 2 * j));
      const lo = hexValue(hex.charCodeAt(128 * i + 65 + 2 * j));
      prevIsHash = hi >= 0 && lo >= 0;
      input[start + j] = (hi << 4) | lo;
    }
    chain[i] = NO_CHAIN;
    if (prevIsHash) {
      const digest = h(input.subarray(start, end));
      chains.set(digest, 32 * i);
      let same = true;
      for (let j = 0; same && j < 32; j++) {
        same = hexValue(hex.charCodeAt(128 * i + 2 * j)) === digest[j]! >> 4 && hexValue(hex.charCodeAt(128 * i + 2 * j + 1)) === (digest[j]! & 15);
      }
      chain[i] = same ? CHAIN_MATCHES : CHAIN_DIFFERS;
    }
  }
  return batch;
}
