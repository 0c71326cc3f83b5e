import type { Formats } from 'next-intl';

/**
 * Named formats for dates and numbers in messages (`{at, date, long}`): always UTC, as every
 * deadline in Quorate is shown, so a notice reads the same in every inbox; the words and order
 * come from Intl in the reader's language.
 */
export const formats = {
  dateTime: {
    long: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC', timeZoneName: 'short' },
    day: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
  },
} satisfies Formats;
