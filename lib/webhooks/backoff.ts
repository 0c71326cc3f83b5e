/**
 * When a failed webhook delivery is tried again: 30 s, 2 min, 10 min, 1 h, 6 h, then every 12 h;
 * after `webhookMaxAttempts` attempts it is a dead letter an admin may replay. Pure.
 */
export const webhookRetryDelaysMs = [30_000, 120_000, 600_000, 3_600_000, 21_600_000, 43_200_000] as const;

/** Attempts before a delivery becomes a dead letter. */
export const webhookMaxAttempts = 8;

/** The wait after the n-th failed attempt (n ≥ 1); the last step repeats. */
export function webhookRetryDelayMs(attempts: number): number {
  const i = Math.min(Math.max(1, Math.floor(attempts)), webhookRetryDelaysMs.length) - 1;
  return webhookRetryDelaysMs[i]!;
}

/** What becomes of a delivery whose `attempts`-th attempt failed at `at`: tried again at a later time, or dead. */
export function afterFailedAttempt(attempts: number, at: Date, maxAttempts = webhookMaxAttempts): { dead: true } | { dead: false; nextAttemptAt: Date } {
  if (attempts >= maxAttempts) return { dead: true };
  return { dead: false, nextAttemptAt: new Date(at.getTime() + webhookRetryDelayMs(attempts)) };
}
