import 'server-only';
import type { Query } from 'drizzle-orm';
import type { Executor } from '@/db/client';

// Drizzle private internal, isolated here: `db._.session.prepareQuery`.
//
// drizzle-orm (0.45) prepares a statement under a name only through its query builders
// (`db.select()….prepare(name)`); a raw SQL statement can be prepared only through the session
// the database object keeps in its private `_` field. The hot-path statements
// (db/queries/prepared.ts) are raw SQL, so they come through here. If a drizzle upgrade renames
// or reshapes the session, drizzle-prepared.test.ts fails before anything else does: update this
// file and nothing else.

type PreparedSession = {
  prepareQuery(query: Query, fields: undefined, name: string, isResponseInArrayMode: boolean): { execute(values: Record<string, unknown>): Promise<unknown> };
};

/** Runs `query` as the named prepared statement `name` with `values` for its placeholders. */
export function executePrepared(db: Executor, query: Query, name: string, values: Record<string, unknown>): Promise<unknown> {
  const session = (db as unknown as { _: { session: PreparedSession } })._.session;
  return session.prepareQuery(query, undefined, name, false).execute(values);
}
