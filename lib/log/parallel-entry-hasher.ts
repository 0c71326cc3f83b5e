// Node-only: verifyLog with entry hashing in a worker thread. The verifier's time on a large log
// is about half SHA-256 and half canonicalization; the two are independent per entry (each
// stored entry carries its own prevHash), so a worker hashes one batch while this thread
// canonicalizes the next. Links, hashes and the Merkle tree are still checked here, in order,
// by the same verifyLog the browser runs — only where the leaf and chain hashes are computed
// changes. For the CLI and benchmarks; the browser verifier never imports this file.

import { Worker } from 'node:worker_threads';
import type { EntryBatch, EntryBatchHasher } from './entry-batch';
import { nodeSha256 } from './node-hash';
import { verifyLog } from './verify';
import type { VerifyInput, VerifyOptions, VerifyReport } from './verify';

export type EntryHashWorker = {
  /** An EntryBatchHasher for verifyLog's `batchHasher` option. */
  hashBatch: EntryBatchHasher;
  /** Stops the worker; batches still in flight are rejected. */
  close: () => Promise<void>;
};

function buffersOf(batch: EntryBatch): ArrayBuffer[] {
  return [batch.input, batch.starts, batch.ends, batch.leaves, batch.chains, batch.chain].map((a) => a.buffer as ArrayBuffer);
}

/** Starts a worker thread that hashes EntryBatches with node:crypto. Close it when done. */
export function startEntryHashWorker(): EntryHashWorker {
  const worker = new Worker(new URL('./entry-hash-worker.mjs', import.meta.url));
  // The worker answers in the order it was asked.
  const waiting: { resolve: (batch: EntryBatch) => void; reject: (error: unknown) => void }[] = [];
  let failure: unknown = null;
  // Referenced only while a batch is in flight, so a forgotten close() cannot keep a CLI alive.
  worker.unref();
  worker.on('message', (reply: { batch: EntryBatch; error?: string }) => {
    const w = waiting.shift();
    if (reply.error !== undefined) w?.reject(new Error(reply.error));
    else w?.resolve(reply.batch);
    if (waiting.length === 0) worker.unref();
  });
  const failAll = (error: unknown): void => {
    failure ??= error;
    for (const w of waiting.splice(0)) w.reject(error);
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`entry hash worker exited (code ${code})`)));

  return {
    hashBatch: (batch) => {
      const hashed = new Promise<EntryBatch>((resolve, reject) => {
        if (failure !== null) return reject(failure);
        waiting.push({ resolve, reject });
        worker.ref();
        // Transferred, not copied: the buffers belong to the worker until it sends them back.
        worker.postMessage(batch, buffersOf(batch));
      });
      // verifyLog awaits each batch only after handing over the next, so a failure can arrive
      // before anyone listens; that must not count as an unhandled rejection. The caller still
      // gets the error when it awaits.
      hashed.catch(() => {});
      return hashed;
    },
    close: async () => {
      await worker.terminate();
    },
  };
}

/**
 * Below this many entries a worker's start-up (tens of milliseconds) costs more than it saves,
 * so verifyLogInParallel hashes in this thread.
 */
const WORKER_THRESHOLD = 20_000;

/**
 * verifyLog with node:crypto, hashing entries in a worker thread for large logs. The report is
 * the one verifyLog gives with node:crypto in one thread; verify.test.ts runs its cases both ways.
 */
export async function verifyLogInParallel(
  input: VerifyInput,
  onProgress?: (done: number, total: number) => void,
  options: Omit<VerifyOptions, 'hasher' | 'batchHasher'> & { minEntriesForWorker?: number } = {},
): Promise<VerifyReport> {
  const { minEntriesForWorker = WORKER_THRESHOLD, ...rest } = options;
  const n = Array.isArray(input.entries) ? input.entries.length : 0;
  if (n < minEntriesForWorker) return verifyLog(input, onProgress, { ...rest, hasher: nodeSha256 });
  const worker = startEntryHashWorker();
  try {
    return await verifyLog(input, onProgress, { ...rest, hasher: nodeSha256, batchHasher: worker.hashBatch });
  } finally {
    await worker.close();
  }
}
