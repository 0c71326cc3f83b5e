import { describe, expect, it } from 'vitest';
import { addDays, addHours, formatHours, formatUtc } from './time';

describe('time', () => {
  it('formats in UTC as d MMM yyyy, HH:mm UTC', () => {
    expect(formatUtc(new Date('2026-12-03T14:00:00Z'))).toBe('3 Dec 2026, 14:00 UTC');
    expect(formatUtc(new Date('2027-01-09T05:07:59Z'))).toBe('9 Jan 2027, 05:07 UTC');
    // A local-time offset in the input changes nothing: it is the same instant.
    expect(formatUtc(new Date('2026-12-03T23:30:00-02:00'))).toBe('4 Dec 2026, 01:30 UTC');
  });

  it('states windows in days when whole, else hours', () => {
    expect(formatHours(168)).toBe('7 days');
    expect(formatHours(24)).toBe('1 day');
    expect(formatHours(36)).toBe('36 hours');
    expect(formatHours(1)).toBe('1 hour');
  });

  it('adds exact hours and days, unaffected by daylight saving', () => {
    const t = new Date('2026-03-28T12:00:00Z');
    expect(addDays(t, 2).toISOString()).toBe('2026-03-30T12:00:00.000Z');
    expect(addHours(t, 25).toISOString()).toBe('2026-03-29T13:00:00.000Z');
  });
});
