import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, chainHash, fromHex, isHashHex, toHex } from './hash';
import { nodeSha256 } from './node-hash';
import { sha256 } from './sha256';
import { expectCodecMatchesBuffer } from './testing';

describe('toHex / fromHex', () => {
  it('round-trip any bytes, lowercase', () => {
    expectCodecMatchesBuffer(toHex, fromHex, 'hex', 80);
  });

  it.each(['abc', '0g', 'AB', ' 0', '0x'])('rejects %j', (bad) => {
    expect(() => fromHex(bad)).toThrow();
  });

  it('isHashHex accepts exactly 64 lowercase hex digits', () => {
    expect(isHashHex(GENESIS_HASH)).toBe(true);
    expect(isHashHex('a'.repeat(64))).toBe(true);
    expect(isHashHex('A'.repeat(64))).toBe(false);
    expect(isHashHex('a'.repeat(63))).toBe(false);
    expect(isHashHex(42)).toBe(false);
  });
});

describe('chainHash', () => {
  it('is SHA-256 over the 32 raw prev-hash bytes followed by the UTF-8 entry', () => {
    const prev = toHex(createHash('sha256').update('previous').digest());
    const entry = '{"kind":"vote.cast","note":"Zoë 😀"}';
    const expected = createHash('sha256').update(Buffer.from(prev, 'hex')).update(Buffer.from(entry, 'utf8')).digest('hex');
    expect(chainHash(nodeSha256, prev, entry)).toBe(expected);
    expect(chainHash(sha256, prev, entry)).toBe(expected);
  });

  it('starts from 32 zero bytes at genesis', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    const expected = createHash('sha256').update(Buffer.alloc(32)).update('{}').digest('hex');
    expect(chainHash(sha256, GENESIS_HASH, '{}')).toBe(expected);
  });

  it('rejects a prev hash that is not 64 lowercase hex digits', () => {
    expect(() => chainHash(sha256, 'ab', '{}')).toThrow();
    expect(() => chainHash(sha256, GENESIS_HASH.toUpperCase().replace(/0/g, 'A'), '{}')).toThrow();
  });
});
