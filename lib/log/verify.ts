// The decision-log verifier (docs/design.md §4): from the public JSON export alone, check the hash
// chain, the Merkle tree heads and their signatures, and say where the first problem is.
//
// Isomorphic and dependency-free — this file and everything it imports run unchanged in Node
// (the CLI) and in a browser page. Hashing defaults to the pure-JS SHA-256; servers and the CLI
// may pass node:crypto's (./node-hash) for speed, and hash entries in a worker thread
// (./parallel-entry-hasher, Node-only, passed in as a batch hasher; nothing here imports it).
// Signatures use WebCrypto Ed25519.

import { base64Encode } from './base64';
import { CHAIN_DIFFERS, hashEntryBatch, newEntryBatch } from './entry-batch';
import type { EntryBatch, EntryBatchHasher } from './entry-batch';
import { tryCanonicalEntry } from './entry';
import type { StoredEntry } from './entry';
import { GENESIS_HASH, toHex } from './hash';
import { sha256 } from './sha256';
import { discloseAttachments } from './attachment';
import { checkBallotDisclosures } from './verify-ballots';
import { checkCharterReferences } from './verify-charter';
import { addToBatch, checkSequence, GrowingTree, sameBytes, seqOf } from './verify-entries';
import { firstBadSeq, trustedCheckpoints } from './verify-checkpoints';
import type { TrustedCheckpoint } from './verify-checkpoints';
import type { VerifyInput, VerifyOptions, VerifyProblem, VerifyReport } from './verify-types';
import { logText, said, seqRangeText } from './words';

export { checkSequence } from './verify-entries';
export type { VerifyInput, VerifyOptions, VerifyProblem, VerifyProblemKind, VerifyReport } from './verify-types';

/** Entries per batch handed to the batch hasher. */
const BATCH_SIZE = 2048;
/**
 * Batches canonicalized ahead of the one being checked. With a worker, more than two let either
 * thread run on while the other is held up (on a busy machine, by the scheduler).
 */
const BATCHES_IN_FLIGHT = 4;

const nextTick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Verifies an exported decision log. Never throws on bad data: everything wrong with the input
 * is a problem in the report.
 *
 * Checks, each reported against the seq it concerns:
 *  - order: seqs run 1, 2, 3… in export order (gap = missing seqs; reorder = present but out of
 *    place, including swapped pairs and duplicates);
 *  - links: each entry's prevHash is the hash of the entry with seq − 1 (GENESIS_HASH for seq 1);
 *  - hashes: hash = chainHash(prevHash, canonicalEntry(entry));
 *  - checkpoints: each signature verifies with `publicKeyRaw`, and each signed root equals the
 *    RFC 6962 root over the first `size` entries' leaves, leafHash(utf8(canonicalEntry));
 *  - charters: a decision naming its charter names a version adopted earlier in the log, with
 *    that version's document hash (./verify-charter).
 */
export async function verifyLog(input: VerifyInput, onProgress?: (done: number, total: number) => void, options: VerifyOptions = {}): Promise<VerifyReport> {
  const h = options.hasher ?? sha256;
  const yieldEvery = Math.max(1, options.yieldEvery ?? 2048);
  const problems: VerifyProblem[] = [];
  // Seq ranges implicated by checkpoint root mismatches, used for firstBadSeq below.
  const checkpointRanges: { lo: number; hi: number }[] = [];

  const entries: unknown[] = Array.isArray(input.entries) ? input.entries : [];
  if (!Array.isArray(input.entries)) problems.push({ seq: null, kind: 'malformed', ...said(logText('verify.entriesNotArray')) });
  const n = entries.length;

  // --- 1. Checkpoints: only signed ones are evidence about the entries. -----------------------
  const trusted = await trustedCheckpoints(input, problems);

  // --- 2. Order, and each seq's stored hash (first occurrence). ---------------------------------
  // Links are checked by seq, not by position, so a swapped pair is reported once as a
  // reorder instead of as three broken links.
  const seqs = entries.map(seqOf);
  // The usual case, an intact export with seqs 1..n in order, skips the order check's and the
  // stored-hash lookup's maps: each entry's predecessor is simply the one before it.
  let inOrder = true;
  for (let i = 0; i < n && inOrder; i++) inOrder = seqs[i] === i + 1;
  const order = inOrder ? { slots: seqs as number[], problems: [] } : checkSequence(seqs);
  for (const p of order.problems) problems.push(p); // not push(...): may be 100k problems
  const storedHashOf = new Map<number, string>();
  if (!inOrder) {
    seqs.forEach((seq, i) => {
      const hash = (entries[i] as { hash?: unknown } | null)?.hash;
      if (seq !== null && !storedHashOf.has(seq) && typeof hash === 'string') storedHashOf.set(seq, hash);
    });
  }
  const storedHash = (seq: number): string | undefined => {
    if (!inOrder) return storedHashOf.get(seq);
    const hash = (entries[seq - 1] as { hash?: unknown } | undefined)?.hash;
    return typeof hash === 'string' ? hash : undefined;
  };
  // When the seqs are exactly 1..n in some order, leaves go into the tree by seq, so a
  // misordered export is reported once (as a reorder) and does not also fail every checkpoint.
  const distinct = inOrder ? null : new Set(seqs);
  const isPermutation = distinct === null || (distinct.size === n && !distinct.has(null) && seqs.every((s) => s !== null && s <= n));

  // --- 3. Merkle tree over the leaves, compared with every signed checkpoint. -----------------
  // Set up before the entries are hashed: when they are in order, each leaf goes into the tree
  // as soon as it is hashed, instead of all n being held until the end.
  const bySize = new Map<number, TrustedCheckpoint[]>();
  for (const c of trusted) {
    if (c.size <= n) bySize.set(c.size, [...(bySize.get(c.size) ?? []), c]);
  }
  const tree = new GrowingTree(h);
  let vouchedUpTo = 0; // largest size whose signed root matched
  // A malformed entry has no leaf; later roots cannot be computed. The entry itself is reported,
  // so the checkpoints after it are left unchecked rather than failed.
  let treeComplete = true;
  const compare = (size: number): void => {
    const due = bySize.get(size);
    if (due === undefined || !treeComplete) return;
    const root = tree.root();
    for (const c of due) {
      if (sameBytes(root, c.root)) {
        vouchedUpTo = Math.max(vouchedUpTo, size);
      } else {
        problems.push({
          seq: vouchedUpTo + 1,
          kind: 'checkpoint_root_mismatch',
          ...said(
            logText('verify.rootDiffers', {
              checkpoint: c.labelText,
              size: String(size),
              signed: c.rootHashB64,
              root: base64Encode(root),
              range: seqRangeText(vouchedUpTo + 1, size),
            }),
          ),
        });
        checkpointRanges.push({ lo: vouchedUpTo + 1, hi: size });
      }
    }
  };
  compare(0);
  // Out of order, leaves are kept (by seq or by position, see isPermutation) and added after.
  const leaves: (Uint8Array | undefined)[] = inOrder ? [] : new Array<Uint8Array | undefined>(n);

  // --- 4. Entries, in export order, in batches. ------------------------------------------------
  // Each batch is canonicalized here, then hashed by the batch hasher, and then checked, in
  // order. Later batches are canonicalized while earlier ones are being hashed, which is parallel
  // when the hasher is a worker thread; with the default in-thread hasher it changes nothing.
  const hashBatch: EntryBatchHasher = options.batchHasher ?? ((batch) => hashEntryBatch(h, batch));
  const capacity = Math.max(1, Math.min(n, BATCH_SIZE));
  const spare = Array.from({ length: BATCHES_IN_FLIGHT }, () => newEntryBatch(capacity, 256 * capacity));
  // malformed[i - from] is why entry i could not be canonicalized (and so is not in the batch).
  type InFlight = { from: number; to: number; malformed: (string | undefined)[]; hashed: EntryBatch | Promise<EntryBatch> };

  const check = async ({ from, to, malformed, hashed }: InFlight): Promise<void> => {
    const batch = await hashed;
    for (let i = from, k = 0; i < to; i++) {
      const slot = order.slots[i]!;
      const problem = malformed[i - from];
      if (problem !== undefined) {
        problems.push({ seq: slot, kind: 'malformed', ...said(logText('verify.atPosition', { position: String(i + 1), problem })) });
        if (inOrder) treeComplete = false;
        continue;
      }
      const e = entries[i] as StoredEntry;
      const s = e.seq;

      // Link to the predecessor. If that entry is missing, the gap is already reported.
      const expectedPrev = s === 1 ? GENESIS_HASH : storedHash(s - 1);
      if (expectedPrev !== undefined && e.prevHash !== expectedPrev) {
        problems.push({
          seq: slot,
          kind: 'prev_hash_mismatch',
          ...said(
            logText('verify.prevHash', {
              seq: String(s),
              prevHash: String(e.prevHash),
              of: s === 1 ? logText('verify.genesis') : logText('verify.seq', { seq: String(s - 1) }),
              expected: expectedPrev,
            }),
          ),
        });
      }
      // A prevHash that is not a hash at all cannot be recomputed over; the link problem says why.
      if (batch.chain[k] === CHAIN_DIFFERS) {
        problems.push({
          seq: slot,
          kind: 'hash_mismatch',
          ...said(logText('verify.hash', { seq: String(s), stored: String(e.hash), actual: toHex(batch.chains.subarray(32 * k, 32 * k + 32)) })),
        });
      }

      // After the entry's own problems: a checkpoint that ends here, and so disagrees at this
      // seq, is listed after them, as when the tree was built after all the entries.
      if (!inOrder) {
        leaves[isPermutation ? s - 1 : i] = batch.leaves.slice(32 * k, 32 * k + 32);
      } else if (treeComplete) {
        tree.append(batch.leaves, 32 * k);
        compare(tree.size);
      }
      k++;
    }
    spare.push(batch);
  };

  const inFlight: InFlight[] = [];
  for (let from = 0; from < n;) {
    if (onProgress !== undefined && from > 0 && from % yieldEvery === 0) {
      onProgress(from, n);
      await nextTick();
    }
    // With progress, batches end at every multiple of yieldEvery, so it is reported where it
    // always was.
    const to = Math.min(n, from + capacity, onProgress === undefined ? n : (Math.floor(from / yieldEvery) + 1) * yieldEvery);
    const batch = spare.pop()!;
    batch.count = 0;
    const malformed: (string | undefined)[] = [];
    const hex: string[] = [];
    let offset = 0;
    for (let i = from; i < to; i++) {
      const entry = entries[i] as StoredEntry;
      const checked = tryCanonicalEntry(entry);
      if (!checked.ok) {
        malformed[i - from] = checked.problem;
        continue;
      }
      offset = addToBatch(batch, hex, offset, checked.canonical, entry.prevHash, entry.hash);
    }
    batch.hex = hex.join('');
    inFlight.push({ from, to, malformed, hashed: hashBatch(batch) });
    if (spare.length === 0) await check(inFlight.shift()!);
    from = to;
  }
  for (const batch of inFlight) await check(batch);

  if (!inOrder) {
    for (let i = 0; i < n; i++) {
      const leaf = leaves[i];
      if (leaf === undefined) {
        treeComplete = false;
        break;
      }
      tree.append(leaf, 0);
      compare(i + 1);
    }
  }
  // Reported after the entries, so that of two problems at seq n + 1 (possible when seqs are
  // missing) the entry's comes first, as it always has.
  for (const c of trusted) {
    if (c.size > n) {
      problems.push({
        seq: n + 1,
        kind: 'checkpoint_root_mismatch',
        ...said(logText('verify.signedForMore', { checkpoint: c.labelText, size: String(c.size), n: String(n), range: seqRangeText(n + 1, c.size) })),
      });
      checkpointRanges.push({ lo: n + 1, hi: c.size });
    }
  }
  const root = treeComplete ? toHex(tree.root()) : '';
  // A member-wide close's roll call is in an attachment its entry names by hash: checked, then read in.
  const disclosed = discloseAttachments(entries, input.attachments, h);
  for (const p of disclosed.problems) problems.push({ seq: p.seq, kind: 'attachment_mismatch', message: p.message, text: p.text });
  options.onDisclosed?.(disclosed.entries);
  const ballots = checkBallotDisclosures(disclosed.entries, h);
  for (const p of ballots.problems) problems.push({ seq: p.seq, kind: 'ballot_disclosure', message: p.message, text: p.text });
  const ballotsSeen = ballots.problems.length > 0 || ballots.summary.ballotsOpened + ballots.summary.stillSealed + ballots.summary.secretCounted > 0;
  for (const p of checkCharterReferences(entries)) problems.push(p);

  onProgress?.(n, n);

  problems.sort((a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER));
  return {
    ok: problems.length === 0,
    entriesChecked: n,
    firstBadSeq: firstBadSeq(problems, checkpointRanges),
    problems,
    root,
    ...(ballotsSeen ? { ballots: ballots.summary } : {}),
  };
}
