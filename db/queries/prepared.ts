import 'server-only';
import { getTableColumns } from 'drizzle-orm';
import type { Query, SQL, Table } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { executePrepared } from '@/db/adapters/drizzle-prepared';

const dialect = new PgDialect();

/**
 * A statement for the hot paths (every vote, every log append), built once and then run as a
 * named prepared statement with new values each time.
 *
 * Why prepared: drizzle hands its ordinary queries to postgres.js unprepared, and postgres.js
 * then has the server describe each parameterized statement before executing it — two round
 * trips per statement, and nothing can be pipelined behind it. Prepared (once per connection;
 * postgres.js keeps the statement by its text), the statement is one Bind/Execute: one round
 * trip, and statements sent together travel together. On PGlite the name changes nothing.
 * Drizzle prepares raw SQL only through a private internal: db/adapters/drizzle-prepared.ts.
 *
 * Why built once: `build` writes every value as sql.placeholder(name) (drizzle still encodes
 * a placeholder bound to a column — dates, jsonb — as that column does), so a call costs no
 * query building, only `values`.
 *
 * The statement starts as soon as the returned function is called (not when awaited), so calls
 * made one after the other reach the server in that order.
 */
export function reusableStatement(name: string, build: (db: Executor) => SQL): (db: Executor, values: Record<string, unknown>) => Promise<unknown> {
  let query: Query | undefined;
  return (db, values) => {
    query ??= dialect.sqlToQuery(build(db));
    return executePrepared(db, query, name, values);
  };
}

/** The rows of a reusableStatement's result, whichever driver ran it (postgres.js: an array; PGlite: `.rows`). */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  return (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) as Record<string, unknown>[];
}

/**
 * Decodes rows of `table` read by SQL name (`select t.*`, or `to_jsonb(t)`) into what drizzle's
 * select would have returned, column by column with each column's own decoder.
 */
export function rowDecoder<T extends Table>(table: T): (raw: Record<string, unknown>) => T['$inferSelect'] {
  const columns = Object.entries(getTableColumns(table));
  return (raw) => {
    const out: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = raw[column.name];
      out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return out as T['$inferSelect'];
  };
}
