// Worker thread behind ./parallel-entry-hasher: fills in EntryBatches' leaf and chain hashes
// (./entry-batch) with node:crypto while the verifier canonicalizes the next batch. Plain
// JavaScript, so it starts without a TypeScript loader under node, tsx and vitest alike.
//
// The same algorithm as hashEntryBatch in ./entry-batch.ts — leaf = SHA-256(0x00 ‖ entry),
// chain = SHA-256(prev hash ‖ entry), both from the one buffer with the slot's last byte
// swapped — and parallel-entry-hasher.test.ts checks the two agree byte for byte.

import * as nodeCrypto from 'node:crypto';
import { parentPort } from 'node:worker_threads';

// crypto.hash (Node ≥ 20.12) is a one-shot without a Hash object; fall back where it is missing.
const sha256 =
  typeof nodeCrypto.hash === 'function'
    ? (data) => nodeCrypto.hash('sha256', data, 'buffer')
    : (data) => nodeCrypto.createHash('sha256').update(data).digest();

parentPort.on('message', (batch) => {
  const { input, starts, ends, hasPrev, leaves, chains } = batch;
  for (let i = 0; i < batch.count; i++) {
    const start = starts[i];
    const end = ends[i];
    const prevLast = input[start + 31];
    input[start + 31] = 0x00;
    leaves.set(sha256(input.subarray(start + 31, end)), 32 * i);
    if (hasPrev[i] === 1) {
      input[start + 31] = prevLast;
      chains.set(sha256(input.subarray(start, end)), 32 * i);
    }
  }
  parentPort.postMessage(batch, [input.buffer, starts.buffer, ends.buffer, hasPrev.buffer, leaves.buffer, chains.buffer]);
});
