import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from './hash';
import { nodeSha256 } from './node-hash';
import { sha256 } from './sha256';

const reference = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('sha256 (pure JS)', () => {
  it('matches the FIPS 180-2 / NIST examples', () => {
    expect(toHex(sha256(ascii('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(sha256(ascii('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(sha256(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(toHex(sha256(new Uint8Array(1_000_000).fill(0x61)))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  // The padding boundaries: 55 bytes is the longest message whose length fits in the same
  // block, 56 forces a second block, 64 is exactly one block, 63/65 sit either side.
  it.each([0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1_000_000, 1 << 20])('agrees with node:crypto on %i random bytes', (length) => {
    const data = new Uint8Array(randomBytes(length));
    expect(toHex(sha256(data))).toBe(reference(data));
  });

  it('agrees with node:crypto on random inputs of random lengths', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (data) => toHex(sha256(data)) === reference(data)),
      { numRuns: 2000 },
    );
  });

  it('hashes a subarray view by its own bytes, not its backing buffer', () => {
    const backing = new Uint8Array(randomBytes(200));
    const view = backing.subarray(7, 150);
    expect(toHex(sha256(view))).toBe(reference(view));
  });

  it('does not leak state between calls', () => {
    const a = ascii('first');
    const first = toHex(sha256(a));
    sha256(new Uint8Array(randomBytes(1000)));
    expect(toHex(sha256(a))).toBe(first);
  });
});

describe('nodeSha256', () => {
  it('returns a plain Uint8Array of the digest', () => {
    const out = nodeSha256(ascii('abc'));
    expect(Object.getPrototypeOf(out)).toBe(Uint8Array.prototype);
    expect(toHex(out)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
