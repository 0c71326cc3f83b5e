import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Counters for rate-limiter-flexible's Drizzle store: one row per key, updated atomically by an
 * upsert, so limits hold across several app instances sharing one PostgreSQL.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: timestamp('expire', { mode: 'date', withTimezone: true }),
});
