// C2SP signed notes (https://c2sp.org/signed-note) and tlog checkpoints
// (https://c2sp.org/tlog-checkpoint): the browser-safe half — formatting, parsing and
// verification. Signing needs a private key and lives in ./checkpoint (server-only).
//
// Signed-note format, as implemented by golang.org/x/mod/sumdb/note:
//
//   <text, ending in "\n">
//   "\n"                                   (a blank line)
//   "— " <key name> " " base64(keyhash[4] ‖ signature) "\n"     (one or more lines)
//
// keyhash = first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ 32-byte Ed25519 public key); 0x01 is
// the Ed25519 signature-type byte. The signature is Ed25519 over the UTF-8 text (including its
// final newline, excluding the blank line).

import { base64Decode, base64Encode } from './base64';
import { isWellFormedUnicode, utf8 } from './canonical';
import { toHex } from './hash';
import { sha256 } from './sha256';

/** Signature-type byte for Ed25519 in key hashes and verifier keys (signed-note spec). */
export const ED25519_SIGNATURE_TYPE = 0x01;

const EM_DASH_SPACE = '\u2014 ';
const MAX_SIGNATURES = 100; // as Go's note.Open: bounds work on hostile input

/**
 * Key names are non-empty, contain no Unicode whitespace and no '+' (signed-note spec): the
 * name is delimited by a space in signature lines and by '+' in verifier keys.
 */
export function isValidKeyName(name: string): boolean {
  return name !== '' && isWellFormedUnicode(name) && !/[\s\u0085+]/u.test(name);
}

/**
 * Signed-note text rules: well-formed Unicode (valid UTF-8 once encoded) and no ASCII control
 * characters other than newline, so a note means the same thing in every viewer.
 */
export function hasOnlyNoteCharacters(s: string): boolean {
  return isWellFormedUnicode(s) && !/[\u0000-\u0009\u000b-\u001f]/.test(s);
}

/** First 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ publicKey): identifies the key in signatures. */
export function keyHash(name: string, publicKeyRaw: Uint8Array): Uint8Array {
  return typedKeyHash(name, ED25519_SIGNATURE_TYPE, publicKeyRaw);
}

/** First 4 bytes of SHA-256(name ‖ 0x0A ‖ signatureType ‖ publicKey): a key hash for any signature type. */
export function typedKeyHash(name: string, signatureType: number, publicKeyRaw: Uint8Array): Uint8Array {
  const nameBytes = utf8(name);
  const input = new Uint8Array(nameBytes.length + 2 + publicKeyRaw.length);
  input.set(nameBytes, 0);
  input[nameBytes.length] = 0x0a;
  input[nameBytes.length + 1] = signatureType;
  input.set(publicKeyRaw, nameBytes.length + 2);
  return sha256(input).subarray(0, 4);
}

/**
 * The verifier key a reader pins to check this log's notes:
 * `<name>+<8 hex digits of keyhash>+<base64(0x01 ‖ 32-byte public key)>` — the format Go's
 * note.NewVerifier and other C2SP tooling read.
 */
export function verifierKey(name: string, publicKeyRaw: Uint8Array): string {
  if (!isValidKeyName(name)) throw new Error(`verifierKey: invalid key name ${JSON.stringify(name)}`);
  if (publicKeyRaw.length !== 32) throw new Error('verifierKey: an Ed25519 public key is 32 bytes');
  return typedVerifierKey(name, ED25519_SIGNATURE_TYPE, publicKeyRaw);
}

/** `<name>+<8 hex digits of keyhash>+<base64(signatureType ‖ public key)>`, for a name and key the caller has checked. */
export function typedVerifierKey(name: string, signatureType: number, publicKeyRaw: Uint8Array): string {
  const typed = new Uint8Array(1 + publicKeyRaw.length);
  typed[0] = signatureType;
  typed.set(publicKeyRaw, 1);
  return `${name}+${toHex(typedKeyHash(name, signatureType, publicKeyRaw))}+${base64Encode(typed)}`;
}

/** Parses a verifier key (see verifierKey), checking its key hash. Throws if malformed. */
export function parseVerifierKey(vkey: string): { name: string; publicKeyRaw: Uint8Array } {
  const key = readTypedVerifierKey(vkey, ED25519_SIGNATURE_TYPE);
  if (key === 'malformed') throw new Error('parseVerifierKey: malformed verifier key');
  if (key === 'wrong_type') throw new Error('parseVerifierKey: not an Ed25519 key');
  if (key === 'hash_mismatch') throw new Error('parseVerifierKey: key hash does not match');
  return key;
}

/**
 * Reads `<name>+<8 hex digits of keyhash>+<base64(signatureType ‖ 32-byte public key)>`, or says what is wrong with it:
 * 'malformed' (no valid name or hash), 'wrong_type' (not a 32-byte key of `signatureType`) or 'hash_mismatch'.
 */
export function readTypedVerifierKey(
  vkey: string,
  signatureType: number,
): { name: string; publicKeyRaw: Uint8Array } | 'malformed' | 'wrong_type' | 'hash_mismatch' {
  // Split at the first two '+' only: base64 key data may itself contain '+'.
  const first = vkey.indexOf('+');
  const second = first < 0 ? -1 : vkey.indexOf('+', first + 1);
  const name = vkey.slice(0, Math.max(0, first));
  const hash = vkey.slice(first + 1, second);
  const typed = second < 0 ? null : base64Decode(vkey.slice(second + 1));
  if (second < 0 || !isValidKeyName(name) || !/^[0-9a-f]{8}$/.test(hash)) return 'malformed';
  if (typed === null || typed.length !== 33 || typed[0] !== signatureType) return 'wrong_type';
  const publicKeyRaw = typed.slice(1);
  if (toHex(typedKeyHash(name, signatureType, publicKeyRaw)) !== hash) return 'hash_mismatch';
  return { name, publicKeyRaw };
}

// WebCrypto wants ArrayBuffer-backed views; copying also detaches us from caller buffers.
const own = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

/**
 * Ed25519 verification through WebCrypto (`crypto.subtle`), which Node 20 and current browsers
 * both provide, so this one function serves the CLI and the in-browser verifier. Resolves false
 * for a bad signature or an invalid key; rejects if the environment cannot do Ed25519 at all,
 * so "cannot check" is never reported as "forged".
 */
export async function verifyEd25519(pubRaw: Uint8Array, msg: Uint8Array, sig: Uint8Array): Promise<boolean> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) throw new Error('verifyEd25519: WebCrypto (crypto.subtle) is not available');
  if (pubRaw.length !== 32 || sig.length !== 64) return false;
  let key: CryptoKey;
  try {
    key = await subtle.importKey('raw', own(pubRaw), { name: 'Ed25519' }, false, ['verify']);
  } catch (error) {
    if (error instanceof Error && error.name === 'NotSupportedError') {
      throw new Error('verifyEd25519: this environment does not support Ed25519 in WebCrypto', { cause: error });
    }
    return false; // DataError: not a valid Ed25519 public key
  }
  return subtle.verify({ name: 'Ed25519' }, key, own(sig), own(msg));
}

export type NoteSignature = { name: string; keyHash: Uint8Array; signature: Uint8Array };

/**
 * Splits a signed note into its text and signature lines, without verifying anything. Throws
 * on a malformed note. The split is at the *last* blank line, as in Go's note.Open, so the
 * text itself may contain blank lines.
 */
export function splitNote(note: string): { text: string; signatures: NoteSignature[] } {
  const malformed = (why: string): never => {
    throw new Error(`malformed note: ${why}`);
  };
  if (!hasOnlyNoteCharacters(note)) return malformed('invalid Unicode or a control character');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return malformed('no blank line before the signatures');
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) return malformed('signature block must end with a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) return malformed(`more than ${MAX_SIGNATURES} signatures`);
  const signatures = lines.map((line) => {
    if (!line.startsWith(EM_DASH_SPACE)) return malformed('signature line must start with "— "');
    const rest = line.slice(EM_DASH_SPACE.length);
    const space = rest.indexOf(' ');
    const name = space < 0 ? rest : rest.slice(0, space);
    const bytes = space < 0 ? null : base64Decode(rest.slice(space + 1));
    if (!isValidKeyName(name)) return malformed('invalid key name');
    if (bytes === null || bytes.length < 5) return malformed('signature is not base64 of keyhash ‖ signature');
    return { name, keyHash: bytes.subarray(0, 4), signature: bytes.subarray(4) };
  });
  return { text, signatures };
}

export type NoteVerification = { ok: true; text: string } | { ok: false; error: string };

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Verifies a signed note against one known key, with golang.org/x/mod/sumdb/note Open's rules:
 * signatures by other keys are ignored, a signature by the known key (same name and key hash)
 * that does not verify fails the note, and at least one must verify. Resolves with the text.
 */
export async function verifyNote(note: string, key: { name: string; publicKeyRaw: Uint8Array }): Promise<NoteVerification> {
  let parsed: ReturnType<typeof splitNote>;
  try {
    parsed = splitNote(note);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (!isValidKeyName(key.name) || key.publicKeyRaw.length !== 32) {
    return { ok: false, error: 'the key to verify with is not a valid Ed25519 note key' };
  }
  const expectedHash = keyHash(key.name, key.publicKeyRaw);
  const label = `${key.name}+${toHex(expectedHash)}`;
  const message = utf8(parsed.text);
  let verified = false;
  for (const sig of parsed.signatures) {
    if (sig.name !== key.name || !sameBytes(sig.keyHash, expectedHash)) continue;
    if (!(await verifyEd25519(key.publicKeyRaw, message, sig.signature))) {
      return { ok: false, error: `invalid signature for key ${label}` };
    }
    verified = true;
  }
  return verified ? { ok: true, text: parsed.text } : { ok: false, error: `no signature by key ${label}` };
}

// ---------------------------------------------------------------------------------------------
// tlog checkpoints (C2SP tlog-checkpoint): the note text of a signed tree head.
// ---------------------------------------------------------------------------------------------

export type Checkpoint = {
  /** Unique identity of the log, conventionally its schema-less URL; also the signing key name. */
  origin: string;
  /** Tree size: the number of entries the root covers. */
  size: number;
  /** Base64 of the 32-byte RFC 6962 root hash, as it appears in the text. */
  rootHashB64: string;
  rootHash: Uint8Array;
  /** Optional extension lines after the root hash, uninterpreted. */
  extensions: string[];
};

const DECIMAL = /^(0|[1-9][0-9]*)$/;

/**
 * Checkpoint body: origin line, decimal tree size line, base64 root hash line, each ending in
 * "\n" (C2SP tlog-checkpoint "Note text"). No extension lines are written.
 */
export function formatCheckpoint(c: { origin: string; size: number; rootHashB64: string }): string {
  if (c.origin === '' || c.origin.includes('\n') || !hasOnlyNoteCharacters(c.origin)) {
    throw new Error('formatCheckpoint: origin must be one non-empty line');
  }
  if (!Number.isSafeInteger(c.size) || c.size < 0) throw new Error('formatCheckpoint: size must be a non-negative integer');
  if (base64Decode(c.rootHashB64)?.length !== 32) throw new Error('formatCheckpoint: root hash must be base64 of 32 bytes');
  return `${c.origin}\n${c.size}\n${c.rootHashB64}\n`;
}

/**
 * Parses checkpoint text (the note text, not the signed note). Throws on anything the spec
 * does not allow: missing lines, a non-canonical size (leading zeros, signs), a root that is
 * not base64 of 32 bytes, empty extension lines, or a missing final newline.
 */
export function parseCheckpoint(text: string): Checkpoint {
  const malformed = (why: string): never => {
    throw new Error(`malformed checkpoint: ${why}`);
  };
  if (!hasOnlyNoteCharacters(text)) return malformed('invalid Unicode or a control character');
  if (!text.endsWith('\n')) return malformed('text must end with a newline');
  const [origin, sizeLine, rootLine, ...extensions] = text.slice(0, -1).split('\n');
  if (origin === undefined || origin === '') return malformed('empty origin line');
  if (sizeLine === undefined || !DECIMAL.test(sizeLine)) return malformed('tree size must be a decimal integer');
  const size = Number(sizeLine);
  if (!Number.isSafeInteger(size)) return malformed('tree size is too large');
  const rootHash = rootLine === undefined ? null : base64Decode(rootLine);
  if (rootLine === undefined || rootHash === null || rootHash.length !== 32) {
    return malformed('root hash must be base64 of 32 bytes');
  }
  if (extensions.some((line) => line === '')) return malformed('empty extension line');
  return { origin, size, rootHashB64: rootLine, rootHash, extensions };
}
