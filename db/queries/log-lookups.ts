import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { decisionLog } from '@/db/schema';

/** Whether the log holds an entry of this kind about this subject (by this actor, when given). */
export async function hasLogEntry(tx: Executor, orgId: string, subject: string, kind: string, actorId?: string): Promise<boolean> {
  const rows = await tx
    .select({ seq: decisionLog.seq })
    .from(decisionLog)
    .where(
      and(
        eq(decisionLog.orgId, orgId),
        eq(decisionLog.subject, subject),
        eq(decisionLog.kind, kind),
        ...(actorId !== undefined ? [eq(decisionLog.actorId, actorId)] : []),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** The people who logged entries of this kind about this subject, each once. */
export async function logActorIds(tx: Executor, orgId: string, subject: string, kind: string): Promise<string[]> {
  const rows = await tx
    .select({ actorId: decisionLog.actorId })
    .from(decisionLog)
    .where(and(eq(decisionLog.orgId, orgId), eq(decisionLog.subject, subject), eq(decisionLog.kind, kind)));
  return [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
}
