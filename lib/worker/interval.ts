/**
 * Starts a background worker inside this process: `begin` runs once and returns the pass, which then runs now and
 * every `intervalMs`. One worker per `name` however often the module is loaded (the timer is kept on globalThis,
 * which survives dev reloads), never two passes at once, and the timer does not keep the process alive. A pass
 * that throws is logged after `failure` (e.g. "[delivery] pass failed:"), and the next one tries again.
 */
export function startIntervalWorker(name: string, intervalMs: number, failure: string, begin: () => () => Promise<unknown>): void {
  const key = Symbol.for(name);
  const g = globalThis as typeof globalThis & { [key: symbol]: ReturnType<typeof setInterval> | undefined };
  if (g[key]) return;
  const pass = begin();
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await pass();
    } catch (error) {
      console.error(failure, error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  g[key] = timer;
  timer.unref?.();
  void tick();
}
