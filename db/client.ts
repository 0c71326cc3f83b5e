import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env, isBuildPhase } from '@/lib/env';
import { withoutPipelining } from './no-pipelining';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; DAL functions take `Database | Tx` so callers can compose them. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Tx;

export type DatabaseHandle = {
  kind: 'pglite' | 'postgres';
  db: Database;
  close: () => Promise<void>;
};

export type DatabaseOptions = {
  databaseUrl?: string;
  pgliteDir?: string;
  max?: number;
  /** false (QUORATE_PREPARED_STATEMENTS=0) turns named prepared statements off, as `prepare=false` on the URL does. */
  prepare?: boolean;
  /** An in-memory PGlite started from this data-folder dump (PGlite's dumpDataDir) instead of an empty one: tests' migrated template. */
  pgliteFrom?: Blob;
};

/** URL values of `prepare` that turn prepared statements off. */
const preparedOff = new Set(['false', '0', 'off', 'no', 'disable']);

/**
 * Whether postgres.js may use named prepared statements on this connection: yes unless `prepare`
 * is false (QUORATE_PREPARED_STATEMENTS=0) or the URL says `prepare=false` (or 0, off, no,
 * disable). A pooler in transaction mode (PgBouncer before 1.21, or without
 * max_prepared_statements) hands each transaction a different server connection, where a
 * statement prepared on another one does not exist. Off also means one query at a time per
 * connection (no pipelining), which such a pooler needs as much.
 */
export function preparedStatementsOn(databaseUrl: string, prepare = true): boolean {
  if (!prepare) return false;
  let value: string | null;
  try {
    value = new URL(databaseUrl).searchParams.get('prepare');
  } catch {
    return true;
  }
  return value === null || !preparedOff.has(value.trim().toLowerCase());
}

/**
 * The one client factory: real PostgreSQL when a URL is given, otherwise embedded PGlite in a
 * data folder (or in memory when no folder is given, which tests use).
 */
export function createDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) {
    const prepare = preparedStatementsOn(options.databaseUrl, options.prepare);
    const max = options.max ?? 10;
    const client = postgres(options.databaseUrl, { max, prepare, onnotice: () => {} });
    // Behind a transaction-mode pooler, no pipelining either (db/no-pipelining.ts).
    const db = drizzlePostgres({ client: prepare ? client : withoutPipelining(client, max), schema }) as unknown as Database;
    return { kind: 'postgres', db, close: () => client.end({ timeout: 5 }) };
  }
  if (options.pgliteDir) mkdirSync(path.dirname(options.pgliteDir), { recursive: true });
  // pg_trgm: the member search's trigram indexes (migration 0036).
  const extensions = { pg_trgm };
  const client = options.pgliteFrom ? new PGlite({ loadDataDir: options.pgliteFrom, extensions }) : new PGlite(options.pgliteDir, { extensions });
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return { kind: 'pglite', db, close: () => client.close() };
}

// One handle per process. Kept on globalThis because Next.js may evaluate this module in
// several bundles (and again on hot reload); two PGlite instances on one folder would corrupt it.
const globalKey = Symbol.for('quorate.database');
type GlobalWithDb = typeof globalThis & { [globalKey]?: DatabaseHandle };

export function getDatabaseHandle(): DatabaseHandle {
  if (isBuildPhase()) {
    throw new Error('The database was touched during `next build`. Pages that read data must render dynamically.');
  }
  const g = globalThis as GlobalWithDb;
  if (!g[globalKey]) {
    const e = env();
    g[globalKey] = createDatabase({ databaseUrl: e.databaseUrl, pgliteDir: e.pgliteDir, prepare: e.preparedStatements });
  }
  return g[globalKey];
}

export function getDb(): Database {
  return getDatabaseHandle().db;
}

/** Tests install their own fresh database; production code never calls this. */
export function setDatabaseHandleForTests(handle: DatabaseHandle | undefined): void {
  (globalThis as GlobalWithDb)[globalKey] = handle;
}

export async function closeDatabase(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const handle = g[globalKey];
  g[globalKey] = undefined;
  await handle?.close();
}

export { schema };
