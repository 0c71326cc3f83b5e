import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from './hash';
import { nodeSha256 } from './node-hash';
import { sha256 } from './sha256';

describe('nodeSha256', () => {
  it('is SHA-256: agrees with createHash and with the pure-JS hasher, every byte value included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (data) => {
        const digest = nodeSha256(data);
        expect(digest).toBeInstanceOf(Uint8Array);
        expect(digest.length).toBe(32);
        expect(toHex(digest)).toBe(createHash('sha256').update(data).digest('hex'));
        expect(digest).toEqual(sha256(data));
      }),
      { numRuns: 2000 },
    );
  });

  it('hashes exactly the view it is given, not its whole buffer', () => {
    const buffer = new Uint8Array([9, 1, 2, 3, 9]);
    expect(toHex(nodeSha256(buffer.subarray(1, 4)))).toBe(
      createHash('sha256')
        .update(Buffer.from([1, 2, 3]))
        .digest('hex'),
    );
  });

  it('gives a fresh array each call', () => {
    const a = nodeSha256(new Uint8Array([1]));
    const b = nodeSha256(new Uint8Array([2]));
    expect(a).not.toBe(b);
    expect(toHex(a)).not.toBe(toHex(b));
  });
});
