import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64Encode } from './base64';
import { ed25519PublicKeyRaw, formatCheckpoint, signNote } from './checkpoint';
import { entryLeafHash, sealEntry } from './entry';
import type { LogEntry, StoredEntry } from './entry';
import { GENESIS_HASH, toHex } from './hash';
import { rootOf } from './merkle';
import { nodeSha256 } from './node-hash';
import { startEntryHashWorker, verifyLogInParallel } from './parallel-entry-hasher';
import type { EntryHashWorker } from './parallel-entry-hasher';
import { checkSequence, verifyLog } from './verify';
import type { VerifyReport } from './verify';

const h = nodeSha256;
/** The problems without their texts as data (lib/log/words.test.ts checks those). */
const plain = (problems: VerifyReport['problems']) => problems.map(({ seq, kind, message }) => ({ seq, kind, message }));
const ORIGIN = 'quorate.example/log/org_1';
const { privateKey } = generateKeyPairSync('ed25519');
const publicKeyRaw = ed25519PublicKeyRaw(privateKey);

function entryFor(seq: number): LogEntry {
  return {
    orgId: 'org_1',
    seq,
    at: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString(),
    actorId: seq % 3 === 0 ? null : `user_${seq % 4}`,
    kind: ['proposal.opened', 'vote.cast', 'proposal.adopted', 'member.joined'][seq % 4]!,
    subject: seq % 5 === 0 ? null : `proposal_${seq}`,
    payload: { n: seq, note: seq % 2 === 0 ? 'Zoë said "yes"\n😀' : 'ok', tags: ['a', { deep: [seq, true, null] }] },
  };
}

/** Seals entries seq 1..n (or re-seals `from` onwards, after an edit) into a valid chain. */
function chain(entries: LogEntry[]): StoredEntry[] {
  const out: StoredEntry[] = [];
  for (const e of entries) out.push(sealEntry(h, out.at(-1)?.hash ?? GENESIS_HASH, e));
  return out;
}

function makeLog(n: number): StoredEntry[] {
  return chain(Array.from({ length: n }, (_, i) => entryFor(i + 1)));
}

/** A checkpoint over the first `size` entries, signed by the organization's key. */
function checkpoint(entries: LogEntry[], size: number, key = privateKey, origin = ORIGIN): { note: string } {
  const root = rootOf(
    h,
    entries.slice(0, size).map((e) => entryLeafHash(h, e)),
  );
  return { note: signNote(formatCheckpoint({ origin, size, rootHashB64: base64Encode(root) }), { name: origin, privateKey: key }) };
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

// The CLI hashes entries in a worker thread (./parallel-entry-hasher); every case below is
// verified that way too and must give the very same report.
let worker: EntryHashWorker;
beforeAll(() => {
  worker = startEntryHashWorker();
});
afterAll(async () => {
  await worker.close();
});

async function verify(entries: unknown[], checkpoints: { note: string }[] = [], yieldEvery?: number): Promise<VerifyReport> {
  const input = { entries: entries as StoredEntry[], checkpoints, publicKeyRaw, origin: ORIGIN };
  const report = await verifyLog(input, undefined, { hasher: h, yieldEvery });
  expect(await verifyLog(input, undefined, { hasher: h, yieldEvery, batchHasher: worker.hashBatch })).toEqual(report);
  return report;
}

describe('verifyLog on an intact log', () => {
  const log = makeLog(20);
  const checkpoints = [0, 1, 7, 8, 20].map((size) => checkpoint(log, size));

  it('reports ok with the RFC 6962 root and checks every checkpoint', async () => {
    const report = await verify(log, checkpoints);
    expect(report).toEqual({
      ok: true,
      entriesChecked: 20,
      firstBadSeq: null,
      problems: [],
      root: toHex(
        rootOf(
          h,
          log.map((e) => entryLeafHash(h, e)),
        ),
      ),
    });
  });

  it('gives the same report with the default, browser-safe hasher', async () => {
    const viaDefault = await verifyLog({ entries: log, checkpoints, publicKeyRaw, origin: ORIGIN });
    expect(viaDefault).toEqual(await verify(log, checkpoints));
  });

  it('hashes entries larger than its scratch buffers exactly like sealEntry and entryLeafHash', async () => {
    const big = chain([entryFor(1), { ...entryFor(2), payload: { text: 'ü😀x'.repeat(3000) } }, entryFor(3)]);
    const report = await verify(big, [checkpoint(big, 3)]);
    expect(report.ok).toBe(true);
    expect(report.root).toBe(
      toHex(
        rootOf(
          h,
          big.map((e) => entryLeafHash(h, e)),
        ),
      ),
    );
  });

  it('accepts an empty log, whose root is SHA-256("")', async () => {
    const report = await verify([], [checkpoint([], 0)]);
    expect(report.ok).toBe(true);
    expect(report.root).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('takes the origin from the checkpoint when none is given', async () => {
    const report = await verifyLog({ entries: log, checkpoints, publicKeyRaw }, undefined, { hasher: h });
    expect(report.ok).toBe(true);
  });

  it('reports progress up to (total, total), yielding along the way', async () => {
    const calls: [number, number][] = [];
    await verifyLog({ entries: log }, (done, total) => calls.push([done, total]), { hasher: h, yieldEvery: 6 });
    expect(calls).toEqual([
      [6, 20],
      [12, 20],
      [18, 20],
      [20, 20],
    ]);
  });
});

describe('verifyLog detects and locates tampering', () => {
  const n = 6;
  const log = makeLog(n);
  const checkpoints = [2, 5, 6].map((size) => checkpoint(log, size));

  // The export is JSON; flip bits in every byte of one entry's JSON text. Every variant that is
  // still valid JSON (and really changed something) must be caught and pinned on that entry.
  it.each([1, 3, n])(
    'every single-byte change to entry %i is caught at that seq',
    async (seq) => {
      const encoder = new TextEncoder();
      const decoder = new TextDecoder('utf-8', { fatal: true });
      const before = encoder.encode(JSON.stringify(log.slice(0, seq - 1)).slice(0, -1) + (seq > 1 ? ',' : ''));
      const target = encoder.encode(JSON.stringify(log[seq - 1]));
      const after = encoder.encode((seq < n ? ',' : '') + JSON.stringify(log.slice(seq)).slice(1));
      let checked = 0;
      for (let i = 0; i < target.length; i++) {
        for (const mask of [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40]) {
          const mutated = target.slice();
          mutated[i]! ^= mask;
          let entries: unknown[];
          try {
            entries = JSON.parse(decoder.decode(new Uint8Array([...before, ...mutated, ...after]))) as unknown[];
          } catch {
            continue; // not JSON any more: the export is rejected before verification
          }
          if (JSON.stringify(entries) === JSON.stringify(log)) continue; // same value
          checked++;
          const report = await verify(entries, checkpoints);
          const where = `byte ${i} ^ ${mask}: ${decoder.decode(mutated)}`;
          expect(report.ok, where).toBe(false);
          expect(report.firstBadSeq, where).toBe(seq);
        }
      }
      expect(checked).toBeGreaterThan(500);
      // Some thousand full verifications: about 25 s on a quiet 2-core machine, more under load (30 s, the default, was missed).
    },
    180_000,
  );

  it.each(Array.from({ length: n - 1 }, (_, i) => i + 1))('a dropped entry %i is a gap at that seq', async (seq) => {
    const entries = log.filter((e) => e.seq !== seq);
    const report = await verify(entries);
    expect(report.firstBadSeq).toBe(seq);
    expect(plain(report.problems)).toEqual([{ seq, kind: 'gap', message: `seq ${seq} missing from the export` }]);
  });

  it("at seq n + 1, an entry's problem is listed before a checkpoint's", async () => {
    // Without seq 1 the export has n − 1 entries, so the last one stands at slot n = its length + 1.
    const entries = clone(log.slice(1));
    entries.at(-1)!.hash = entries.at(-1)!.hash.toUpperCase();
    const report = await verify(entries, [checkpoint(log, n)]);
    expect(report.problems.map((p) => [p.seq, p.kind])).toEqual([
      [1, 'gap'],
      [n, 'hash_mismatch'],
      [n, 'checkpoint_root_mismatch'],
    ]);
  });

  it("at one seq, the entry's own problems are listed before the checkpoint that ends there", async () => {
    const entries = clone(log);
    entries[n - 1] = sealEntry(h, log[n - 2]!.hash, { ...entryFor(n), payload: { rewritten: true } });
    entries[n - 2]!.hash = entries[n - 2]!.hash.toUpperCase();
    const report = await verify(entries, [checkpoint(log, n - 1), checkpoint(log, n)]);
    expect(report.problems.map((p) => [p.seq, p.kind])).toEqual([
      [n - 1, 'hash_mismatch'],
      [n, 'prev_hash_mismatch'],
      [n, 'checkpoint_root_mismatch'],
    ]);
  });

  it('a dropped run of entries is one gap', async () => {
    const report = await verify(log.filter((e) => e.seq < 2 || e.seq > 4));
    expect(plain(report.problems)).toEqual([{ seq: 2, kind: 'gap', message: 'seq 2–4 missing from the export' }]);
  });

  it('dropping the newest entries is only visible against a checkpoint that covers them', async () => {
    const truncated = log.slice(0, n - 2);
    expect((await verify(truncated)).ok).toBe(true); // a chain has no memory of its end
    const report = await verify(truncated, checkpoints);
    expect(report.ok).toBe(false);
    expect(report.firstBadSeq).toBe(n - 1);
    expect(report.problems.every((p) => p.kind === 'checkpoint_root_mismatch')).toBe(true);
  });

  it.each(Array.from({ length: n - 1 }, (_, i) => i + 1))('swapping entries %i and the next is one reorder', async (seq) => {
    const entries = log.slice();
    [entries[seq - 1], entries[seq]] = [entries[seq]!, entries[seq - 1]!];
    const report = await verify(entries, checkpoints);
    expect(report.firstBadSeq).toBe(seq);
    // Content is intact, so the tree (built by seq) still matches every checkpoint.
    expect(plain(report.problems)).toEqual([{ seq, kind: 'reorder', message: `seq ${seq} and ${seq + 1} are swapped` }]);
  });

  it.each([
    [1, 4],
    [2, 6],
    [1, 6],
  ])('swapping entries %i and %i is one reorder, located at the first', async (a, b) => {
    const entries = log.slice();
    [entries[a - 1], entries[b - 1]] = [entries[b - 1]!, entries[a - 1]!];
    const report = await verify(entries, checkpoints);
    expect(report.firstBadSeq).toBe(a);
    expect(plain(report.problems)).toEqual([
      { seq: a, kind: 'reorder', message: `expected seq ${a} here, found seq ${b}; seq ${a} comes later, at position ${b}` },
    ]);
  });

  it('an entry moved later is one reorder where it belongs', async () => {
    const entries = [log[0]!, log[2]!, log[3]!, log[4]!, log[1]!, log[5]!]; // seq 2 moved after 5
    const report = await verify(entries, checkpoints);
    expect(plain(report.problems)).toEqual([{ seq: 2, kind: 'reorder', message: 'expected seq 2 here, found seq 3; seq 2 comes later, at position 5' }]);
  });

  it('a duplicated entry is located where it stands', async () => {
    const entries = [...log.slice(0, 3), log[1]!, ...log.slice(3)];
    const report = await verify(entries);
    expect(report.firstBadSeq).toBe(4);
    expect(plain(report.problems)).toEqual([{ seq: 4, kind: 'reorder', message: 'expected seq 4 here, found seq 2 again (a duplicate)' }]);
  });

  it('an edited hash is a hash mismatch there and a broken link after it', async () => {
    const entries = clone(log);
    entries[2]!.hash = entries[2]!.hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    const report = await verify(entries);
    expect(report.problems.map((p) => [p.seq, p.kind])).toEqual([
      [3, 'hash_mismatch'],
      [4, 'prev_hash_mismatch'],
    ]);
  });

  it('an edited entry between two checkpoints is located at the entry, not where the unvouched range starts', async () => {
    const entries = clone(log);
    entries[3]!.kind = 'member.removed'; // seq 4; checkpoints vouch for 1–2, then 5
    const report = await verify(entries, checkpoints);
    expect(report.firstBadSeq).toBe(4);
    expect(report.problems.map((p) => [p.seq, p.kind])).toEqual([
      [3, 'checkpoint_root_mismatch'],
      [3, 'checkpoint_root_mismatch'],
      [4, 'hash_mismatch'],
    ]);
  });

  it('a rewritten and re-hashed history is located by the last checkpoint that still matches', async () => {
    const original = makeLog(10);
    const signed = [2, 3, 6, 10].map((size) => checkpoint(original, size));
    const edited = original.map((e) => (e.seq === 4 ? { ...e, payload: { ...e.payload, n: 400 } } : e));
    const rewritten = chain(edited); // the chain itself is perfect again…
    expect((await verify(rewritten)).ok).toBe(true);
    const report = await verify(rewritten, signed); // …but the signed roots disagree
    expect(report.firstBadSeq).toBe(4);
    expect(report.problems.map((p) => [p.seq, p.kind])).toEqual([
      [4, 'checkpoint_root_mismatch'],
      [4, 'checkpoint_root_mismatch'],
    ]);
  });
});

describe('verifyLog checks checkpoint signatures', () => {
  const log = makeLog(8);
  const good = checkpoint(log, 8);

  it('a checkpoint whose text was edited fails its signature, and implicates no entry', async () => {
    const forgedRoot = base64Encode(new Uint8Array(32).fill(1));
    const [text, sigs] = good.note.split('\n\n');
    const forged = { note: `${text!.split('\n').slice(0, 2).join('\n')}\n${forgedRoot}\n\n${sigs!}` };
    const report = await verify(log, [forged]);
    expect(report.ok).toBe(false);
    expect(report.firstBadSeq).toBeNull();
    expect(plain(report.problems)).toEqual([
      { seq: null, kind: 'bad_checkpoint_signature', message: expect.stringMatching(/^checkpoint #1: invalid signature/) as unknown },
    ]);
  });

  it('a checkpoint signed by another key fails', async () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    const report = await verify(log, [good, checkpoint(log, 4, other)]);
    expect(plain(report.problems)).toEqual([
      { seq: null, kind: 'bad_checkpoint_signature', message: expect.stringMatching(/^checkpoint #2: no signature by key/) as unknown },
    ]);
  });

  it('a correctly signed checkpoint for another log is rejected', async () => {
    const report = await verify(log, [checkpoint(log, 8, privateKey, 'quorate.example/log/org_2')]);
    expect(report.ok).toBe(false);
    expect(report.problems[0]?.kind).toBe('bad_checkpoint_signature'); // key name differs, so no signature counts
  });

  it('a checkpoint signed with the right key but naming another origin is rejected', async () => {
    const root = base64Encode(
      rootOf(
        h,
        log.map((e) => entryLeafHash(h, e)),
      ),
    );
    const text = formatCheckpoint({ origin: 'quorate.example/log/org_2', size: 8, rootHashB64: root });
    const report = await verify(log, [{ note: signNote(text, { name: ORIGIN, privateKey }) }]);
    expect(plain(report.problems)).toEqual([
      { seq: null, kind: 'malformed', message: expect.stringMatching(/^checkpoint #1: origin "quorate.example\/log\/org_2" is not/) as unknown },
    ]);
  });

  it('checkpoints are not trusted without a public key', async () => {
    const report = await verifyLog({ entries: log, checkpoints: [good] }, undefined, { hasher: h });
    expect(report.problems.map((p) => p.kind)).toEqual(['bad_checkpoint_signature']);
  });

  it('a malformed note is reported, not thrown', async () => {
    const report = await verify(log, [{ note: 'garbage' }, { note: 7 } as unknown as { note: string }]);
    expect(report.problems.map((p) => p.kind)).toEqual(['bad_checkpoint_signature', 'malformed']);
  });
});

describe('verifyLog on malformed input', () => {
  const log = makeLog(5);

  it('reports a broken entry at its seq and leaves the root empty', async () => {
    const entries = clone(log) as unknown as Record<string, unknown>[];
    (entries[1]!.payload as Record<string, unknown>).share = 0.5;
    entries[3] = null as unknown as Record<string, unknown>;
    const report = await verify(entries, [checkpoint(log, 5)]);
    expect(report.problems.map((p) => [p.seq, p.kind])).toEqual([
      [2, 'malformed'],
      [4, 'malformed'],
    ]);
    expect(report.firstBadSeq).toBe(2);
    expect(report.root).toBe('');
  });

  it('reports a non-array export', async () => {
    const report = await verifyLog({ entries: 'nope' as unknown as StoredEntry[] });
    expect(report).toMatchObject({ ok: false, entriesChecked: 0, problems: [{ kind: 'malformed' }] });
  });
});

describe('verifyLog across batches', () => {
  // Entries are hashed in batches of 2048 (and cut at every yieldEvery): tampering on either
  // side of a batch boundary, and logs that end on one, must be caught exactly as anywhere else.
  const n = 4100;
  const log = makeLog(n);
  const sizes = [2047, 2048, 2049, 4096, n];
  const leafHashes = log.map((e) => entryLeafHash(h, e));
  const checkpoints = sizes.map((size) => {
    const root = rootOf(h, leafHashes.slice(0, size));
    return { note: signNote(formatCheckpoint({ origin: ORIGIN, size, rootHashB64: base64Encode(root) }), { name: ORIGIN, privateKey }) };
  });

  it('an intact log verifies, whatever the batch boundaries', async () => {
    for (const yieldEvery of [undefined, 7, 2048, 4096, 5000]) {
      const report = await verify(log, checkpoints, yieldEvery);
      expect(report, `yieldEvery ${yieldEvery}`).toEqual({ ok: true, entriesChecked: n, firstBadSeq: null, problems: [], root: toHex(rootOf(h, leafHashes)) });
    }
  });

  it.each([1, 2047, 2048, 2049, 4096, 4097, n])('an edited payload at seq %i is caught there', async (seq) => {
    const entries = clone(log);
    entries[seq - 1]!.payload = { ...entries[seq - 1]!.payload, n: -1 };
    for (const yieldEvery of [undefined, 1000]) {
      const report = await verify(entries, checkpoints, yieldEvery);
      expect(report.firstBadSeq).toBe(seq);
      // The stored hash is untouched, so the next entry's link still holds.
      expect(report.problems.filter((p) => p.kind !== 'checkpoint_root_mismatch').map((p) => [p.seq, p.kind])).toEqual([[seq, 'hash_mismatch']]);
    }
  });

  it.each([2048, 2049, 4097])('a malformed entry at seq %i is reported there and stops the tree', async (seq) => {
    const entries = clone(log) as unknown as Record<string, unknown>[];
    entries[seq - 1]!.at = 'yesterday';
    const report = await verify(entries, checkpoints);
    expect(report.problems[0]).toMatchObject({ seq, kind: 'malformed' });
    expect(report.firstBadSeq).toBe(seq);
    expect(report.root).toBe('');
  });

  it('a pair swapped across a batch boundary is one reorder, and the checkpoints still match', async () => {
    const entries = clone(log);
    [entries[2047], entries[2048]] = [entries[2048]!, entries[2047]!];
    const report = await verify(entries, checkpoints);
    expect(plain(report.problems)).toEqual([{ seq: 2048, kind: 'reorder', message: 'seq 2048 and 2049 are swapped' }]);
    expect(report.root).toBe(toHex(rootOf(h, leafHashes)));
  });

  it('a dropped entry just after a boundary is one gap, and fails every checkpoint past it', async () => {
    const report = await verify(
      log.filter((e) => e.seq !== 2049),
      checkpoints,
    );
    expect(report.firstBadSeq).toBe(2049);
    expect(report.problems[0]).toMatchObject({ seq: 2049, kind: 'gap' });
  });

  it('gives RFC 6962 roots for every size up to a few full subtrees', async () => {
    const small = log.slice(0, 40);
    for (let size = 0; size <= small.length; size++) {
      const report = await verify(small.slice(0, size));
      expect(report.root, `size ${size}`).toBe(toHex(rootOf(h, leafHashes.slice(0, size))));
    }
  });

  it("verifyLogInParallel gives verifyLog's report, with or without its worker", async () => {
    const entries = clone(log);
    entries[3000]!.hash = entries[3000]!.hash.toUpperCase();
    const input = { entries, checkpoints, publicKeyRaw, origin: ORIGIN };
    const expected = await verifyLog(input, undefined, { hasher: h });
    expect(expected.problems.map((p) => [p.seq, p.kind])).toEqual([
      [3001, 'hash_mismatch'],
      [3002, 'prev_hash_mismatch'],
    ]);
    expect(await verifyLogInParallel(input, undefined, { minEntriesForWorker: 0 })).toEqual(expected);
    expect(await verifyLogInParallel(input)).toEqual(expected);
  });
});

describe('checkSequence', () => {
  const kinds = (seqs: (number | null)[]) => checkSequence(seqs).problems.map((p) => [p.seq, p.kind]);

  it.each<[string, (number | null)[], [number, string][]]>([
    ['in order', [1, 2, 3, 4], []],
    ['empty', [], []],
    ['a gap', [1, 2, 4, 5], [[3, 'gap']]],
    ['a leading gap', [3, 4], [[1, 'gap']]],
    [
      'two gaps',
      [1, 3, 6],
      [
        [2, 'gap'],
        [4, 'gap'],
      ],
    ],
    ['a swap', [1, 3, 2, 4], [[2, 'reorder']]],
    ['moved later', [1, 3, 4, 5, 2, 6], [[2, 'reorder']]],
    ['moved earlier', [1, 5, 2, 3, 4, 6], [[2, 'reorder']]],
    ['an extra copy', [1, 2, 2, 3], [[3, 'reorder']]],
    ['a copy in place of the next', [1, 2, 2, 4], [[3, 'reorder']]],
    ['a copy at the end', [1, 2, 2], [[3, 'reorder']]],
    ['a renumbered entry', [1, 2, 9, 4], [[3, 'reorder']]],
    ['a renumbered entry, far out', [1, 2, 2 ** 50, 4], [[3, 'reorder']]],
    ['a huge last seq', [1, 2, 2 ** 50], [[3, 'gap']]],
    ['an unusable seq', [1, null, 3], []],
    [
      'a gap then a swap',
      [1, 3, 5, 4],
      [
        [2, 'gap'],
        [4, 'reorder'],
      ],
    ],
    [
      'a gap that stops at a seq found later',
      [1, 2, 5, 7, 4],
      [
        [3, 'gap'],
        [4, 'reorder'],
        [6, 'gap'],
      ],
    ],
  ])('%s', (_label, seqs, expected) => {
    expect(kinds(seqs)).toEqual(expected);
  });

  it('gives every position a slot', () => {
    expect(checkSequence([1, 3, 2, 4]).slots).toEqual([1, 3, 2, 4]);
    expect(checkSequence([1, 2, 9, 4]).slots).toEqual([1, 2, 3, 4]);
    expect(checkSequence([1, null, 3]).slots).toEqual([1, 2, 3]);
  });

  const shuffled = fc
    .integer({ min: 1, max: 40 })
    .chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom('drop', 'move', 'swap')));

  it('locates any single drop, move or swap at the first position that differs', () => {
    fc.assert(
      fc.property(shuffled, ([n, a, b, edit]) => {
        const seqs = Array.from({ length: n }, (_, i) => i + 1);
        if (edit === 'drop') seqs.splice(a, 1);
        else if (edit === 'move') seqs.splice(b, 0, ...seqs.splice(a, 1));
        else [seqs[a], seqs[b]] = [seqs[b]!, seqs[a]!];
        const firstDiff = seqs.findIndex((s, i) => s !== i + 1);
        const { problems } = checkSequence(seqs);
        if (firstDiff < 0) {
          expect(problems).toEqual([]); // an edit that changed nothing, or dropped the last entry
        } else {
          expect(Math.min(...problems.map((p) => p.seq!))).toBe(firstDiff + 1);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('terminates with a slot per position on arbitrary input', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constant(2 ** 52)), { nil: null }), { maxLength: 30 }), (seqs) => {
        expect(checkSequence(seqs).slots).toHaveLength(seqs.length);
      }),
    );
  });
});
