import { pgTable, text } from 'drizzle-orm/pg-core';
import { userRef } from './auth';
import { createdAt, ts } from './columns';

/**
 * A person's private calendar feed (`/calendar/<token>.ics`): one per person. Only the SHA-256 of
 * the token is stored (base64url), so a copy of the database does not hand out anyone's feed;
 * rotating replaces the hash, and the old link stops working at once.
 */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: userRef('user_id', 'cascade').primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
  /** When the token was last replaced; null while it is the first one. */
  rotatedAt: ts('rotated_at'),
  /** When a calendar last fetched the feed (at most one write per few minutes). */
  lastUsedAt: ts('last_used_at'),
});

export type CalendarFeed = typeof calendarFeeds.$inferSelect;
