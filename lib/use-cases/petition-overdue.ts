import 'server-only';
import type { Database } from '@/db/client';
import { appendLogEntry } from '@/db/queries/log';
import { getActiveCharter } from '@/db/queries/charters';
import { listOverdueUnlogged, lockOverdueForLogging, markOverdueLogged } from '@/db/queries/petitions';
import { enqueuePetitionUpdate } from '@/lib/notify/petition-notices';

/**
 * The worker's pass: each petition whose answer is past its deadline and still missing gets one
 * `petition.answer_overdue` entry, in its own transaction. The row is locked SKIP LOCKED and
 * marked, so several workers log it once.
 */
export async function recordOverduePetitions(db: Database, at: Date): Promise<number> {
  let logged = 0;
  for (const { id } of await listOverdueUnlogged(db, at)) {
    logged += await db.transaction(async (tx) => {
      const row = await lockOverdueForLogging(tx, id, at);
      if (!row) return 0;
      await markOverdueLogged(tx, row.id, at);
      await appendLogEntry(tx, {
        orgId: row.orgId,
        actorId: null,
        kind: 'petition.answer_overdue',
        subject: `petition:${row.id}`,
        payload: {
          number: row.number,
          answeringBodyKey: row.answeringBodyKey,
          thresholdReachedAt: row.thresholdReachedAt?.toISOString() ?? null,
          answerDueAt: row.answerDueAt?.toISOString() ?? null,
        },
        at,
      });
      const charter = await getActiveCharter(tx, row.orgId);
      await enqueuePetitionUpdate(tx, {
        orgId: row.orgId,
        petitionId: row.id,
        number: row.number,
        title: row.title,
        openedBy: row.openedBy,
        bodyKey: row.answeringBodyKey,
        bodyName: charter?.document.bodies.find((b) => b.key === row.answeringBodyKey)?.name ?? row.answeringBodyKey,
        event: 'overdue',
        late: true,
        answerDueAt: row.answerDueAt,
        at,
      });
      return 1;
    });
  }
  return logged;
}
