// Signed tree heads (docs/design.md §4): a C2SP tlog-checkpoint for one size of an organization's log,
// signed as a C2SP signed note with the organization's key. Server-only (private keys); the
// database side — when to sign, storing, locking — lives in db/queries/transparency.ts.

import 'server-only';

import type { KeyObject } from 'node:crypto';
import { base64Encode } from './base64';
import { formatCheckpoint, signNote } from './checkpoint';
import { fromHex, isHashHex } from './hash';

export type TreeHead = {
  size: number;
  /** RFC 6962 root, lowercase hex. */
  rootHash: string;
  /** The signed note: checkpoint text (origin, size, base64 root), blank line, signature. */
  note: string;
};

/** Signs the checkpoint for a log of `size` entries with root `rootHash` (hex). */
export function signTreeHead(signer: { name: string; privateKey: KeyObject }, size: number, rootHash: string): TreeHead {
  if (!isHashHex(rootHash)) throw new Error('signTreeHead: rootHash must be 64 lowercase hex digits');
  const text = formatCheckpoint({ origin: signer.name, size, rootHashB64: base64Encode(fromHex(rootHash)) });
  return { size, rootHash, note: signNote(text, signer) };
}

/** Format tag of the public JSON export (GET /api/o/[slug]/log/export). */
export const LOG_EXPORT_FORMAT = 'quorate-log-export/1';
