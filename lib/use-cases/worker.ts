import type { Database } from '@/db/client';
import { now } from '@/lib/clock';
import { enqueueTimedNotices } from '@/lib/notify/outbox';
import { runTransitions } from './transitions';
import { enqueueRatificationReminders } from './ratification';

const globalKey = Symbol.for('quorate.transitionWorker');
type GlobalWithWorker = typeof globalThis & { [globalKey]?: ReturnType<typeof setInterval> };

/**
 * Records phase transitions (window closed, voting opened/closed, outcomes) in the log.
 * Pages never wait for it — phases are derived from timestamps — and several processes may
 * run it at once: each proposal is locked FOR UPDATE SKIP LOCKED and each step is guarded.
 */
export function startTransitionWorker(getDb: () => Database, intervalMs = 5_000): void {
  const g = globalThis as GlobalWithWorker;
  if (g[globalKey]) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const at = now();
      await runTransitions(getDb(), at);
      // Window closing, vote reminders, overdue vacancies: each enqueued once (event keys).
      await enqueueTimedNotices(getDb(), at);
      // Emergency decisions awaiting ratification: a week and a day before the deadline, each once and logged.
      await enqueueRatificationReminders(getDb(), at);
    } catch (error) {
      console.error('[worker] transition pass failed:', error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  g[globalKey] = setInterval(tick, intervalMs);
  g[globalKey].unref?.();
  void tick();
}
