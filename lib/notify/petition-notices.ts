import 'server-only';
import type { Executor } from '@/db/client';
import { seatHoldersOfBody } from '@/db/queries/petitions';
import { enqueueNotice, mergeRecipients } from './outbox';

/**
 * A petition reached its threshold: every holder of a seat in the answering body is told, a
 * mandatory notice (kinds.ts says why), once per petition (the event key), in the transaction
 * of the signature that reached it.
 */
export async function enqueuePetitionThreshold(
  tx: Executor,
  p: { orgId: string; petitionId: string; number: number; title: string; bodyKey: string; bodyName: string; signatures: number; answerDueAt: Date; at: Date },
): Promise<number> {
  return enqueueNotice(tx, {
    orgId: p.orgId,
    key: `petition-threshold:${p.petitionId}`,
    kind: 'petition_threshold',
    payload: { petitionNumber: p.number, title: p.title, bodyName: p.bodyName, signatures: p.signatures, answerDueAt: p.answerDueAt.toISOString() },
    recipients: mergeRecipients(await seatHoldersOfBody(tx, p.orgId, p.bodyKey), []),
    at: p.at,
  });
}
