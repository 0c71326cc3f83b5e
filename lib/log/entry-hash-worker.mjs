// Worker thread behind ./parallel-entry-hasher: fills in EntryBatches (./entry-batch) with
// node:crypto — leaf hashes, and chain hashes checked against the stored ones — while the
// verifier canonicalizes the next batch. Plain JavaScript, so it starts without a TypeScript
// loader under node, tsx and vitest alike.
//
// The same algorithm as hashEntryBatch in ./entry-batch.ts (see the layout there);
// verify.test.ts runs every case through both and requires the same report.

import * as nodeCrypto from 'node:crypto';
import { parentPort } from 'node:worker_threads';

// crypto.hash (Node ≥ 20.12) is a one-shot without a Hash object; fall back where it is missing.
const sha256 =
  typeof nodeCrypto.hash === 'function'
    ? (data) => nodeCrypto.hash('sha256', data, 'buffer')
    : (data) => nodeCrypto.createHash('sha256').update(data).digest();

const NO_CHAIN = 0;
const CHAIN_MATCHES = 1;
const CHAIN_DIFFERS = 2;

function hexValue(code) {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

function hashBatch(batch) {
  const { input, starts, ends, hex, leaves, chains, chain } = batch;
  for (let i = 0; i < batch.count; i++) {
    const start = starts[i];
    const end = ends[i];
    input[start + 31] = 0x00;
    leaves.set(sha256(input.subarray(start + 31, end)), 32 * i);
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
      chains.set(digest, 32 * i);
      let same = true;
      for (let j = 0; same && j < 32; j++) {
        same = hexValue(hex.charCodeAt(128 * i + 2 * j)) === digest[j] >> 4 && hexValue(hex.charCodeAt(128 * i + 2 * j + 1)) === (digest[j] & 15);
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
  parentPort.postMessage(reply, [input, starts, ends, leaves, chains, chain].map((a) => a.buffer));
});
