// The commitment a secret ballot's `ballot.cast` entry publishes while voting is open
// (docs/vote-methods.md, "Receipts"). Browser-safe, like ./ballot-commitment.

import { canonicalJson, utf8 } from './canonical';
import { toHex } from './hash';
import type { Hasher } from './hash';

/**
 * SHA-256 over the canonical JSON of a domain tag, the ballot's id, its receipt, its preferences
 * (option indexes, in order) and a secret random 32-byte nonce (64 hex digits). The nonce is never
 * published, at the close or after, and never sent to the voter: without it the commitment cannot
 * be opened, so it hides the ballot, and it cannot be matched with the receipt list published at
 * the close. It binds the ballot: whoever holds the database's nonce can show which ballot and
 * receipt a seat committed to while voting was open.
 */
export const SECRET_BALLOT_COMMITMENT_SCHEME = 'sha256-jcs-secret/1';

const DOMAIN = 'quorate.secret-ballot/1';

export type SecretBallotOpening = { voteId: string; receipt: string; preferences: readonly number[]; nonce: string };

/** The commitment: hex SHA-256 of canonical JSON {domain, voteId, receipt, preferences, nonce}. */
export function secretBallotCommitment(h: Hasher, b: SecretBallotOpening): string {
  return toHex(h(utf8(canonicalJson({ domain: DOMAIN, voteId: b.voteId, receipt: b.receipt, preferences: [...b.preferences], nonce: b.nonce }))));
}
