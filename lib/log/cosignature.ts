// Witness cosignatures on checkpoints (C2SP tlog-cosignature, cosignature/v1, Ed25519).
// Browser-safe: formatting, parsing and verification; signing lives with whoever holds the
// witness key (scripts/witness.ts).
//
// A witness that has checked a checkpoint is consistent with everything it cosigned before
// signs, with its own Ed25519 key,
//
//   "cosignature/v1\n" "time " <unix seconds> "\n" <checkpoint text>
//
// and the signature is appended to the signed note as one more line:
//
//   "— " <witness name> " " base64(keyhash[4] ‖ timestamp[8, big-endian] ‖ signature[64]) "\n"
//
// keyhash = first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x04 ‖ 32-byte public key); 0x04 is the
// cosignature/v1 signature type, so a witness key can never be mistaken for a log key (0x01).

import { base64Encode } from './base64';
import { utf8 } from './canonical';
import { toHex } from './hash';
import { isValidKeyName, readTypedVerifierKey, splitNote, typedKeyHash, typedVerifierKey, verifyEd25519 } from './signed-note';

/** Signature-type byte of cosignature/v1 in key hashes and verifier keys. */
export const COSIGNATURE_V1_TYPE = 0x04;

export type WitnessKey = { name: string; publicKeyRaw: Uint8Array };

/** First 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x04 ‖ publicKey). */
export function cosignatureKeyHash(name: string, publicKeyRaw: Uint8Array): Uint8Array {
  return typedKeyHash(name, COSIGNATURE_V1_TYPE, publicKeyRaw);
}

/** `<name>+<8 hex of keyhash>+<base64(0x04 ‖ public key)>`: how a witness publishes its key. */
export function witnessVerifierKey(name: string, publicKeyRaw: Uint8Array): string {
  if (!isValidKeyName(name)) throw new Error(`witnessVerifierKey: invalid witness name ${JSON.stringify(name)}`);
  if (publicKeyRaw.length !== 32) throw new Error('witnessVerifierKey: an Ed25519 public key is 32 bytes');
  return typedVerifierKey(name, COSIGNATURE_V1_TYPE, publicKeyRaw);
}

/** Parses a witness verifier key (see witnessVerifierKey), checking its key hash. Throws a plain message if malformed. */
export function parseWitnessVerifierKey(vkey: string): WitnessKey {
  const key = readTypedVerifierKey(vkey, COSIGNATURE_V1_TYPE);
  if (key === 'malformed') throw new Error('This is not a witness key of the form name+hash+key.');
  if (key === 'wrong_type') throw new Error('This is not an Ed25519 cosignature/v1 witness key.');
  if (key === 'hash_mismatch') throw new Error('The witness key’s hash does not match its name and key.');
  return key;
}

/** The bytes a witness signs for checkpoint `text` at `time` (unix seconds). */
export function cosignedMessage(text: string, time: number): Uint8Array {
  if (!Number.isSafeInteger(time) || time < 0) throw new Error('cosignedMessage: time must be a non-negative integer');
  return utf8(`cosignature/v1\ntime ${time}\n${text}`);
}

/** One note signature line for a cosignature (with its final newline). */
export function formatCosignatureLine(witness: WitnessKey, time: number, signature: Uint8Array): string {
  if (signature.length !== 64) throw new Error('formatCosignatureLine: an Ed25519 signature is 64 bytes');
  const payload = new Uint8Array(4 + 8 + 64);
  payload.set(cosignatureKeyHash(witness.name, witness.publicKeyRaw), 0);
  new DataView(payload.buffer).setBigUint64(4, BigInt(time), false);
  payload.set(signature, 12);
  return `\u2014 ${witness.name} ${base64Encode(payload)}\n`;
}

export type Cosignature = { name: string; time: number; line: string };

/**
 * The cosignatures in `note` by `witnesses` that verify over the note's text. Lines by other
 * keys are ignored (a note may carry many); a line naming a known witness with its key hash
 * that does not verify is reported in `invalid`.
 */
export async function verifyCosignatures(
  note: string,
  witnesses: readonly WitnessKey[],
): Promise<{ valid: Cosignature[]; invalid: { name: string; why: string }[] }> {
  const { text, signatures } = splitNote(note);
  const valid: Cosignature[] = [];
  const invalid: { name: string; why: string }[] = [];
  for (const sig of signatures) {
    const witness = witnesses.find((w) => w.name === sig.name && toHex(cosignatureKeyHash(w.name, w.publicKeyRaw)) === toHex(sig.keyHash));
    if (witness === undefined) continue;
    if (sig.signature.length !== 8 + 64) {
      invalid.push({ name: sig.name, why: 'not a cosignature/v1 signature (wrong length)' });
      continue;
    }
    const time = new DataView(sig.signature.buffer, sig.signature.byteOffset, 8).getBigUint64(0, false);
    if (time > BigInt(Number.MAX_SAFE_INTEGER)) {
      invalid.push({ name: sig.name, why: 'timestamp out of range' });
      continue;
    }
    const ok = await verifyEd25519(witness.publicKeyRaw, cosignedMessage(text, Number(time)), sig.signature.subarray(8));
    if (ok) valid.push({ name: sig.name, time: Number(time), line: formatCosignatureLine(witness, Number(time), sig.signature.subarray(8)) });
    else invalid.push({ name: sig.name, why: 'signature does not verify' });
  }
  return { valid, invalid };
}

/** The signed note with cosignature lines appended (each ending in a newline). */
export function appendCosignatures(note: string, lines: readonly string[]): string {
  return note + lines.join('');
}
