import { createHash } from 'node:crypto';

/**
 * DESIGN §3.2: the log entry of a publication names how many people were notified and a hash
 * of exactly who, so a notice list cannot be quietly trimmed afterwards.
 */
export function recipientListHash(userIds: string[]): string {
  const sorted = [...new Set(userIds)].sort();
  return createHash('sha256').update(sorted.join('\n')).digest('hex');
}

/** A commitment to a ballot published while voting is open; the choice is revealed at close. */
export function ballotCommitment(voteId: string, choice: string): string {
  return createHash('sha256').update(`${voteId}:${choice}`).digest('hex');
}
