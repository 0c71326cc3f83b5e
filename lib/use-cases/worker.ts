import type { Database } from '@/db/client';
import { now } from '@/lib/clock';
import { enqueueTimedNotices } from '@/lib/notify/outbox';
import { startIntervalWorker } from '@/lib/worker/interval';
import { runTransitions } from './transitions';
import { enqueueRatificationReminders } from './ratification';
import { recordOverduePetitions } from './petition-overdue';
import { discloseDueMinutes } from './minutes-disclosure';
import { recordEndedWrittenConsents } from './written-consent-expiry';

/**
 * Records phase transitions (window closed, voting opened/closed, outcomes) in the log.
 * Pages never wait for it — phases are derived from timestamps — and several processes may
 * run it at once: each proposal is locked FOR UPDATE SKIP LOCKED and each step is guarded.
 */
export function startTransitionWorker(getDb: () => Database, intervalMs = 5_000): void {
  startIntervalWorker('quorate.transitionWorker', intervalMs, '[worker] transition pass failed:', () => async () => {
    const at = now();
    await runTransitions(getDb(), at);
    // Window closing, vote reminders, overdue vacancies: each enqueued once (event keys).
    await enqueueTimedNotices(getDb(), at);
    // Emergency decisions awaiting ratification: a week and a day before the deadline, each once and logged.
    await enqueueRatificationReminders(getDb(), at);
    // Petitions whose answering body missed the charter's deadline: logged once each.
    await recordOverduePetitions(getDb(), at);
    // Written consents past their period, or whose signer left the body: logged once each.
    await recordEndedWrittenConsents(getDb(), at);
    // Sealed closed-session minutes whose charter disclosure date has come: disclosed once each.
    await discloseDueMinutes(getDb(), at);
  });
}
