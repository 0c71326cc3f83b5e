// SHA-256 via node:crypto (OpenSSL) for server code, the CLI and benchmarks. Not importable
// from the browser verifier — that uses ./sha256.

import * as nodeCrypto from 'node:crypto';
import type { Hasher } from './hash';

// crypto.hash (Node ≥ 20.12) skips the Hash object that createHash builds, which is most of the
// cost for the few-hundred-byte inputs the log hashes. package.json allows Node 20.9, so fall
// back when it is missing.
const oneShot: ((algorithm: string, data: Uint8Array, encoding: 'buffer') => Buffer) | undefined =
  typeof nodeCrypto.hash === 'function' ? nodeCrypto.hash : undefined;

/** SHA-256 of `data` via node:crypto, returned as a plain Uint8Array (not a Buffer). */
export const nodeSha256: Hasher = (data) => {
  const digest = oneShot !== undefined ? oneShot('sha256', data, 'buffer') : nodeCrypto.createHash('sha256').update(data).digest();
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
};
