import 'server-only';
import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { decisionLog } from '@/db/schema';
import { listPublicLogPage, publicRows } from './log-public';
import type { PublicLogRow } from './log-public';

export type RecordGap = { count: number; afterSeq: number; beforeSeq: number };

/**
 * A subject's record for its page (e.g. 'proposal:<id>'): its `limit` newest entries and, when
 * there are more, its `limit` oldest ones too (how it was published, revised and opened), with
 * the number of entries between them — a member-wide vote logs one `ballot.cast` per member, and
 * the page links to the log for those instead of listing 100,000 lines. Newest first, as
 * listPublicLogPage returns them. Three walks of the (org_id, subject, seq) index, the middle one
 * a count.
 */
export async function listSubjectRecord(db: Executor, orgId: string, subject: string, limit: number): Promise<{ rows: PublicLogRow[]; gap: RecordGap | null }> {
  const newest = await listPublicLogPage(db, orgId, { subject }, {}, limit);
  const oldestShown = newest.rows.at(-1)?.seq;
  if (!newest.hasOlder || oldestShown === undefined) return { rows: newest.rows, gap: null };
  const where = [eq(decisionLog.orgId, orgId), eq(decisionLog.subject, subject)];
  const first = await db
    .select({ seq: decisionLog.seq, at: decisionLog.at, entry: decisionLog.entry, prevHash: decisionLog.prevHash, hash: decisionLog.hash })
    .from(decisionLog)
    .where(and(...where, lt(decisionLog.seq, oldestShown)))
    .orderBy(asc(decisionLog.seq))
    .limit(limit);
  const oldest = await publicRows(db, orgId, first);
  const lastOld = oldest.at(-1)?.seq ?? 0;
  const [between] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(decisionLog)
    .where(and(...where, gt(decisionLog.seq, lastOld), lt(decisionLog.seq, oldestShown)));
  const count = Number(between?.n ?? 0);
  return { rows: [...newest.rows, ...oldest.reverse()], gap: count > 0 ? { count, afterSeq: lastOld, beforeSeq: oldestShown } : null };
}
