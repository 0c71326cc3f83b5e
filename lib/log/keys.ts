// Per-organization Ed25519 keys for signing the decision log's tree heads (docs/design.md §4), and how
// their private halves are kept at rest. Server-only: it handles private keys.
//
// At rest: the PKCS#8 private key is encrypted with AES-256-GCM under a key-encryption key
// derived with HKDF-SHA256 from the master secret LOG_SIGNING_SECRET, with the organization id
// in the HKDF info and as GCM additional data — so one organization's ciphertext cannot be
// moved to another's row, and a database dump alone signs nothing.

import 'server-only';

import { createCipheriv, createDecipheriv, createPrivateKey, generateKeyPairSync, hkdfSync, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { base64Decode, base64Encode } from './base64';
import { ed25519PublicKeyRaw } from './checkpoint';
import { isValidKeyName, verifierKey } from './signed-note';

/** The host used in origins when no public URL (AUTH_URL) is configured, i.e. in development. */
export const DEFAULT_LOG_HOST = 'quorate.localhost';

const ENCRYPTION_VERSION = 'v1';
const HKDF_SALT = 'quorate/log-signing-key';

/**
 * The checkpoint origin, which is also the signing key's name: `<host>/o/<slug>`, where host is
 * AUTH_URL's host (with its port, if any) or `quorate.localhost` when AUTH_URL is unset. It is
 * computed once, when the organization's key is created, and stored with the key.
 */
export function logOrigin(appUrl: string | undefined, slug: string): string {
  const host = appUrl ? new URL(appUrl).host : DEFAULT_LOG_HOST;
  const origin = `${host}/o/${slug}`;
  if (!isValidKeyName(origin)) throw new Error(`logOrigin: ${JSON.stringify(origin)} is not a valid signed-note key name`);
  return origin;
}

function keyEncryptionKey(masterSecret: string, orgId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterSecret, HKDF_SALT, `org-signing-key:${ENCRYPTION_VERSION}:${orgId}`, 32));
}

export type NewSigningKey = { publicKeyB64: string; encryptedPrivateKey: string };

/** A fresh Ed25519 key pair for `orgId`, the private half encrypted for storage. */
export function generateOrgSigningKey(masterSecret: string, orgId: string): NewSigningKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { publicKeyB64: base64Encode(ed25519PublicKeyRaw(privateKey)), encryptedPrivateKey: encryptPrivateKey(masterSecret, orgId, privateKey) };
}

export function encryptPrivateKey(masterSecret: string, orgId: string, privateKey: KeyObject): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyEncryptionKey(masterSecret, orgId), iv);
  cipher.setAAD(Buffer.from(orgId, 'utf8'));
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const ciphertext = Buffer.concat([cipher.update(der), cipher.final()]);
  const part = (b: Buffer) => b.toString('base64url');
  return [ENCRYPTION_VERSION, part(iv), part(ciphertext), part(cipher.getAuthTag())].join('.');
}

/**
 * Decrypts a stored private key and checks it against the stored public key. Throws a message
 * an operator can act on when the master secret is not the one the key was made under.
 */
export function decryptPrivateKey(masterSecret: string, orgId: string, stored: { encryptedPrivateKey: string; publicKey: string }): KeyObject {
  const [version, iv, ciphertext, tag, ...rest] = stored.encryptedPrivateKey.split('.');
  if (version !== ENCRYPTION_VERSION || iv === undefined || ciphertext === undefined || tag === undefined || rest.length > 0) {
    throw new Error(`The signing key of organization ${orgId} is stored in an unknown format.`);
  }
  let der: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyEncryptionKey(masterSecret, orgId), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(orgId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    der = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
  } catch (error) {
    throw new Error(
      `Cannot decrypt the log-signing key of organization ${orgId}: LOG_SIGNING_SECRET is not the secret it was created under (was it changed?).`,
      { cause: error },
    );
  }
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  if (base64Encode(ed25519PublicKeyRaw(privateKey)) !== stored.publicKey) {
    throw new Error(`The log-signing key of organization ${orgId} does not match its stored public key.`);
  }
  return privateKey;
}

/** What a reader pins: the C2SP verifier key, the raw public key and the origin (= key name). */
export type VerifierKeyInfo = { vkey: string; publicKeyB64: string; origin: string };

export function verifierKeyInfo(stored: { keyName: string; publicKey: string }): VerifierKeyInfo {
  const raw = base64Decode(stored.publicKey);
  if (raw === null || raw.length !== 32) throw new Error('verifierKeyInfo: stored public key is not base64 of 32 bytes');
  return { vkey: verifierKey(stored.keyName, raw), publicKeyB64: stored.publicKey, origin: stored.keyName };
}
