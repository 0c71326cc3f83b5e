import { createHash, randomBytes } from 'node:crypto';
import { hidingBallotCommitment } from '@/lib/log/ballot-commitment';
import { nodeSha256 } from '@/lib/log/node-hash';

/**
 * docs/design.md §3.2: the log entry of a publication names how many people were notified and a hash
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

export type NoticeTally = { queued: number; delivered: number; pending: number; failed: number };
export type NoticeCoverage = { publication: NoticeTally; reply: NoticeTally | null };

/**
 * Coverage of a proposal's mandatory notices, counted per recipient from the outbox: sent =
 * delivered (accepted by the mail server or written to the mail folder), dead = failed,
 * anything else = pending. Published publicly, so it holds counts only — never addresses.
 */
export function noticeCoverage(rows: { kind: string; recipientUserId: string; status: string }[]): NoticeCoverage {
  const tally = (kind: string): NoticeTally => {
    const byRecipient = new Map<string, string>();
    for (const r of rows) if (r.kind === kind) byRecipient.set(r.recipientUserId, r.status);
    const t: NoticeTally = { queued: byRecipient.size, delivered: 0, pending: 0, failed: 0 };
    for (const status of byRecipient.values()) {
      if (status === 'sent') t.delivered++;
      else if (status === 'dead') t.failed++;
      else t.pending++;
    }
    return t;
  };
  const reply = rows.some((r) => r.kind === 'right_of_reply') ? tally('right_of_reply') : null;
  return { publication: tally('proposal_published'), reply };
}

/** "7 of 9 seat holders reached, 1 pending, 1 failed": `expected` is the count the publication's log entry recorded. */
export function coverageText(t: NoticeTally, expected: number): string {
  const parts = [`${t.delivered} of ${expected} seat holder${expected === 1 ? '' : 's'} reached`];
  if (t.pending > 0) parts.push(`${t.pending} pending`);
  if (t.failed > 0) parts.push(`${t.failed} failed`);
  if (t.queued < expected) parts.push(`${expected - t.queued} with no notice on record`);
  return parts.join(', ');
}
