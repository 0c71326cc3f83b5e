import { describe, expect, it } from 'vitest';
import { sealEntry } from './entry';
import type { StoredEntry } from './entry';
import { GENESIS_HASH } from './hash';
import { nodeSha256 } from './node-hash';
import { startEntryHashWorker, verifyLogInParallel } from './parallel-entry-hasher';
import { verifyLog } from './verify';

function makeLog(n: number): StoredEntry[] {
  const out: StoredEntry[] = [];
  for (let seq = 1; seq <= n; seq++) {
    out.push(
      sealEntry(nodeSha256, out.at(-1)?.hash ?? GENESIS_HASH, {
        orgId: 'o',
        seq,
        at: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString(),
        actorId: null,
        kind: 'k',
        subject: null,
        payload: { seq },
      }),
    );
  }
  return out;
}

// verify.test.ts runs every verification case through the worker as well; these are the
// worker's own failure modes.
describe('startEntryHashWorker', () => {
  it('rejects batches once closed, and verifyLog passes the error on instead of crashing', async () => {
    const worker = startEntryHashWorker();
    const log = makeLog(10);
    expect((await verifyLog({ entries: log }, undefined, { hasher: nodeSha256, batchHasher: worker.hashBatch })).ok).toBe(true);
    await worker.close();
    await expect(verifyLog({ entries: log }, undefined, { hasher: nodeSha256, batchHasher: worker.hashBatch })).rejects.toThrow(/exited/);
  });

  it('serves several verifications at once, each getting its own batches back', async () => {
    const worker = startEntryHashWorker();
    try {
      const logs = [makeLog(3000), makeLog(50), makeLog(4097)];
      logs[1]![20]!.payload = { edited: true };
      const reports = await Promise.all(
        logs.map((entries) => verifyLog({ entries }, () => {}, { hasher: nodeSha256, batchHasher: worker.hashBatch, yieldEvery: 700 })),
      );
      const alone = await Promise.all(logs.map((entries) => verifyLog({ entries }, undefined, { hasher: nodeSha256 })));
      expect(reports).toEqual(alone);
      expect(reports.map((r) => r.ok)).toEqual([true, false, true]);
    } finally {
      await worker.close();
    }
  });

  it('verifyLogInParallel lets the process exit without an explicit close', async () => {
    // The worker is unreferenced while idle; a finished verification leaves nothing running.
    const report = await verifyLogInParallel({ entries: makeLog(100) }, undefined, { minEntriesForWorker: 0 });
    expect(report.ok).toBe(true);
  });
});
