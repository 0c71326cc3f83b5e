import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env, isBuildPhase } from '@/lib/env';
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

export type DatabaseOptions = { databaseUrl?: string; pgliteDir?: string; max?: number };

/**
 * The one client factory: real PostgreSQL when a URL is given, otherwise embedded PGlite in a
 * data folder (or in memory when no folder is given, which tests use).
 */
export function createDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, { max: options.max ?? 10, onnotice: () => {} });
    const db = drizzlePostgres({ client, schema }) as unknown as Database;
    return { kind: 'postgres', db, close: () => client.end({ timeout: 5 }) };
  }
  if (options.pgliteDir) mkdirSync(path.dirname(options.pgliteDir), { recursive: true });
  const client = new PGlite(options.pgliteDir);
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
    g[globalKey] = createDatabase({ databaseUrl: e.databaseUrl, pgliteDir: e.pgliteDir });
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
