import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { proposals } from '@/db/schema';

export type ProposalRef = { id: string; status: string; authorId: string };

/** A proposal by its number in the organization, with what decides who may see it; null when there is none (or the number cannot be one). */
export async function findProposalRef(db: Executor, orgId: string, number: number): Promise<ProposalRef | null> {
  if (!Number.isSafeInteger(number) || number < 1 || number > 2_147_483_647) return null;
  const [row] = await db
    .select({ id: proposals.id, status: proposals.status, authorId: proposals.authorId })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), eq(proposals.number, number)));
  return row ?? null;
}
