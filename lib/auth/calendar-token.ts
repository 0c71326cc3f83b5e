import { createHash, randomBytes } from 'node:crypto';

/**
 * The secret in a personal calendar feed's address (`/calendar/<token>.ics`): 32 random bytes,
 * base64url (43 characters). Calendars cannot sign in, so the address is the credential; only its
 * SHA-256 is stored, and a lookup is by that hash (no timing to learn from comparing a secret).
 */
export function newCalendarToken(): string {
  return randomBytes(32).toString('base64url');
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The token in the last path segment `<token>.ics`, or null when it cannot be one of ours. */
export function calendarTokenFromSegment(segment: string): string | null {
  if (!segment.endsWith('.ics')) return null;
  const token = segment.slice(0, -'.ics'.length);
  return TOKEN.test(token) ? token : null;
}

/** What is stored for a token: its SHA-256, base64url. */
export function hashCalendarToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** The path of a person's feed. */
export function calendarFeedPath(token: string): string {
  return `/calendar/${token}.ics`;
}
