/**
 * Time arithmetic and display for the governance rules. All in UTC milliseconds: a day is
 * exactly 24 hours, so windows never stretch or shrink with daylight-saving changes, and no
 * function here reads the clock — `now` is always handed in.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export function addHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * HOUR_MS);
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** The later of two instants (a fresh Date, never one of the arguments, so callers cannot alias state). */
export function laterOf(a: Date, b: Date): Date {
  return new Date(Math.max(a.getTime(), b.getTime()));
}

export function earlierOf(a: Date, b: Date): Date {
  return new Date(Math.min(a.getTime(), b.getTime()));
}

/**
 * An instant a rule reads, asked only through reached(): when `turns` is given, every comparison
 * whose answer would turn at a later instant notes that instant there. A derivation that asks its
 * instant nothing else gives the same answer at every instant from `time` up to (not including)
 * the earliest instant noted (phase.ts proposalPhaseUntil).
 */
export type Instant = { readonly time: number; readonly turns?: number[] };

export function instantOf(at: Date, turns?: number[]): Instant {
  return turns ? { time: at.getTime(), turns } : { time: at.getTime() };
}

/** Whether `at` has come by the instant (at ≤ it); when not yet, `at` is noted: the answer turns there. */
export function reached(now: Instant, at: Date | number): boolean {
  const when = typeof at === 'number' ? at : at.getTime();
  if (when <= now.time) return true;
  now.turns?.push(when);
  return false;
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** '3 Dec 2026, 14:00 UTC' — always UTC, so a notice reads the same in every member's inbox. */
export function formatUtc(at: Date): string {
  const hh = String(at.getUTCHours()).padStart(2, '0');
  const mm = String(at.getUTCMinutes()).padStart(2, '0');
  return `${at.getUTCDate()} ${monthNames[at.getUTCMonth()] ?? '???'} ${at.getUTCFullYear()}, ${hh}:${mm} UTC`;
}

/** '7 days', '1 day', '36 hours', '1 hour'. */
export function formatHours(hours: number): string {
  if (hours >= 24 && hours % 24 === 0) {
    const days = hours / 24;
    return days === 1 ? '1 day' : `${days} days`;
  }
  return hours === 1 ? '1 hour' : `${hours} hours`;
}
