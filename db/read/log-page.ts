import 'server-only';
import { getDb } from '@/db/client';
import { getLogHead } from '@/db/queries/log';
import { listPublicLogPage } from '@/db/queries/log-public';
import { listRecordedActorNames } from '@/db/queries/log-names';
import type { PublicLogPage } from '@/db/queries/log-public';
import { describerFor, loadLogPageBase, logPageContextFor, logQueryWith } from '@/lib/transparency/log-context';
import type { LogCursor, LogFilters } from '@/lib/transparency/log-filters';
import { integrityProblem, logIntegrity } from '@/lib/transparency/log-status';
import { englishLog } from '@/lib/transparency/summary-text';
import type { LogLanguage } from '@/lib/transparency/summary-text';

/**
 * One page of the public decision log. Nothing here grows with the log, the proposals or the
 * members: the entry count is the log head's size (one row), entries are a keyset page, and
 * proposals and names (today's, and each actor's as recorded) are looked up for the entries shown, plus the filter's proposal and a few
 * recent ones. The verdict on the whole log is cached and extended by new entries only. The summaries and actors are
 * said in `language` (the reader's; English by default).
 */
export async function loadLogPage(orgId: string, filters: LogFilters, cursor: LogCursor, pageSize: number, language: LogLanguage = englishLog) {
  const db = getDb();
  const [base, head, integrity] = await Promise.all([loadLogPageBase(db, orgId, filters), getLogHead(db, orgId), logIntegrity(db, orgId)]);
  const query = logQueryWith(filters, base.filterProposal);
  const page: PublicLogPage = query ? await listPublicLogPage(db, orgId, query, cursor, pageSize) : { rows: [], hasNewer: false, hasOlder: false };
  const [ctx, recorded] = await Promise.all([logPageContextFor(db, orgId, base, page.rows), listRecordedActorNames(db, orgId, page.rows)]);
  const describe = await describerFor(db, orgId, ctx, page.rows, recorded, language);
  return { base, head, page, ctx, describe, integrityProblem: integrityProblem(integrity, page.rows) };
}
