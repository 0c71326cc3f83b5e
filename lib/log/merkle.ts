// RFC 6962 / RFC 9162 Merkle tree over decision-log entries, so a reader holding a signed tree
// head can be given short proofs that an entry is in the log (inclusion) and that a later head
// extends an earlier one without rewriting it (consistency). Same hashing as Certificate
// Transparency and the C2SP tlog specs, so third-party tooling can check our proofs.
//
// Browser-safe: hashing is injected (see ./hash). Tree sizes and indexes are JavaScript numbers
// and stay exact up to 2^53; halving uses division, never `>>`, which would truncate at 2^31.

import { fromHex, isHashHex, toHex } from './hash';
import type { Hasher } from './hash';

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

/** RFC 6962 §2.1: MTH({d(0)}) = SHA-256(0x00 ‖ d(0)). The prefix separates leaves from nodes. */
export function leafHash(h: Hasher, entryBytes: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + entryBytes.length);
  input[0] = LEAF_PREFIX;
  input.set(entryBytes, 1);
  return h(input);
}

/** RFC 6962 §2.1: interior node = SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(h: Hasher, left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + left.length + right.length);
  input[0] = NODE_PREFIX;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return h(input);
}

/** Largest power of two strictly less than n (n ≥ 2): the split point k of RFC 6962 §2.1. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function assertSize(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative safe integer, got ${n}`);
}

// MTH(D[lo:hi]) over leaf hashes, RFC 6962 §2.1.
function subtreeRoot(h: Hasher, leaves: readonly Uint8Array[], lo: number, hi: number): Uint8Array {
  const n = hi - lo;
  if (n === 1) return leaves[lo]!;
  const k = splitPoint(n);
  return nodeHash(h, subtreeRoot(h, leaves, lo, lo + k), subtreeRoot(h, leaves, lo + k, hi));
}

/**
 * Merkle Tree Hash (RFC 6962 §2.1) of a list of *leaf hashes* (already leafHash'ed). The empty
 * tree's root is SHA-256 of the empty string.
 */
export function rootOf(h: Hasher, leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return h(new Uint8Array(0));
  return subtreeRoot(h, leaves, 0, leaves.length);
}

// ---------------------------------------------------------------------------------------------
// Frontier: the roots of the perfect subtrees that make up a tree of any size — one per set bit
// of the size, largest (leftmost) first. Appending a leaf touches O(log n) of them, and the
// whole frontier fits in one database row, so the writer never re-reads old entries.
// ---------------------------------------------------------------------------------------------

/** A perfect subtree root: `height` h covers 2^h leaves. */
export type FrontierNode = { readonly height: number; readonly hash: Uint8Array };

/** Perfect-subtree roots, left to right, heights strictly decreasing. Immutable. */
export type Frontier = { readonly size: number; readonly nodes: readonly FrontierNode[] };

/** The JSON form stored in the database: same shape, hashes as lowercase hex. */
export type FrontierJson = { size: number; nodes: { height: number; hash: string }[] };

export function emptyFrontier(): Frontier {
  return { size: 0, nodes: [] };
}

/** The frontier after appending one leaf hash. Merges equal-height roots like binary carry. */
export function appendLeaf(h: Hasher, frontier: Frontier, leaf: Uint8Array): Frontier {
  if (frontier.size >= Number.MAX_SAFE_INTEGER) throw new RangeError('appendLeaf: tree is full');
  const nodes = frontier.nodes.slice();
  let carry: FrontierNode = { height: 0, hash: leaf };
  for (let last = nodes.at(-1); last !== undefined && last.height === carry.height; last = nodes.at(-1)) {
    nodes.pop();
    carry = { height: carry.height + 1, hash: nodeHash(h, last.hash, carry.hash) };
  }
  nodes.push(carry);
  return { size: frontier.size + 1, nodes };
}

/**
 * MTH of the tree the frontier describes. RFC 6962 §2.1 splits at the largest power of two, so
 * the left child of every split is the next perfect subtree in the frontier: folding from the
 * right gives MTH = node(f0, node(f1, … node(f[k-2], f[k-1]))).
 */
export function frontierRoot(h: Hasher, frontier: Frontier): Uint8Array {
  const { nodes } = frontier;
  let root = nodes.at(-1)?.hash;
  if (root === undefined) return h(new Uint8Array(0));
  for (let i = nodes.length - 2; i >= 0; i--) root = nodeHash(h, nodes[i]!.hash, root);
  return root;
}

export function frontierToJson(frontier: Frontier): FrontierJson {
  return { size: frontier.size, nodes: frontier.nodes.map((n) => ({ height: n.height, hash: toHex(n.hash) })) };
}

/**
 * Parses and validates a stored frontier: heights strictly decreasing, sizes adding up, hashes
 * 32-byte hex. A corrupt row must fail loudly here, not produce a plausible wrong root later.
 */
export function frontierFromJson(json: unknown): Frontier {
  const fail = (why: string): never => {
    throw new Error(`frontierFromJson: ${why}`);
  };
  if (typeof json !== 'object' || json === null) return fail('not an object');
  const { size, nodes } = json as { size?: unknown; nodes?: unknown };
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return fail('bad size');
  if (!Array.isArray(nodes)) return fail('nodes is not an array');
  const out: FrontierNode[] = [];
  let total = 0;
  let previousHeight = Infinity;
  for (const node of nodes as unknown[]) {
    if (typeof node !== 'object' || node === null) return fail('node is not an object');
    const { height, hash } = node as { height?: unknown; hash?: unknown };
    if (typeof height !== 'number' || !Number.isInteger(height) || height < 0 || height > 52) return fail('bad height');
    if (height >= previousHeight) return fail('heights must strictly decrease');
    if (!isHashHex(hash)) return fail('bad hash');
    previousHeight = height;
    total += 2 ** height;
    out.push({ height, hash: fromHex(hash) });
  }
  if (total !== size) return fail(`nodes cover ${total} leaves but size is ${size}`);
  return { size, nodes: out };
}

// ---------------------------------------------------------------------------------------------
// Proofs. Generation takes the full list of leaf hashes (O(n) hashing per proof); verification
// needs only the proof and is O(log n).
// ---------------------------------------------------------------------------------------------

// PATH(m, D[lo:hi]) of RFC 6962 §2.1.1, leaf to root order.
function auditPath(h: Hasher, leaves: readonly Uint8Array[], m: number, lo: number, hi: number): Uint8Array[] {
  const n = hi - lo;
  if (n === 1) return [];
  const k = splitPoint(n);
  if (m < k) return [...auditPath(h, leaves, m, lo, lo + k), subtreeRoot(h, leaves, lo + k, hi)];
  return [...auditPath(h, leaves, m - k, lo + k, hi), subtreeRoot(h, leaves, lo, lo + k)];
}

/** Audit path for leaf `index` in the tree of all `leaves` (RFC 6962 §2.1.1). */
export function inclusionProof(h: Hasher, leaves: readonly Uint8Array[], index: number): Uint8Array[] {
  assertSize('index', index);
  if (index >= leaves.length) throw new RangeError(`inclusionProof: index ${index} outside tree of size ${leaves.length}`);
  return auditPath(h, leaves, index, 0, leaves.length);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const isOdd = (x: number): boolean => x % 2 === 1;
const half = (x: number): number => Math.floor(x / 2);

/** Verifies an audit path with the algorithm of RFC 9162 §2.1.3.2. */
export function verifyInclusion(h: Hasher, leaf: Uint8Array, index: number, treeSize: number, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0) return false;
  if (index >= treeSize) return false; // step 1
  let fn = index; // step 2
  let sn = treeSize - 1;
  let r = leaf; // step 3
  for (const p of proof) {
    if (sn === 0) return false; // step 4a: proof longer than the path
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(h, p, r); // step 4b: p is a left sibling
      // fn === sn with fn even: fn is the last node of its level and has no right sibling,
      // so it is promoted unchanged; skip those levels ("right-shift until LSB(fn) is set or
      // fn is 0").
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(h, r, p); // p is a right sibling
    }
    fn = half(fn); // step 4c
    sn = half(sn);
  }
  return sn === 0 && equalBytes(r, root); // step 5
}

// SUBPROOF(m, D[lo:hi], b) of RFC 6962 §2.1.2.
function subproof(h: Hasher, leaves: readonly Uint8Array[], m: number, lo: number, hi: number, b: boolean): Uint8Array[] {
  const n = hi - lo;
  if (m === n) return b ? [] : [subtreeRoot(h, leaves, lo, hi)];
  const k = splitPoint(n);
  if (m <= k) return [...subproof(h, leaves, m, lo, lo + k, b), subtreeRoot(h, leaves, lo + k, hi)];
  return [...subproof(h, leaves, m - k, lo + k, hi, false), subtreeRoot(h, leaves, lo, lo + k)];
}

/**
 * Consistency proof from the tree of the first `oldSize` leaves to the tree of all `leaves`
 * (PROOF(m, D[n]) of RFC 6962 §2.1.2). Empty when oldSize is 0 or equals the tree size, which
 * is what verifyConsistency expects in those cases.
 */
export function consistencyProof(h: Hasher, leaves: readonly Uint8Array[], oldSize: number): Uint8Array[] {
  assertSize('oldSize', oldSize);
  if (oldSize > leaves.length) throw new RangeError(`consistencyProof: old size ${oldSize} > tree size ${leaves.length}`);
  if (oldSize === 0) return [];
  return subproof(h, leaves, oldSize, 0, leaves.length, true);
}

/**
 * Verifies that the tree of size `newSize` with root `newRoot` extends the tree of size
 * `oldSize` with root `oldRoot`, using the algorithm of RFC 9162 §2.1.4.2. The edge cases the
 * RFC leaves to the caller follow transparency-dev/merkle: equal sizes need an empty proof and
 * equal roots; every tree extends the empty tree, with an empty proof.
 */
export function verifyConsistency(
  h: Hasher,
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!Number.isSafeInteger(oldSize) || !Number.isSafeInteger(newSize) || oldSize < 0) return false;
  if (newSize < oldSize) return false;
  if (oldSize === newSize) return proof.length === 0 && equalBytes(oldRoot, newRoot);
  if (oldSize === 0) return proof.length === 0;
  if (proof.length === 0) return false; // step 1

  // Step 2: when the old tree is a perfect subtree, its root is the first node of the path.
  const nodes = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : proof;
  let fn = oldSize - 1; // step 3
  let sn = newSize - 1;
  while (isOdd(fn)) {
    // step 4
    fn = half(fn);
    sn = half(sn);
  }
  let fr = nodes[0]!; // step 5
  let sr = nodes[0]!;
  for (let i = 1; i < nodes.length; i++) {
    // step 6
    const c = nodes[i]!;
    if (sn === 0) return false; // 6a
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(h, c, fr); // 6b
      sr = nodeHash(h, c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(h, sr, c);
    }
    fn = half(fn); // 6c
    sn = half(sn);
  }
  return equalBytes(fr, oldRoot) && equalBytes(sr, newRoot) && sn === 0; // step 7
}

function isPowerOfTwo(n: number): boolean {
  while (n > 1 && n % 2 === 0) n /= 2;
  return n === 1;
}
