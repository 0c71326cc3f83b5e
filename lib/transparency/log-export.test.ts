import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sealEntry, entryLeafHash } from '@/lib/log/entry';
import type { StoredEntry } from '@/lib/log/entry';
import { GENESIS_HASH } from '@/lib/log/hash';
import { appendLeaf, emptyFrontier, frontierRoot } from '@/lib/log/merkle';
import { nodeSha256 } from '@/lib/log/node-hash';
import { base64Encode } from '@/lib/log/base64';
import { utf8 } from '@/lib/log/canonical';
import { formatCheckpoint, keyHash, verifierKey } from '@/lib/log/signed-note';
import { verifyLog } from '@/lib/log/verify';
import { loadLogExport } from './log-export';

const origin = 'quorate.test/o/demo';

function makeExport(n: number) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = new Uint8Array(Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url'));
  const entries: StoredEntry[] = [];
  let prev = GENESIS_HASH;
  let frontier = emptyFrontier();
  for (let seq = 1; seq <= n; seq++) {
    const e = sealEntry(nodeSha256, prev, {
      orgId: 'o',
      seq,
      at: new Date(Date.UTC(2026, 0, 1, 0, seq)).toISOString(),
      actorId: null,
      kind: 'test.event',
      subject: null,
      payload: { seq },
    });
    entries.push(e);
    prev = e.hash;
    frontier = appendLeaf(nodeSha256, frontier, entryLeafHash(nodeSha256, e));
  }
  const text = formatCheckpoint({ origin, size: n, rootHashB64: base64Encode(frontierRoot(nodeSha256, frontier)) });
  const sig = sign(null, utf8(text), privateKey);
  const note = `${text}\n\u2014 ${origin} ${base64Encode(new Uint8Array([...keyHash(origin, raw), ...sig]))}\n`;
  const vkey = verifierKey(origin, raw);
  return {
    doc: {
      format: 'quorate-log-export/1',
      organization: { id: 'o', slug: 'demo', name: 'Demo' },
      origin,
      verifierKey: vkey,
      publicKey: base64Encode(raw),
      entries,
      checkpoints: [{ size: n, note }],
    },
    vkey,
  };
}

describe('loadLogExport', () => {
  it('reads an export into verifier input that checks out, key and all', async () => {
    const { doc, vkey } = makeExport(5);
    const loaded = loadLogExport(JSON.stringify(doc));
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.value.keyUsed).toBe(vkey);
    expect(loaded.value.organization).toEqual({ id: 'o', slug: 'demo', name: 'Demo' });
    const report = await verifyLog(loaded.value.input);
    expect(report.ok).toBe(true);
    expect(report.entriesChecked).toBe(5);
  });

  it('checks against a pinned key and flags an export that names another', async () => {
    const { doc } = makeExport(3);
    const other = makeExport(1).vkey;
    const loaded = loadLogExport(JSON.stringify(doc), other);
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.value.keyMismatch).toBe(doc.verifierKey);
    const report = await verifyLog(loaded.value.input);
    expect(report.ok).toBe(false);
    expect(report.problems.some((p) => p.kind === 'bad_checkpoint_signature')).toBe(true);
  });

  it('explains what is wrong with files that are not exports', () => {
    expect(loadLogExport('not json')).toMatchObject({ ok: false });
    expect(loadLogExport('[]')).toMatchObject({ ok: false });
    expect(loadLogExport('{"format":"other"}')).toMatchObject({ ok: false, error: expect.stringContaining('Unknown export format') });
    expect(loadLogExport('{"format":"quorate-log-export/1"}')).toMatchObject({ ok: false, error: 'The export has no list of entries.' });
    expect(loadLogExport(JSON.stringify(makeExport(1).doc), 'garbage')).toMatchObject({ ok: false });
  });
});
