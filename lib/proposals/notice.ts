import { createHash, randomBytes } from 'node:crypto';
import { hidingBallotCommitment } from '@/lib/log/ballot-commitment';
import { nodeSha256 } from '@/lib/log/node-hash';

/**
 * DESIGN §3.2: the log entry of a publication names how many people were notified and a hash
 * of exactly who, so a notice list cannot be quietly trimmed afterwards.
 */
export function recipientListHash(userIds: string[]): string {
  const sorted = [...new Set(userIds)].sort();
  return createHash('sha256').update(sorted.join('\n')).digest('hex');
}

/**
 * A hiding commitment to a ballot, published while voting is open; the choice and `nonce` (32
 * secret random bytes, hex, stored with the ballot) are disclosed in the roll call at close.
 */
export function ballotCommitment(voteId: string, choice: string, nonce: string): string {
  return hidingBallotCommitment(nodeSha256, voteId, choice, nonce);
}

/** A fresh secret nonce for a ballot's commitment: 32 random bytes as 64 hex digits. */
export function newBallotNonce(): string {
  return randomBytes(32).toString('hex');
}
