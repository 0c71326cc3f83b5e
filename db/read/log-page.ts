import 'server-only';
import { getDb } from '@/db/client';
import { getLogHead } from '@/db/queries/log';
import { listPublicLogPage } from '@/db/queries/log-public';
import type { PublicLogPage } from '@/db/queries/log-public';
import { loadLogPageBase, logPageContextFor, logQueryWith, summarizerFor } from '@/lib/transparency/log-context';
import type { LogCursor, LogFilters } from '@/lib/transparency/log-filters';
import { integrityWarning, logIntegrity } from '@/lib/transparency/log-status';

/**
 * One page of the public decision log. Nothing here grows with the log, the proposals or the
 * members: the entry count is the log head's size (one row), entries are a keyset page, and
 * proposals and names are looked up for the entries shown, plus the filter's proposal and a few
 * recent ones. The verdict on the whole log is cached and extended by new entries only.
 */
export async function loadLogPage(orgId: string, filters: LogFilters, cursor: LogCursor, pageSize: number) {
  const db = getDb();
  const [base, head, integrity] = await Promise.all([loadLogPageBase(db, orgId, filters), getLogHead(db, orgId), logIntegrity(db, orgId)]);
  const query = logQueryWith(filters, base.filterProposal);
  const page: PublicLogPage = query ? await listPublicLogPage(db, orgId, query, cursor, pageSize) : { rows: [], hasNewer: false, hasOlder: false };
  const ctx = await logPageContextFor(db, orgId, base, page.rows);
  const summarize = await summarizerFor(db, orgId, ctx, page.rows);
  return { base, head, page, ctx, summarize, warning: integrityWarning(integrity, page.rows) };
}
