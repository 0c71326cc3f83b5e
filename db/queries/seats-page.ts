import 'server-only';
import { and, count, eq, ne } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { proposals } from '@/db/schema';

/** How many of the organization's proposals were ever published (drafts not counted): none means the founding period is open. */
export async function countPublishedProposals(db: Executor, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), ne(proposals.status, 'draft')));
  return row?.n ?? 0;
}
