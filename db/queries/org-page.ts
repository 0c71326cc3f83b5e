import 'server-only';
import { and, countDistinct, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { notifyEvents, outbox, proposals } from '@/db/schema';

export type PublicationNoticeCoverage = { proposalId: string; notified: number; seatHolders: number };

/**
 * For every published proposal: how many seat holders its publication's log entry counted, and
 * how many of them the mandatory notice reached (accepted by the mail server). Counts only.
 */
export async function listPublicationNoticeCoverage(db: Executor, orgId: string): Promise<PublicationNoticeCoverage[]> {
  const [published, reached] = await Promise.all([
    db
      .select({ id: proposals.id, seatHolders: proposals.noticeSeatHolders })
      .from(proposals)
      .where(and(eq(proposals.orgId, orgId), isNotNull(proposals.noticeSeatHolders))),
    db
      .select({ key: notifyEvents.key, notified: countDistinct(outbox.recipientUserId) })
      .from(outbox)
      .innerJoin(notifyEvents, eq(notifyEvents.id, outbox.eventId))
      .where(and(eq(outbox.orgId, orgId), eq(outbox.mandatory, true), eq(outbox.kind, 'proposal_published'), eq(outbox.status, 'sent')))
      .groupBy(notifyEvents.key),
  ]);
  const byKey = new Map(reached.map((r) => [r.key, Number(r.notified)]));
  return published.map((p) => ({ proposalId: p.id, seatHolders: p.seatHolders ?? 0, notified: byKey.get(`published:${p.id}`) ?? 0 }));
}
