import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './columns';

/**
 * Counters for rate-limiter-flexible's Drizzle store: one row per key, updated atomically by an
 * upsert, so limits hold across several app instances sharing one PostgreSQL.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: ts('expire'),
});
