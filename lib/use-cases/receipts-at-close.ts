import 'server-only';
import type { Executor } from '@/db/client';
import { appendLogEntry } from '@/db/queries/log';
import { receiptList, receiptParts } from '@/lib/governance/receipt-list';

/** The `ballots.receipts` entries' kind: the counted secret ballots with their receipts, after `voting.closed`. */
export const RECEIPTS_KIND = 'ballots.receipts';

/**
 * At a choice's close, in the transaction that logs `voting.closed`: the counted ballots — the
 * very ones the count counted — published with their receipts and without voters, sorted by
 * receipt, in `ballots.receipts` entries of at most 1,000 lines each (`part` of `parts`).
 * `withoutReceipt` counts ballots cast before receipts existed (counted, not listed). Nothing is
 * logged when no counted ballot has a receipt. A member-wide vote's counted ballots are each
 * voter's, with the weight it carried (their own and their delegators'): each part then also has
 * `weights`, one per line in the lines' order, and `withoutReceipt` is a weight. `npm run verify`
 * checks the list recounts to the logged result (scripts/verify/receipts.ts).
 */
export async function publishReceipts(
  tx: Executor,
  c: {
    orgId: string;
    proposalId: string;
    number: number;
    stageIndex: number;
    counted: readonly { receipt?: string | null; preferences: readonly number[]; weight?: number }[];
    at: Date;
  },
): Promise<number> {
  const { lines, weights, withoutReceipt } = receiptList(c.counted);
  const parts = receiptParts(lines);
  const weightParts = weights ? receiptParts(weights) : null;
  for (const [i, receipts] of parts.entries()) {
    await appendLogEntry(tx, {
      orgId: c.orgId,
      actorId: null,
      kind: RECEIPTS_KIND,
      subject: `proposal:${c.proposalId}`,
      payload: {
        number: c.number,
        stageIndex: c.stageIndex,
        part: i + 1,
        parts: parts.length,
        receipts,
        ...(weightParts ? { weights: weightParts[i] } : {}),
        ...(withoutReceipt > 0 ? { withoutReceipt } : {}),
      },
      at: c.at,
    });
  }
  return parts.length;
}
