import 'server-only';
import type { Executor } from '@/db/client';
import { liveSignerIds, seatHoldersOfBody } from '@/db/queries/petitions';
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

/**
 * A petition's later news: its answer, or a missed deadline. Its opener and live signers are told
 * (an optional notice: "Petitions you opened or signed"); of a missed deadline, every seat holder
 * of the answering body too, mandatory. Once per petition and event (the event key).
 */
export async function enqueuePetitionUpdate(
  tx: Executor,
  p: {
    orgId: string;
    petitionId: string;
    number: number;
    title: string;
    openedBy: string | null;
    bodyKey: string;
    bodyName: string;
    event: 'answered' | 'overdue';
    late: boolean;
    answerDueAt: Date | null;
    at: Date;
  },
): Promise<number> {
  const stakeholders = [...(p.openedBy ? [p.openedBy] : []), ...(await liveSignerIds(tx, p.petitionId))];
  const body = p.event === 'overdue' ? await seatHoldersOfBody(tx, p.orgId, p.bodyKey) : [];
  return enqueueNotice(tx, {
    orgId: p.orgId,
    key: `petition-${p.event}:${p.petitionId}`,
    kind: 'petition_update',
    payload: {
      petitionNumber: p.number,
      title: p.title,
      bodyName: p.bodyName,
      petitionEvent: p.event,
      late: p.late,
      ...(p.answerDueAt ? { answerDueAt: p.answerDueAt.toISOString() } : {}),
    },
    recipients: mergeRecipients(body, stakeholders),
    at: p.at,
  });
}
