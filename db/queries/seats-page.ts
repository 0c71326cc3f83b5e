import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { proposals } from '@/db/schema';

/** Whether any of the organization's proposals was ever published (drafts not counted): none means the founding period is open. One row read at most. */
export async function anyPublishedProposal(db: Executor, orgId: string): Promise<boolean> {
  const rows = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), ne(proposals.status, 'draft')))
    .limit(1);
  return rows.length > 0;
}
