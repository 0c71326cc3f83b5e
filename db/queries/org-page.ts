import 'server-only';
import { and, countDistinct, eq, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { rowsOf } from './prepared';
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

/**
 * listPublicationNoticeCoverage summed over every published proposal, in SQL: what the organization's
 * health shows (seat holders notified over seat holders), without a row per proposal.
 */
export async function sumPublicationNoticeCoverage(db: Executor, orgId: string): Promise<{ notified: number; seatHolders: number }> {
  const [row] = rowsOf(
    await db.execute(sql`
    select
      (select coalesce(sum(${proposals.noticeSeatHolders}), 0) from ${proposals} where ${proposals.orgId} = ${orgId} and ${proposals.noticeSeatHolders} is not null) as "seatHolders",
      (select coalesce(sum(n), 0) from (
        select count(distinct ${outbox.recipientUserId}) as n
        from ${outbox} join ${notifyEvents} on ${notifyEvents.id} = ${outbox.eventId}
        where ${outbox.orgId} = ${orgId} and ${outbox.mandatory} and ${outbox.kind} = 'proposal_published' and ${outbox.status} = 'sent'
          and ${notifyEvents.key} in (select 'published:' || ${proposals.id} from ${proposals} where ${proposals.orgId} = ${orgId} and ${proposals.noticeSeatHolders} is not null)
        group by ${notifyEvents.key}
      ) as per_proposal) as "notified"
  `),
  );
  return { notified: Number(row?.notified ?? 0), seatHolders: Number(row?.seatHolders ?? 0) };
}
