import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64Decode } from './base64';
import { ed25519PublicKeyRaw, formatCheckpoint, signNote } from './checkpoint';
import {
  appendCosignatures,
  cosignatureKeyHash,
  cosignedMessage,
  formatCosignatureLine,
  parseWitnessVerifierKey,
  verifyCosignatures,
  witnessVerifierKey,
} from './cosignature';
import { keyHash, splitNote, verifyNote } from './signed-note';

const ORIGIN = 'quorate.example/o/riverbend';
const log = generateKeyPairSync('ed25519').privateKey;
const text = formatCheckpoint({ origin: ORIGIN, size: 7, rootHashB64: Buffer.alloc(32, 9).toString('base64') });
const note = signNote(text, { name: ORIGIN, privateKey: log });

function witness(name: string) {
  const { privateKey } = generateKeyPairSync('ed25519');
  const key = { name, publicKeyRaw: ed25519PublicKeyRaw(privateKey) };
  const cosign = (t: string, time: number) => formatCosignatureLine(key, time, sign(null, cosignedMessage(t, time), privateKey));
  return { key, cosign };
}

describe('cosignature/v1', () => {
  it('signs "cosignature/v1\\ntime <t>\\n" + the checkpoint text', () => {
    expect(new TextDecoder().decode(cosignedMessage(text, 1700000000))).toBe(
      `cosignature/v1\ntime 1700000000\n${ORIGIN}\n7\n${Buffer.alloc(32, 9).toString('base64')}\n`,
    );
  });

  it('key hash uses type byte 0x04, unlike the log key (0x01)', () => {
    const w = witness('witness.example/w1');
    const expected = new Uint8Array(
      createHash('sha256')
        .update(Buffer.concat([Buffer.from('witness.example/w1\n\x04'), w.key.publicKeyRaw]))
        .digest(),
    ).subarray(0, 4);
    expect(cosignatureKeyHash(w.key.name, w.key.publicKeyRaw)).toEqual(expected);
    expect(cosignatureKeyHash(w.key.name, w.key.publicKeyRaw)).not.toEqual(keyHash(w.key.name, w.key.publicKeyRaw));
  });

  it('round trips: line = name, base64(keyhash ‖ 8-byte big-endian time ‖ signature); verifies; the log signature still verifies', async () => {
    const w = witness('witness.example/w1');
    const line = w.cosign(text, 1700000123);
    const bytes = base64Decode(line.slice(line.lastIndexOf(' ') + 1, -1))!;
    expect(bytes).toHaveLength(76);
    expect(Buffer.from(bytes.subarray(4, 12)).readBigUInt64BE()).toBe(1700000123n);
    const cosigned = appendCosignatures(note, [line]);
    expect(splitNote(cosigned).signatures).toHaveLength(2);
    expect(await verifyCosignatures(cosigned, [w.key])).toEqual({ valid: [{ name: w.key.name, time: 1700000123, line }], invalid: [] });
    expect((await verifyNote(cosigned, { name: ORIGIN, publicKeyRaw: ed25519PublicKeyRaw(log) })).ok).toBe(true);
  });

  it('verifier keys round trip and reject a wrong hash or type', () => {
    const w = witness('w2');
    const vkey = witnessVerifierKey(w.key.name, w.key.publicKeyRaw);
    expect(parseWitnessVerifierKey(vkey)).toEqual(w.key);
    expect(() => parseWitnessVerifierKey(vkey.replace(/\+[0-9a-f]{8}\+/, '+00000000+'))).toThrow(/hash/);
    const typed = Buffer.concat([Buffer.from([1]), w.key.publicKeyRaw]).toString('base64');
    expect(() => parseWitnessVerifierKey(`w2+${Buffer.from(cosignatureKeyHash('w2', w.key.publicKeyRaw)).toString('hex')}+${typed}`)).toThrow(/cosignature/);
  });

  it('a forged cosignature is invalid: other key under the witness name, other time, other checkpoint', async () => {
    const w = witness('w3');
    const forger = witness('w3');
    const forged = formatCosignatureLine(w.key, 1700000000, sign(null, cosignedMessage(text, 1700000000), generateKeyPairSync('ed25519').privateKey));
    expect(await verifyCosignatures(appendCosignatures(note, [forged]), [w.key])).toEqual({
      valid: [],
      invalid: [{ name: 'w3', why: 'signature does not verify' }],
    });
    // The forger's own line carries its own key hash: not this witness's, so not counted.
    expect((await verifyCosignatures(appendCosignatures(note, [forger.cosign(text, 1)]), [w.key])).valid).toEqual([]);
    // A real signature over another time, relabelled.
    const real = base64Decode(w.cosign(text, 5).trim().split(' ')[2]!)!;
    const retimed = formatCosignatureLine(w.key, 6, real.subarray(12));
    expect((await verifyCosignatures(appendCosignatures(note, [retimed]), [w.key])).invalid).toHaveLength(1);
    // A cosignature of another checkpoint moved onto this one.
    const other = formatCheckpoint({ origin: ORIGIN, size: 8, rootHashB64: Buffer.alloc(32, 1).toString('base64') });
    expect((await verifyCosignatures(appendCosignatures(note, [w.cosign(other, 5)]), [w.key])).invalid).toHaveLength(1);
  });
});
