import type { Database } from '@/db/client';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { enqueueTimedNotices } from '@/lib/notify/outbox';
import { startIntervalWorker } from '@/lib/worker/interval';
import { runTransitions } from './transitions';
import { enqueueRatificationReminders } from './ratification';
import { recordOverduePetitions } from './petition-overdue';
import { discloseDueMinutes } from './minutes-disclosure';
import { recordEndedWrittenConsents } from './written-consent-expiry';

/** What one timed pass did: the counts `npm run worker` prints. */
export type TimedPassResult = {
  transitions: number;
  notices: number;
  ratificationReminders: number;
  overduePetitions: number;
  endedConsents: number;
  disclosedMinutes: number;
};

/**
 * One pass of the transition worker, the same in the app process and in `npm run worker`
 * (scripts/worker.ts): every timed step once, so neither can leave one out.
 */
export async function timedPass(db: Database, at: Date): Promise<TimedPassResult> {
  const transitions = await runTransitions(db, at);
  // Window closing, vote reminders, overdue vacancies: each enqueued once (event keys).
  const notices = await enqueueTimedNotices(db, at);
  // Emergency decisions awaiting ratification: a week and a day before the deadline, each once and logged.
  const ratificationReminders = await enqueueRatificationReminders(db, at);
  // Petitions whose answering body missed the charter's deadline: logged once each.
  const overduePetitions = await recordOverduePetitions(db, at);
  // Written consents past their period, or whose signer left the body: logged once each.
  const endedConsents = await recordEndedWrittenConsents(db, at);
  // Sealed closed-session minutes whose charter disclosure date has come: disclosed once each.
  const disclosedMinutes = await discloseDueMinutes(db, at);
  return { transitions, notices, ratificationReminders, overduePetitions, endedConsents, disclosedMinutes };
}

/**
 * Records phase transitions (window closed, voting opened/closed, outcomes) in the log.
 * Pages never wait for it — phases are derived from timestamps — and several processes may
 * run it at once: each proposal is locked FOR UPDATE SKIP LOCKED and each step is guarded.
 */
export function startTransitionWorker(getDb: () => Database, intervalMs = env().workerIntervalMs): void {
  startIntervalWorker('quorate.transitionWorker', intervalMs, '[worker] transition pass failed:', () => async () => {
    await timedPass(getDb(), now());
  });
}
