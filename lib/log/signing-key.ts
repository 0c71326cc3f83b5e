import 'server-only';
import { env } from '@/lib/env';
import { decryptPrivateKey, generateOrgSigningKey, logOrigin } from './keys';
import { signTreeHead } from './tree-heads';
import type { TreeHead } from './tree-heads';

// The organization's checkpoint signing key under this deployment's secrets: a fresh key pair
// (private half encrypted under LOG_SIGNING_SECRET, named by the log origin of APP_URL), and a
// tree head signed with a stored key. db/queries/transparency.ts only reads and writes the rows.

/** The row values of a new signing key for the organization `orgId` with slug `slug`. */
export type NewSigningKeyRow = { keyName: string; publicKey: string; encryptedPrivateKey: string };

export function newOrgSigningKey(orgId: string, slug: string): NewSigningKeyRow {
  const e = env();
  const fresh = generateOrgSigningKey(e.logSigningSecret, orgId);
  return { keyName: logOrigin(e.appUrl, slug), publicKey: fresh.publicKeyB64, encryptedPrivateKey: fresh.encryptedPrivateKey };
}

/** The tree head of `size` entries with root `rootHash`, signed with the organization's stored key. */
export function signCheckpoint(orgId: string, key: NewSigningKeyRow, size: number, rootHash: string): TreeHead {
  const privateKey = decryptPrivateKey(env().logSigningSecret, orgId, key);
  return signTreeHead({ name: key.keyName, privateKey }, size, rootHash);
}
