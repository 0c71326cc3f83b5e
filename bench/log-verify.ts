// Decision-log verifier throughput: entries/s for verifyLog over N entries, with node:crypto's
// SHA-256 and with the pure-JS one the browser uses, and for verifyLogInParallel (node:crypto,
// entries hashed in a worker thread: what the CLI can use), next to raw SHA-256 over exactly the
// bytes the verifier hashes per entry (chain inputs + leaf inputs; not the Merkle tree's interior
// nodes, about one more hash per entry), so the overhead beyond hashing is visible.
//
//   npx tsx --conditions=react-server bench/log-verify.ts [N=100000] [runs=3]
//
// (--conditions=react-server because checkpoint signing is a server-only module.)

import { generateKeyPairSync } from 'node:crypto';
import { base64Encode } from '@/lib/log/base64';
import { utf8 } from '@/lib/log/canonical';
import { ed25519PublicKeyRaw, formatCheckpoint, signNote } from '@/lib/log/checkpoint';
import { canonicalEntry, sealEntry } from '@/lib/log/entry';
import type { StoredEntry } from '@/lib/log/entry';
import { GENESIS_HASH, fromHex } from '@/lib/log/hash';
import type { Hasher } from '@/lib/log/hash';
import { appendLeaf, emptyFrontier, frontierRoot, leafHash } from '@/lib/log/merkle';
import { nodeSha256 } from '@/lib/log/node-hash';
import { verifyLogInParallel } from '@/lib/log/parallel-entry-hasher';
import { sha256 } from '@/lib/log/sha256';
import { verifyLog } from '@/lib/log/verify';
import type { VerifyReport } from '@/lib/log/verify';

const USAGE = `Usage: npx tsx --conditions=react-server bench/log-verify.ts [N=100000] [runs=3]

Builds a signed log of N entries, then times each verifier (best and median of \`runs\`) next to
raw SHA-256 over the same bytes. One line per verifier:
  node:crypto   verifyLog in one thread with node:crypto's SHA-256
  pure-JS       verifyLog in one thread with the browser's pure-JS SHA-256
  parallel      verifyLogInParallel: node:crypto, entries hashed in a worker thread`;
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const n = Number(process.argv[2] ?? 100_000);
if (!Number.isSafeInteger(n) || n < 1) throw new Error(USAGE);
const ORIGIN = 'bench.quorate.example/log';

function buildLog(count: number): StoredEntry[] {
  const out: StoredEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const e = sealEntry(nodeSha256, prev, {
      orgId: 'org_bench',
      seq,
      at: new Date(Date.UTC(2025, 0, 1) + seq * 1000).toISOString(),
      actorId: `user_${seq % 97}`,
      kind: seq % 3 === 0 ? 'vote.cast' : 'proposal.commented',
      subject: `proposal_${seq % 1013}`,
      payload: { choice: seq % 2 === 0 ? 'for' : 'against', weight: 1, comment: 'Looks right to me — ship it.' },
    });
    out.push(e);
    prev = e.hash;
  }
  return out;
}

function signedCheckpoints(entries: StoredEntry[], privateKey: ReturnType<typeof generateKeyPairSync>['privateKey']) {
  const sizes = new Set([Math.floor(entries.length / 4), Math.floor(entries.length / 2), entries.length]);
  let frontier = emptyFrontier();
  const notes: { note: string }[] = [];
  entries.forEach((e, i) => {
    frontier = appendLeaf(nodeSha256, frontier, leafHash(nodeSha256, utf8(canonicalEntry(e))));
    if (sizes.has(i + 1)) {
      const text = formatCheckpoint({ origin: ORIGIN, size: i + 1, rootHashB64: base64Encode(frontierRoot(nodeSha256, frontier)) });
      notes.push({ note: signNote(text, { name: ORIGIN, privateKey }) });
    }
  });
  return notes;
}

/** The exact byte strings verifyLog hashes per entry: chain input and leaf input. */
function hashInputs(entries: StoredEntry[]): Uint8Array[] {
  return entries.flatMap((e) => {
    const body = utf8(canonicalEntry(e));
    const chainInput = new Uint8Array(32 + body.length);
    chainInput.set(fromHex(e.prevHash), 0);
    chainInput.set(body, 32);
    const leafInput = new Uint8Array(1 + body.length);
    leafInput.set(body, 1);
    return [chainInput, leafInput];
  });
}

function rate(count: number, ms: number): string {
  return `${Math.round((count / ms) * 1000).toLocaleString('en-US')} entries/s`;
}

/** Best and median of `runs` timings: the machine may be shared, and the best is the signal. */
async function time(runs: number, fn: () => unknown): Promise<{ best: number; median: number }> {
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { best: ms[0]!, median: ms[Math.floor(ms.length / 2)]! };
}

async function main(): Promise<void> {
  const runs = Number(process.argv[3] ?? 3);
  const { privateKey } = generateKeyPairSync('ed25519');
  const publicKeyRaw = ed25519PublicKeyRaw(privateKey);

  const t = performance.now();
  const entries = buildLog(n);
  const checkpoints = signedCheckpoints(entries, privateKey);
  console.log(`built ${n.toLocaleString('en-US')} entries and ${checkpoints.length} checkpoints in ${(performance.now() - t).toFixed(0)} ms`);

  // Warm up the JIT on a small log so the first measured run is not the slowest.
  await verifyLog({ entries: entries.slice(0, 2000) });

  const variants: [string, Hasher, (() => Promise<VerifyReport>) | null][] = [
    ['node:crypto', nodeSha256, null],
    ['pure-JS    ', sha256, null],
    ['parallel   ', nodeSha256, () => verifyLogInParallel({ entries, checkpoints, publicKeyRaw, origin: ORIGIN })],
  ];
  let reference: VerifyReport | null = null;
  for (const [name, hasher, run] of variants) {
    let inputs: Uint8Array[] | null = hashInputs(entries);
    const bytes = inputs.reduce((sum, x) => sum + x.length, 0);
    const raw = await time(runs, () => {
      for (const input of inputs!) hasher(input);
    });
    inputs = null; // let the verifier run without 50 MB of benchmark-only garbage around

    const verify = await time(runs, async () => {
      const report = run !== null ? await run() : await verifyLog({ entries, checkpoints, publicKeyRaw, origin: ORIGIN }, undefined, { hasher });
      if (!report.ok) throw new Error(`bench log did not verify: ${JSON.stringify(report.problems.slice(0, 3))}`);
      reference ??= report;
      if (report.root !== reference.root) throw new Error(`${name.trim()} gives root ${report.root}, not ${reference.root}`);
    });

    console.log(
      `${name}  verifyLog best ${verify.best.toFixed(0).padStart(5)} ms (median ${verify.median.toFixed(0)})  ${rate(n, verify.best).padStart(20)}   ` +
        `raw SHA-256 over the same ${(bytes / 1e6).toFixed(1)} MB best ${raw.best.toFixed(0).padStart(4)} ms  ${rate(n, raw.best).padStart(20)}   ` +
        `(verify / raw = ${(verify.best / raw.best).toFixed(2)})`,
    );
  }
}

void main();
