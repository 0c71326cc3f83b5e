import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './hash';
import type { Hasher } from './hash';
import {
  appendLeaf,
  consistencyProof,
  emptyFrontier,
  frontierFromJson,
  frontierRoot,
  frontierToJson,
  inclusionProof,
  leafHash,
  nodeHash,
  rootOf,
  splitPoint,
  verifyConsistency,
  verifyInclusion,
} from './merkle';
import type { Frontier } from './merkle';
import { nodeSha256 } from './node-hash';
import { sha256 } from './sha256';

const h: Hasher = nodeSha256;

// The Certificate Transparency reference tree (certificate-transparency merkle_tree_test.cc,
// reproduced in transparency-dev/merkle testonly): eight leaves, the RFC 6962 root at every
// size, and the published audit and consistency paths. Cross-checked against several
// independent implementations' test files.
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((x) => fromHex(x));
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', // empty tree = SHA-256("")
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
// The subtree hashes the published paths are made of: leaf i, or the node over leaves [a, b).
const N = {
  leaf0: '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', // = root of size 1
  leaf1: '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
  leaf4: 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  nodes0to2: 'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125', // = root of size 2
  nodes2to4: '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
  nodes4to6: '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
  nodes6to8: 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
  nodes0to4: 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7', // = root of size 4
  nodes4to8: '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
};
// [0-based leaf index, tree size, audit path]
const CT_INCLUSION: [number, number, string[]][] = [
  [0, 1, []],
  [0, 8, [N.leaf1, N.nodes2to4, N.nodes4to8]],
  [5, 8, [N.leaf4, N.nodes6to8, N.nodes0to4]],
  [2, 3, [N.nodes0to2]],
  [1, 5, [N.leaf0, N.nodes2to4, N.leaf4]],
];
// [old size, new size, consistency proof]
const CT_CONSISTENCY: [number, number, string[]][] = [
  [1, 1, []],
  [1, 8, [N.leaf1, N.nodes2to4, N.nodes4to8]],
  [6, 8, [N.nodes4to6, N.nodes6to8, N.nodes0to4]],
  [2, 5, [N.nodes2to4, N.leaf4]],
];

const ctLeafHashes = CT_LEAVES.map((d) => leafHash(h, d));
const hex = (list: Uint8Array[]): string[] => list.map(toHex);

function randomLeaves(n: number): Uint8Array[] {
  return Array.from({ length: n }, () => leafHash(h, new Uint8Array(randomBytes(8))));
}

function frontierOf(leaves: Uint8Array[]): Frontier {
  return leaves.reduce((f, leaf) => appendLeaf(h, f, leaf), emptyFrontier());
}

function flipByte(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at]! ^= 0x01;
  return copy;
}

/** Copies of `proof` with one bit flipped, for every byte position. */
function* flippedEachByte(proof: Uint8Array[]): Generator<Uint8Array[]> {
  for (let k = 0; k < proof.length; k++) {
    for (let b = 0; b < proof[k]!.length; b++) {
      const copy = proof.map((p) => p.slice());
      copy[k]![b]! ^= 0x01;
      yield copy;
    }
  }
}

describe('RFC 6962 hashing', () => {
  it('leaf and node hashes use the 0x00 / 0x01 domain-separation prefixes', () => {
    expect(toHex(leafHash(h, new Uint8Array(0)))).toBe(CT_ROOTS[1]);
    expect(toHex(nodeHash(h, ctLeafHashes[0]!, ctLeafHashes[1]!))).toBe(CT_ROOTS[2]);
  });

  it('rootOf matches the reference root at every size 0..8', () => {
    for (let n = 0; n <= 8; n++) expect(toHex(rootOf(h, ctLeafHashes.slice(0, n))), `size ${n}`).toBe(CT_ROOTS[n]);
  });

  it('the pure-JS hasher gives the same roots', () => {
    const leaves = CT_LEAVES.map((d) => leafHash(sha256, d));
    for (let n = 0; n <= 8; n++) expect(toHex(rootOf(sha256, leaves.slice(0, n)))).toBe(CT_ROOTS[n]);
  });

  it('splits at the largest power of two below n, not the midpoint', () => {
    const cases: [number, number][] = [
      [2, 1],
      [3, 2],
      [4, 2],
      [5, 4],
      [6, 4],
      [8, 4],
      [9, 8],
      [1000, 512],
      [2 ** 40 + 1, 2 ** 40],
    ];
    for (const [n, k] of cases) expect(splitPoint(n), `n=${n}`).toBe(k);
  });
});

describe('frontier', () => {
  it('gives the reference roots at every size 0..8', () => {
    let f = emptyFrontier();
    expect(toHex(frontierRoot(h, f))).toBe(CT_ROOTS[0]);
    ctLeafHashes.forEach((leaf, i) => {
      f = appendLeaf(h, f, leaf);
      expect(toHex(frontierRoot(h, f)), `size ${i + 1}`).toBe(CT_ROOTS[i + 1]);
    });
  });

  it('root equals rootOf after every append, for every size up to 300', () => {
    const leaves = randomLeaves(300);
    let f = emptyFrontier();
    for (let n = 1; n <= leaves.length; n++) {
      f = appendLeaf(h, f, leaves[n - 1]!);
      expect(f.size).toBe(n);
      // One node per set bit of the size: O(log n) state.
      expect(f.nodes.length).toBe(n.toString(2).replace(/0/g, '').length);
      expect(toHex(frontierRoot(h, f)), `size ${n}`).toBe(toHex(rootOf(h, leaves.slice(0, n))));
    }
  });

  it('property: for random leaves, frontier root == rootOf', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 16 }), { maxLength: 300 }), (data) => {
        const leaves = data.map((d) => leafHash(h, d));
        expect(toHex(frontierRoot(h, frontierOf(leaves)))).toBe(toHex(rootOf(h, leaves)));
      }),
      { numRuns: 100 },
    );
  });

  it('is immutable: appending does not change the frontier it was given', () => {
    const f = frontierOf(randomLeaves(3));
    const before = JSON.stringify(frontierToJson(f));
    appendLeaf(h, f, randomLeaves(1)[0]!);
    expect(JSON.stringify(frontierToJson(f))).toBe(before);
  });

  it('round-trips through JSON (one database row) and keeps appending correctly', () => {
    const leaves = randomLeaves(77);
    const stored = JSON.parse(JSON.stringify(frontierToJson(frontierOf(leaves.slice(0, 45))))) as unknown;
    let f = frontierFromJson(stored);
    for (const leaf of leaves.slice(45)) f = appendLeaf(h, f, leaf);
    expect(toHex(frontierRoot(h, f))).toBe(toHex(rootOf(h, leaves)));
    expect(frontierToJson(f).nodes.map((x) => x.height)).toEqual([6, 3, 2, 0]); // 77 = 64+8+4+1
  });

  it('rejects corrupt stored frontiers', () => {
    const good = frontierToJson(frontierOf(randomLeaves(6))); // heights [2, 1]
    const bad: unknown[] = [
      null,
      { ...good, size: 7 },
      { ...good, nodes: [...good.nodes].reverse() },
      { ...good, nodes: [{ ...good.nodes[0]!, hash: 'zz' }, good.nodes[1]] },
      { ...good, nodes: [{ ...good.nodes[0]!, hash: good.nodes[0]!.hash.toUpperCase() }, good.nodes[1]] },
      { size: -1, nodes: [] },
      { size: 0, nodes: {} },
    ];
    for (const b of bad) expect(() => frontierFromJson(b), JSON.stringify(b)).toThrow();
    expect(frontierFromJson(good).size).toBe(6);
  });
});

describe('inclusion proofs', () => {
  it('match the reference audit paths and verify against the reference roots', () => {
    for (const [index, size, path] of CT_INCLUSION) {
      const proof = inclusionProof(h, ctLeafHashes.slice(0, size), index);
      expect(hex(proof), `leaf ${index} of ${size}`).toEqual(path);
      expect(verifyInclusion(h, ctLeafHashes[index]!, index, size, proof, fromHex(CT_ROOTS[size]!))).toBe(true);
    }
  });

  it('every proof verifies for every leaf of every tree up to 64, and fails for any other index', () => {
    const leaves = randomLeaves(64);
    for (let n = 1; n <= 64; n++) {
      const tree = leaves.slice(0, n);
      const root = rootOf(h, tree);
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(h, tree, i);
        expect(verifyInclusion(h, tree[i]!, i, n, proof, root), `leaf ${i} of ${n}`).toBe(true);
        for (let j = -1; j <= n; j++) {
          if (j !== i) expect(verifyInclusion(h, tree[i]!, j, n, proof, root), `leaf ${i} as ${j} of ${n}`).toBe(false);
        }
      }
    }
  });

  it('fails when any byte of the proof, the leaf or the root changes, or the proof is cut or padded', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(), (n, seed) => {
        const tree = randomLeaves(n);
        const i = seed % n;
        const root = rootOf(h, tree);
        const proof = inclusionProof(h, tree, i);
        expect(verifyInclusion(h, tree[i]!, i, n, proof, root)).toBe(true);
        for (const tampered of flippedEachByte(proof)) expect(verifyInclusion(h, tree[i]!, i, n, tampered, root)).toBe(false);
        for (const [leaf] of flippedEachByte([tree[i]!])) expect(verifyInclusion(h, leaf!, i, n, proof, root)).toBe(false);
        for (const [r] of flippedEachByte([root])) expect(verifyInclusion(h, tree[i]!, i, n, proof, r!)).toBe(false);
        if (proof.length > 0) expect(verifyInclusion(h, tree[i]!, i, n, proof.slice(0, -1), root)).toBe(false);
        expect(verifyInclusion(h, tree[i]!, i, n, [...proof, root], root)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('rejects out-of-range and non-integer indexes', () => {
    const tree = randomLeaves(5);
    expect(() => inclusionProof(h, tree, 5)).toThrow(RangeError);
    expect(() => inclusionProof(h, tree, -1)).toThrow(RangeError);
    expect(verifyInclusion(h, tree[0]!, 0.5, 5, [], rootOf(h, tree))).toBe(false);
    expect(verifyInclusion(h, tree[0]!, 0, 0, [], rootOf(h, tree))).toBe(false);
  });
});

describe('consistency proofs', () => {
  it('match the reference proofs and verify between the reference roots', () => {
    for (const [m, n, expected] of CT_CONSISTENCY) {
      const proof = consistencyProof(h, ctLeafHashes.slice(0, n), m);
      expect(hex(proof), `${m} → ${n}`).toEqual(expected);
      expect(verifyConsistency(h, m, n, fromHex(CT_ROOTS[m]!), fromHex(CT_ROOTS[n]!), proof)).toBe(true);
    }
  });

  it('every proof verifies for all 1 ≤ m ≤ n ≤ 64, and fails for a tampered old or new root or proof', () => {
    const leaves = randomLeaves(64);
    const roots = Array.from({ length: 65 }, (_, n) => rootOf(h, leaves.slice(0, n)));
    const forked = leaves.map((x) => x.slice());
    forked[0]![0]! ^= 1; // a log that rewrote its first entry
    for (let n = 1; n <= 64; n++) {
      const tree = leaves.slice(0, n);
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(h, tree, m);
        const oldRoot = roots[m]!;
        const newRoot = roots[n]!;
        expect(verifyConsistency(h, m, n, oldRoot, newRoot, proof), `${m} → ${n}`).toBe(true);
        expect(verifyConsistency(h, m, n, flipByte(oldRoot, (m + n) % 32), newRoot, proof)).toBe(false);
        expect(verifyConsistency(h, m, n, rootOf(h, forked.slice(0, m)), newRoot, proof), `forked ${m} → ${n}`).toBe(false);
        expect(verifyConsistency(h, m, n, oldRoot, flipByte(newRoot, (m * n) % 32), proof)).toBe(false);
        // Every byte of every proof node for the smaller trees; one byte per node (a
        // different one each time) for the rest, to keep the test fast.
        const tamperedProofs =
          n <= 20 ? Array.from(flippedEachByte(proof)) : proof.map((_, k) => proof.map((p, j) => (j === k ? flipByte(p, (m * 31 + n + k) % p.length) : p)));
        for (const tampered of tamperedProofs) expect(verifyConsistency(h, m, n, oldRoot, newRoot, tampered)).toBe(false);
        if (m < n) {
          expect(verifyConsistency(h, m, n, oldRoot, newRoot, proof.slice(0, -1))).toBe(false);
          expect(verifyConsistency(h, m, n, oldRoot, newRoot, [...proof, newRoot])).toBe(false);
          expect(verifyConsistency(h, m + 1, n, oldRoot, newRoot, proof), `claimed old size ${m + 1}`).toBe(false);
        }
      }
    }
  });

  it('handles the edges the RFC leaves to the caller', () => {
    const tree = randomLeaves(10);
    const r10 = rootOf(h, tree);
    const r4 = rootOf(h, tree.slice(0, 4));
    expect(consistencyProof(h, tree, 0)).toEqual([]);
    expect(verifyConsistency(h, 0, 10, rootOf(h, []), r10, [])).toBe(true); // everything extends the empty tree
    expect(verifyConsistency(h, 0, 10, rootOf(h, []), r10, [r4])).toBe(false);
    expect(verifyConsistency(h, 10, 10, r10, r10, [])).toBe(true);
    expect(verifyConsistency(h, 10, 10, r10, r4, [])).toBe(false);
    expect(verifyConsistency(h, 10, 10, r10, r10, [r4])).toBe(false);
    expect(verifyConsistency(h, 10, 4, r10, r4, [])).toBe(false); // shrinking is never consistent
    expect(verifyConsistency(h, 4, 10, r4, r10, [])).toBe(false); // step 1: empty proof
    expect(() => consistencyProof(h, tree, 11)).toThrow(RangeError);
  });
});
