import 'server-only';
import type { Executor } from '@/db/client';
import { enqueueNotice } from './outbox';

/**
 * A secret ballot's receipt, to the voter who cast it and nobody else, in the transaction that
 * records the ballot. Mandatory (no preference turns it off or folds it into a digest), and never
 * logged, even if it dead-letters: only `proposal_published` and `right_of_reply` failures are
 * (delivery.ts). One per ballot: a changed ballot has a new id, so a new receipt and notice.
 */
export async function enqueueBallotReceipt(
  tx: Executor,
  r: { orgId: string; voteId: string; voterUserId: string; number: number; title: string; closesAt: Date | null; receipt: string; at: Date },
): Promise<number> {
  return enqueueNotice(tx, {
    orgId: r.orgId,
    key: `receipt:${r.voteId}`,
    kind: 'ballot_receipt',
    payload: { number: r.number, title: r.title, receipt: r.receipt, ...(r.closesAt ? { closesAt: r.closesAt.toISOString() } : {}) },
    recipients: [{ userId: r.voterUserId, mandatory: true }],
    at: r.at,
  });
}
