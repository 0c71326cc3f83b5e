// Signed tree heads for the decision log: C2SP tlog-checkpoint text signed as a C2SP signed
// note with the organization's Ed25519 key (docs/design.md §4). Signing holds a private key, so this
// module is server-only; readers and the browser verifier import ./signed-note directly.

import 'server-only';

import { createPublicKey, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { base64Encode } from './base64';
import { utf8 } from './canonical';
import { hasOnlyNoteCharacters, isValidKeyName, keyHash } from './signed-note';

export { formatCheckpoint, parseCheckpoint, parseVerifierKey, verifierKey, verifyEd25519, verifyNote } from './signed-note';
export type { Checkpoint, NoteVerification } from './signed-note';

/** The raw 32-byte Ed25519 public key of a private or public KeyObject. */
export function ed25519PublicKeyRaw(key: KeyObject): Uint8Array {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  if (pub.asymmetricKeyType !== 'ed25519') throw new Error('ed25519PublicKeyRaw: not an Ed25519 key');
  const { x } = pub.export({ format: 'jwk' });
  if (typeof x !== 'string') throw new Error('ed25519PublicKeyRaw: key has no public part');
  return new Uint8Array(Buffer.from(x, 'base64url'));
}

/**
 * Signs `text` as a signed note: the text, a blank line, then
 * `— <name> <base64(keyhash ‖ Ed25519 signature over the text)>\n` (C2SP signed-note).
 * Ed25519 signatures are deterministic (RFC 8032 §5.1.6), so the same text and key always give
 * the same note.
 */
export function signNote(text: string, signer: { name: string; privateKey: KeyObject }): string {
  if (!text.endsWith('\n')) throw new Error('signNote: text must end with a newline');
  if (!hasOnlyNoteCharacters(text)) throw new Error('signNote: text has invalid Unicode or a control character');
  if (!isValidKeyName(signer.name)) throw new Error(`signNote: invalid key name ${JSON.stringify(signer.name)}`);
  if (signer.privateKey.type !== 'private' || signer.privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error('signNote: privateKey must be an Ed25519 private key');
  }
  const signature = sign(null, utf8(text), signer.privateKey);
  const payload = new Uint8Array(4 + signature.length);
  payload.set(keyHash(signer.name, ed25519PublicKeyRaw(signer.privateKey)), 0);
  payload.set(signature, 4);
  return `${text}\n\u2014 ${signer.name} ${base64Encode(payload)}\n`;
}
