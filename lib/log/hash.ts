// The hash chain over decision-log entries (docs/design.md §4: hash = SHA-256(prev_hash ‖ canonical
// entry)). Browser-safe: the hash function is injected, so the same math runs with node:crypto
// on the server (./node-hash) and with the pure-JS SHA-256 (./sha256) in the browser.

import { utf8 } from './canonical';

/** A synchronous hash function. Every caller in lib/log expects SHA-256 (32-byte output). */
export type Hasher = (data: Uint8Array) => Uint8Array;

/** The prevHash of the first entry (seq 1): 32 zero bytes, as 64 hex zeros. */
export const GENESIS_HASH = '0'.repeat(64);

const HEX_DIGITS = '0123456789abcdef';
const BYTE_TO_HEX: string[] = Array.from({ length: 256 }, (_, b) => HEX_DIGITS[b >> 4]! + HEX_DIGITS[b & 15]!);

/** Lowercase hex. Lowercase is the only form stored, so a stored hash compares as a string. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += BYTE_TO_HEX[bytes[i]!];
  return out;
}

function nibble(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 97 && code <= 102) return code - 87; // a-f
  return -1;
}

/**
 * Decodes lowercase hex. Uppercase is rejected on purpose: with one accepted spelling per byte
 * string, a hash that was edited to "ABC…" cannot masquerade as the same value.
 */
export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0) throw new Error(`fromHex: odd length ${hex.length}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = nibble(hex.charCodeAt(2 * i));
    const lo = nibble(hex.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) throw new Error(`fromHex: not lowercase hex at offset ${2 * i}`);
    out[i] = (hi << 4) | lo;
  }
  return out;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** True when `s` looks like a stored SHA-256 hash: exactly 64 lowercase hex digits. */
export function isHashHex(s: unknown): s is string {
  return typeof s === 'string' && SHA256_HEX.test(s);
}

/**
 * Chain hash of one entry, as lowercase hex.
 *
 * Exact input bytes to SHA-256 (no length prefixes, no separators):
 *
 *   offset 0..31   the previous entry's hash as 32 raw bytes (hex-decoded `prevHashHex`;
 *                  32 zero bytes — GENESIS_HASH — for seq 1)
 *   offset 32..    UTF-8 of `canonicalEntry` (RFC 8785 canonical JSON, see ./entry)
 *
 * No separator is needed: the first part has a fixed length of 32 bytes, so the split is
 * unambiguous.
 */
export function chainHash(h: Hasher, prevHashHex: string, canonicalEntry: string): string {
  if (!isHashHex(prevHashHex)) throw new Error('chainHash: prevHash must be 64 lowercase hex digits');
  const body = utf8(canonicalEntry);
  const input = new Uint8Array(32 + body.length);
  input.set(fromHex(prevHashHex), 0);
  input.set(body, 32);
  return toHex(h(input));
}
