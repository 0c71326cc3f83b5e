// Entry-level pieces of the decision-log verifier (./verify): where an entry stands in the
// sequence, the batch layout entries are hashed in, and the Merkle root grown leaf by leaf.
// Isomorphic and dependency-free, as ./verify is.

import type { EntryBatch } from './entry-batch';
import type { Hasher } from './hash';
import type { VerifyProblem } from './verify-types';
import { logText, said, seqRangeText } from './words';

const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;

export function seqOf(entry: unknown): number | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const seq = (entry as { seq?: unknown }).seq;
  return isSeq(seq) ? seq : null;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

const encoder = new TextEncoder();

// Stands in for a prevHash or stored hash that is not a 64-character string, to keep the batch
// layout fixed. Spaces are not hex, so it matches nothing.
const NOT_A_HASH = ' '.repeat(64);

/**
 * Appends an entry to `batch` in the layout EntryBatch describes: 32 scratch bytes, then the
 * canonical JSON as UTF-8; its stored hash and prevHash go to `hex`. Returns the batch's new end
 * offset; grows the input buffer when needed.
 */
export function addToBatch(batch: EntryBatch, hex: string[], offset: number, canonical: string, prevHash: unknown, hash: unknown): number {
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
export class GrowingTree {
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
      problems.push({ seq: next, kind: 'reorder', ...said(logText('verify.duplicate', { seq: String(next), found: String(s) })) });
      if (seqs[i + 1] === next)
        slots.push(next); // an extra copy: `next` still comes next
      else place(next); // a copy in `next`'s place (or seq edited to an earlier one)
    } else if (s < next) {
      place(s); // a late arrival: reported when its place went by
    } else if (s === next + 1 && seqs[i + 1] === next) {
      problems.push({ seq: next, kind: 'reorder', ...said(logText('verify.swapped', { seq: String(next), next: String(next + 1) })) });
      slots.push(s);
      placed.add(s);
      place(next);
      i++;
    } else if ((lastPositionOf.get(next) ?? -1) > i) {
      const at = lastPositionOf.get(next)! + 1;
      problems.push({
        seq: next,
        kind: 'reorder',
        ...said(logText('verify.comesLater', { seq: String(next), found: String(s), position: String(at) })),
      });
      reported.add(next);
      place(s);
    } else if (seqs[i + 1] === next + 1) {
      // The numbering resumes right after, so this entry holds seq `next`'s place with a wrong
      // number: an edit, not a dropped run.
      problems.push({ seq: next, kind: 'reorder', ...said(logText('verify.found', { seq: String(next), found: String(s) })) });
      place(next);
    } else if (lastPositionOf.has(next)) {
      // `next` appeared earlier, standing in for another seq; it cannot be placed any more.
      problems.push({ seq: next, kind: 'reorder', ...said(logText('verify.outOfPlace', { seq: String(next) })) });
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
      problems.push({ seq: next, kind: 'gap', ...said(logText('verify.gap', { range: seqRangeText(next, end) })) });
      next = end + 1;
      while (placed.has(next) || reported.has(next)) next++;
      i--; // decide this entry again against the new `next`
    }
  }
  return { slots, problems };
}
