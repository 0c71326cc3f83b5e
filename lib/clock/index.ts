import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The one source of "now" for server code (lib/governance takes time as a parameter instead).
 *
 * End-to-end tests must cross a 7-day comment window in seconds. With
 * QUORATE_UNSAFE_TEST_CLOCK=1 the clock adds an offset (milliseconds) read from
 * `$DATA_DIR/test-clock-offset` — a file only someone with access to the server's disk can
 * write; there is no HTTP way to move time. Never set the variable in production: the server
 * prints a warning at start when it is on.
 */
export function now(): Date {
  if (process.env.QUORATE_UNSAFE_TEST_CLOCK !== '1') return new Date();
  return new Date(Date.now() + testClockOffset());
}

function testClockFile(dataDir = process.env.DATA_DIR ?? '.data'): string {
  return path.join(/*turbopackIgnore: true*/ path.resolve(/*turbopackIgnore: true*/ dataDir), 'test-clock-offset');
}

/** The test clock's offset in milliseconds; 0 unless QUORATE_UNSAFE_TEST_CLOCK=1. */
export function testClockOffsetMs(): number {
  return process.env.QUORATE_UNSAFE_TEST_CLOCK === '1' ? testClockOffset() : 0;
}

function testClockOffset(): number {
  try {
    const value = Number(readFileSync(testClockFile(), 'utf8').trim());
    return Number.isFinite(value) ? value : 0;
  } catch {
    return 0;
  }
}
