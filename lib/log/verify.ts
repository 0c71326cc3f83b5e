// The decision-log verifier (DESIGN §4): from the public JSON export alone, check the hash
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
import type { Hasher } from './hash';
import { sha256 } from './sha256';
import { parseCheckpoint, verifyNote } from './signed-note';
import { checkBallotDisclosures } from './verify-ballots';
import type { BallotCheckSummary } from './verify-ballots';
import { checkCharterReferences } from './verify-charter';

export type VerifyProblemKind =
  | 'gap'
  | 'reorder'
  | 'hash_mismatch'
  | 'prev_hash_mismatch'
  | 'bad_checkpoint_signature'
  | 'checkpoint_root_mismatch'
  | 'ballot_disclosure'
  | 'charter_mismatch'
  | 'malformed';

export type VerifyProblem = { seq: number | null; kind: VerifyProblemKind; message: string };

export type VerifyReport = {
  /** True only when there are no problems at all. */
  ok: boolean;
  entriesChecked: number;
  /**
   * The earliest seq the evidence points to. Exact when an entry is itself wrong (bad hash,
   * broken link, out of place, missing, malformed). When the entries are self-consistent but a
   * signed checkpoint disagrees — history rewritten and re-hashed — it is the first seq after
   * the largest checkpoint that still matches. Null if no entry is implicated (for example, only
   * a checkpoint's signature is bad).
   */
  firstBadSeq: number | null;
  problems: VerifyProblem[];
  /** Hex RFC 6962 root over all entries' leaves; '' if some entry could not be hashed. */
  root: string;
  /** What the roll calls disclosed, checked against the ballots' commitments (./verify-ballots); absent when the log has no ballots. */
  ballots?: BallotCheckSummary;
};

export type VerifyInput = {
  entries: StoredEntry[];
  /** Signed notes whose text is a C2SP tlog-checkpoint. */
  checkpoints?: { note: string }[];
  /** The organization's Ed25519 public key (32 bytes); required to trust any checkpoint. */
  publicKeyRaw?: Uint8Array;
  /** Expected checkpoint origin, also the signing key's name. Defaults to each note's own. */
  origin?: string;
};

export type VerifyOptions = {
  /** SHA-256 implementation; defaults to the browser-safe pure-JS one. */
  hasher?: Hasher;
  /** With onProgress, yield to the event loop every this many entries so a page can repaint. */
  yieldEvery?: number;
  /**
   * Computes entries' leaf and chain hashes a batch at a time; defaults to `hasher` in this
   * thread. Node callers may pass a worker thread's (./parallel-entry-hasher). Must hash with
   * the same SHA-256 as `hasher`, which still hashes the Merkle tree's interior nodes.
   */
  batchHasher?: EntryBatchHasher;
};

/** Entries per batch handed to the batch hasher. */
const BATCH_SIZE = 2048;
/**
 * Batches canonicalized ahead of the one being checked. With a worker, more than two let either
 * thread run on while the other is held up (on a busy machine, by the scheduler).
 */
const BATCHES_IN_FLIGHT = 4;

type TrustedCheckpoint = { label: string; size: number; root: Uint8Array; rootHashB64: string };

const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;

function seqOf(entry: unknown): number | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const seq = (entry as { seq?: unknown }).seq;
  return isSeq(seq) ? seq : null;
}

function range(from: number, to: number): string {
  return from === to ? `seq ${from}` : `seq ${from}–${to}`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

const nextTick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const encoder = new TextEncoder();

// Stands in for a prevHash or stored hash that is not a 64-character string, to keep the batch
// layout fixed. Spaces are not hex, so it matches nothing.
const NOT_A_HASH = ' '.repeat(64);

/**
 * Appends an entry to `batch` in the layout EntryBatch describes: 32 scratch bytes, then the
 * canonical JSON as UTF-8; its stored hash and prevHash go to `hex`. Returns the batch's new end
 * offset; grows the input buffer when needed.
 */
function addToBatch(batch: EntryBatch, hex: string[], offset: number, canonical: string, prevHash: unknown, hash: unknown): number {
  hex.push(typeof hash === 'string' && hash.length === 64 ? hash : NOT_A_HASH, typeof prevHash === 'string' && prevHash.length === 64 ? prevHash : NOT_A_HASH);
  // UTF-8 needs at most 3 bytes per UTF-16 code unit.
  const room = offset + 32 + 3 * canonical.length;
  if (batch.input.length < room) {
    const grown = new Uint8Array(Math.max(2 * batch.input.length, room));
    grown.set(batch.input.subarray(0, offset));
    batch.input = grown;
  }
  const k = batch.count++;
  batch.starts[k] = offset;
  // canonical comes from canonicalJson, which rejects lone surrogates, so encodeInto's
  // U+FFFD substitution can never apply here.
  const { written } = encoder.encodeInto(canonical, batch.input.subarray(offset + 32));
  batch.ends[k] = offset + 32 + written;
  return offset + 32 + written;
}

/**
 * The RFC 6962 root over a growing list of leaf hashes: the same frontier as ./merkle's
 * appendLeaf and frontierRoot (perfect-subtree roots, largest first; appending merges them
 * like a binary carry), kept in place with one reused node buffer instead of a new frontier
 * and input array per leaf. Tests check its roots against rootOf.
 */
class GrowingTree {
  private readonly roots: Uint8Array[] = [];
  private readonly node = new Uint8Array(65);
  size = 0;

  constructor(private readonly h: Hasher) {}

  // RFC 6962 §2.1: interior node = SHA-256(0x01 ‖ left ‖ right).
  private nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
    this.node[0] = 0x01;
    this.node.set(left, 1);
    this.node.set(right, 33);
    return this.h(this.node);
  }

  /** Appends the leaf hash at leaves[offset .. offset + 32), which may be reused afterwards. */
  append(leaves: Uint8Array, offset: number): void {
    if (this.size % 2 === 0) {
      this.roots.push(leaves.slice(offset, offset + 32));
    } else {
      this.node[0] = 0x01;
      this.node.set(this.roots.pop()!, 1);
      this.node.set(leaves.subarray(offset, offset + 32), 33);
      let carry = this.h(this.node);
      // One more merge per further trailing 1 bit of the size. Halving by division: `>>` would
      // truncate at 2^31.
      for (let s = (this.size - 1) / 2; s % 2 === 1; s = (s - 1) / 2) carry = this.nodeHash(this.roots.pop()!, carry);
      this.roots.push(carry);
    }
    this.size++;
  }

  root(): Uint8Array {
    const last = this.roots.length - 1;
    if (last < 0) return this.h(new Uint8Array(0));
    let root = this.roots[last]!;
    for (let i = last - 1; i >= 0; i--) root = this.nodeHash(this.roots[i]!, root);
    return root;
  }
}

/**
 * Order check: seqs must run 1, 2, 3… in export order. Returns, for each position, the seq it
 * stands for (its "slot", against which problems with that entry are reported) and the order
 * problems, each located at the first seq it affects:
 *  - gap: seqs absent from the whole export;
 *  - reorder: an adjacent swapped pair (one problem), an entry that comes later than its place
 *    (reported where it should have been), a duplicate, or a renumbered entry.
 * `null` stands for an entry whose seq is unusable (reported as malformed by the caller).
 *
 * Invariant: every seq below `next` is placed, reported, or absent from the export, so an
 * entry with a smaller seq that was not placed is the late arrival of one already reported —
 * not a new problem.
 */
export function checkSequence(seqs: readonly (number | null)[]): { slots: number[]; problems: VerifyProblem[] } {
  const lastPositionOf = new Map<number, number>();
  seqs.forEach((s, i) => {
    if (s !== null) lastPositionOf.set(s, i);
  });
  const present = Array.from(lastPositionOf.keys()).sort((a, b) => a - b);
  const placed = new Set<number>(); // slots already taken by some position
  const reported = new Set<number>(); // seqs reported as out of place, to be skipped over
  const slots: number[] = [];
  const problems: VerifyProblem[] = [];
  let next = 1; // the seq expected at the current position
  const place = (seq: number): void => {
    slots.push(seq);
    placed.add(seq);
    while (placed.has(next) || reported.has(next)) next++;
  };

  for (let i = 0; i < seqs.length; i++) {
    const s = seqs[i] ?? null;
    if (s === null || s === next) {
      place(next);
    } else if (placed.has(s)) {
      problems.push({ seq: next, kind: 'reorder', message: `expected seq ${next} here, found seq ${s} again (a duplicate)` });
      if (seqs[i + 1] === next)
        slots.push(next); // an extra copy: `next` still comes next
      else place(next); // a copy in `next`'s place (or seq edited to an earlier one)
    } else if (s < next) {
      place(s); // a late arrival: reported when its place went by
    } else if (s === next + 1 && seqs[i + 1] === next) {
      problems.push({ seq: next, kind: 'reorder', message: `seq ${next} and ${next + 1} are swapped` });
      slots.push(s);
      placed.add(s);
      place(next);
      i++;
    } else if ((lastPositionOf.get(next) ?? -1) > i) {
      const at = lastPositionOf.get(next)! + 1;
      problems.push({
        seq: next,
        kind: 'reorder',
        message: `expected seq ${next} here, found seq ${s}; seq ${next} comes later, at position ${at}`,
      });
      reported.add(next);
      place(s);
    } else if (seqs[i + 1] === next + 1) {
      // The numbering resumes right after, so this entry holds seq `next`'s place with a wrong
      // number: an edit, not a dropped run.
      problems.push({ seq: next, kind: 'reorder', message: `expected seq ${next} here, found seq ${s}` });
      place(next);
    } else if (lastPositionOf.has(next)) {
      // `next` appeared earlier, standing in for another seq; it cannot be placed any more.
      problems.push({ seq: next, kind: 'reorder', message: `seq ${next} is out of place` });
      reported.add(next);
      while (placed.has(next) || reported.has(next)) next++;
      i--; // decide this entry again against the new `next`
    } else {
      // Missing: from `next` up to the next seq that exists anywhere in the export (binary
      // search, so a seq edited to 2^50 does not mean 2^50 steps).
      let lo = 0;
      let hi = present.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (present[mid]! <= next) lo = mid + 1;
        else hi = mid;
      }
      const end = Math.min(s, present[lo] ?? s) - 1;
      problems.push({ seq: next, kind: 'gap', message: `${range(next, end)} missing from the export` });
      next = end + 1;
      while (placed.has(next) || reported.has(next)) next++;
      i--; // decide this entry again against the new `next`
    }
  }
  return { slots, problems };
}

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
  if (!Array.isArray(input.entries)) problems.push({ seq: null, kind: 'malformed', message: 'entries is not an array' });
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
          message: `${c.label} (size ${size}) signs root ${c.rootHashB64}, but the entries give ${base64Encode(root)}: some entry in ${range(vouchedUpTo + 1, size)} differs from what was signed`,
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
        problems.push({ seq: slot, kind: 'malformed', message: `entry at position ${i + 1}: ${problem}` });
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
          message: `seq ${s}: prevHash ${String(e.prevHash)} is not the hash of ${s === 1 ? 'genesis' : `seq ${s - 1}`} (${expectedPrev})`,
        });
      }
      // A prevHash that is not a hash at all cannot be recomputed over; the link problem says why.
      if (batch.chain[k] === CHAIN_DIFFERS) {
        problems.push({
          seq: slot,
          kind: 'hash_mismatch',
          message: `seq ${s}: stored hash ${String(e.hash)} but the entry hashes to ${toHex(batch.chains.subarray(32 * k, 32 * k + 32))}`,
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
        message: `${c.label} is signed for ${c.size} entries but the export has ${n}: ${range(n + 1, c.size)} missing`,
      });
      checkpointRanges.push({ lo: n + 1, hi: c.size });
    }
  }
  const root = treeComplete ? toHex(tree.root()) : '';
  const ballots = checkBallotDisclosures(entries, h);
  for (const p of ballots.problems) problems.push({ seq: p.seq, kind: 'ballot_disclosure', message: p.message });
  const ballotsSeen = ballots.problems.length > 0 || ballots.summary.ballotsOpened + ballots.summary.stillSealed > 0;
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

/**
 * Entry-level problems locate exactly. A checkpoint mismatch only bounds the location to a
 * range, so it counts only when no entry-level problem inside that range explains it.
 */
function firstBadSeq(problems: VerifyProblem[], checkpointRanges: { lo: number; hi: number }[]): number | null {
  const entrySeqs = problems
    .filter((p) => p.kind !== 'checkpoint_root_mismatch' && p.kind !== 'bad_checkpoint_signature')
    .flatMap((p) => (p.seq === null ? [] : [p.seq]));
  const unexplained = checkpointRanges.filter((r) => !entrySeqs.some((s) => s >= r.lo && s <= r.hi)).map((r) => r.lo);
  // reduce, not Math.min(...): a badly broken export can have more problems than a call
  // may have arguments.
  return [...entrySeqs, ...unexplained].reduce<number | null>((min, s) => (min === null || s < min ? s : min), null);
}

/** Verifies each checkpoint's signature and parses it; bad ones become problems. */
async function trustedCheckpoints(input: VerifyInput, problems: VerifyProblem[]): Promise<TrustedCheckpoint[]> {
  const out: TrustedCheckpoint[] = [];
  const list: unknown[] = Array.isArray(input.checkpoints) ? input.checkpoints : [];
  for (const [index, item] of list.entries()) {
    const label = `checkpoint #${index + 1}`;
    const note = typeof item === 'object' && item !== null ? (item as { note?: unknown }).note : undefined;
    if (typeof note !== 'string') {
      problems.push({ seq: null, kind: 'malformed', message: `${label}: note is not a string` });
      continue;
    }
    if (input.publicKeyRaw === undefined) {
      problems.push({ seq: null, kind: 'bad_checkpoint_signature', message: `${label}: no public key given, so its signature cannot be checked` });
      continue;
    }
    // The checkpoint's origin line names the log and, by convention, the signing key.
    const name = input.origin ?? note.slice(0, Math.max(0, note.indexOf('\n')));
    let verified: Awaited<ReturnType<typeof verifyNote>>;
    try {
      verified = await verifyNote(note, { name, publicKeyRaw: input.publicKeyRaw });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      problems.push({ seq: null, kind: 'bad_checkpoint_signature', message: `${label}: cannot verify: ${why}` });
      continue;
    }
    if (!verified.ok) {
      problems.push({ seq: null, kind: 'bad_checkpoint_signature', message: `${label}: ${verified.error}` });
      continue;
    }
    let checkpoint: ReturnType<typeof parseCheckpoint>;
    try {
      checkpoint = parseCheckpoint(verified.text);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      problems.push({ seq: null, kind: 'malformed', message: `${label}: ${why}` });
      continue;
    }
    if (checkpoint.origin !== name) {
      problems.push({
        seq: null,
        kind: 'malformed',
        message: `${label}: origin ${JSON.stringify(checkpoint.origin)} is not this log's ${JSON.stringify(name)}`,
      });
      continue;
    }
    out.push({ label, size: checkpoint.size, root: checkpoint.rootHash, rootHashB64: checkpoint.rootHashB64 });
  }
  return out;
}
