import 'server-only';
import type { Database } from '@/db/client';
import { appendLogEntry } from '@/db/queries/log';
import { listDueDisclosures, lockDueDisclosure, markMinutesDisclosed, meetingById } from '@/db/queries/meeting-minutes';
import { dueForDisclosure } from '@/lib/governance/minutes';
import { minutesSubject } from './meeting-minutes';

/**
 * The worker's pass over sealed closed sessions: each whose charter disclosure date has come is
 * disclosed once, in its own transaction (locked SKIP LOCKED): `minutes.disclosed` carries the
 * sealed text, whose SHA-256 the verifier checks against `minutes.sealed`. Returns how many.
 */
export async function discloseDueMinutes(db: Database, at: Date): Promise<number> {
  let disclosed = 0;
  for (const { id } of await listDueDisclosures(db, at)) {
    disclosed += await db.transaction(async (tx) => {
      const row = await lockDueDisclosure(tx, id);
      if (!row || !dueForDisclosure(row, at)) return 0;
      const m = await meetingById(tx, row.meetingId);
      if (!m) return 0;
      await markMinutesDisclosed(tx, row.id, at);
      await appendLogEntry(tx, {
        orgId: m.orgId,
        actorId: null,
        kind: 'minutes.disclosed',
        subject: minutesSubject(m.id),
        payload: { number: m.number, matter: row.closedMatter, sealedAt: row.sealedAt!.toISOString(), textSha256: row.textSha256, text: row.text },
        at,
      });
      return 1;
    });
  }
  return disclosed;
}
