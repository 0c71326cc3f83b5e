import 'server-only';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';

const dialect = new PgDialect();

/**
 * Runs `query` as a named prepared statement, for the statements every vote and every log
 * append runs.
 *
 * Why: drizzle hands its ordinary queries to postgres.js unprepared, and postgres.js then has the
 * server describe each parameterized statement before executing it — two round trips per
 * statement, and nothing can be pipelined behind it. Prepared (once per connection; postgres.js
 * keeps the statement by its text), the statement is one Bind/Execute: one round trip, and
 * statements sent together travel together. On PGlite the name changes nothing.
 *
 * The statement starts as soon as this is called (not when awaited), so calls made one after the
 * other reach the server in that order.
 */
export function runPrepared(db: Executor, name: string, query: SQL): Promise<unknown> {
  return db._.session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false).execute();
}
