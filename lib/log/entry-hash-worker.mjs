// Worker thread behind ./parallel-entry-hasher: fills in EntryBatches (./entry-batch) with
// node:crypto — leaf hashes, and chain hashes checked against the stored ones — while the
// verifier canonicalizes the next batch. Plain JavaScript, so it starts without a TypeScript
// loader under node, tsx and vitest alike.
//
// The same algorithm as hashEntryBatch in ./entry-batch.ts (see the layout there);
// verify.test.ts runs every case through both and requires the same report.

import * as nodeCrypto from 'node:crypto';
import { parentPort } from 'node:worker_threads';

// SHA-256 digests as 'binary' (latin1) strings, one character per byte: a 'buffer' digest
// gets its own off-heap allocation, which for inputs this short costs more than the hashing
// (see ./node-hash.ts). crypto.hash is Node ≥ 20.12; fall back where it is missing.
const sha256 =
  typeof nodeCrypto.hash === 'function'
    ? (data) => nodeCrypto.hash('sha256', data, 'binary')
    : (data) => nodeCrypto.createHash('sha256').update(data).digest('binary');

const NO_CHAIN = 0;
const CHAIN_MATCHES = 1;
const CHAIN_DIFFERS = 2;

// The value of each lowercase hex digit by character code, -1 for anything else (uppercase
// too, as in ./entry-batch.ts).
const HEX_DIGIT = new Int8Array(65536).fill(-1);
for (let c = 0; c < 16; c++) HEX_DIGIT['0123456789abcdef'.charCodeAt(c)] = c;
const hexValue = (code) => HEX_DIGIT[code];

function hashBatch(batch) {
  const { input, starts, ends, hex, leaves, chains, chain } = batch;
  for (let i = 0; i < batch.count; i++) {
    const start = starts[i];
    const end = ends[i];
    input[start + 31] = 0x00;
    const leaf = sha256(input.subarray(start + 31, end));
    for (let j = 0; j < 32; j++) leaves[32 * i + j] = leaf.charCodeAt(j);
    let prevIsHash = true;
    for (let j = 0; prevIsHash && j < 32; j++) {
      const hi = hexValue(hex.charCodeAt(128 * i + 64 + 2 * j));
      const lo = hexValue(hex.charCodeAt(128 * i + 65 + 2 * j));
      prevIsHash = hi >= 0 && lo >= 0;
      input[start + j] = (hi << 4) | lo;
    }
    chain[i] = NO_CHAIN;
    if (prevIsHash) {
      const digest = sha256(input.subarray(start, end));
      let same = true;
      for (let j = 0; j < 32; j++) {
        const b = digest.charCodeAt(j);
        chains[32 * i + j] = b;
        same = same && hexValue(hex.charCodeAt(128 * i + 2 * j)) === b >> 4 && hexValue(hex.charCodeAt(128 * i + 2 * j + 1)) === (b & 15);
      }
      chain[i] = same ? CHAIN_MATCHES : CHAIN_DIFFERS;
    }
  }
  return batch;
}

parentPort.on('message', (batch) => {
  let reply;
  try {
    reply = { batch: hashBatch(batch) };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error), batch };
  }
  const { input, starts, ends, leaves, chains, chain } = reply.batch;
  parentPort.postMessage(
    reply,
    [input, starts, ends, leaves, chains, chain].map((a) => a.buffer),
  );
});
