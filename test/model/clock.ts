/**
 * The model tests' clock. The test file mocks `@/lib/clock` so that `now()` — what every server
 * action reads — returns `testClock.ms`; a command moves it forward, never back.
 */
export const testClock = { ms: Date.parse('2026-06-01T09:00:00.000Z') };
