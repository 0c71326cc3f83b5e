// Ballot commitments: what a `ballot.cast` entry publishes while voting is open, and what the
// roll call at close must match. Browser-safe: the verifier recomputes them.

import { canonicalJson, utf8 } from './canonical';
import { toHex } from './hash';
import type { Hasher } from './hash';

/**
 * The hiding scheme: SHA-256 over the canonical JSON of a domain tag, the ballot's id, its
 * choice and a secret random 32-byte nonce (64 hex digits). Without the nonce, trying the three
 * choices against the commitment tells nothing; the nonce is disclosed with the choice at close.
 */
export const BALLOT_COMMITMENT_SCHEME = 'sha256-jcs-nonce/1';

const DOMAIN = 'quorate.ballot/1';

/** A nonce is 32 bytes written as 64 lowercase hex digits. */
export function isBallotNonce(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

/** The hiding commitment: hex SHA-256 of canonical JSON {domain, voteId, choice, nonce}. */
export function hidingBallotCommitment(h: Hasher, voteId: string, choice: string, nonce: string): string {
  return toHex(h(utf8(canonicalJson({ domain: DOMAIN, voteId, choice, nonce }))));
}

/**
 * The scheme of ballots cast before commitments had a nonce (entries without
 * `commitmentScheme`): SHA-256 of `voteId:choice`. It does not hide anything — with three
 * possible choices anyone could recover the choice while voting was open — but it still binds:
 * the roll call at close must match it.
 */
export function legacyBallotCommitment(h: Hasher, voteId: string, choice: string): string {
  return toHex(h(utf8(`${voteId}:${choice}`)));
}
