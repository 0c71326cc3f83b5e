/**
 * Once per Vitest run: migrate one database and keep it as the template every test file's
 * database starts from (db/testing.ts), instead of each file running every migration again.
 * On PGlite the template is a dump of a migrated data folder, in a file; on PostgreSQL (when
 * TEST_DATABASE_URL is set) a migrated database that CREATE DATABASE … TEMPLATE copies, dropped at the end.
 */
import { writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { createPostgresDatabase, dropPostgresDatabase } from '../db/databases';

const migrationsFolder = 'db/migrations';

export default async function setup(): Promise<(() => Promise<void>) | void> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const file = process.env.QUORATE_TEST_PGLITE_TEMPLATE;
    if (!file) return;
    const client = new PGlite({ extensions: { pg_trgm } });
    await migratePglite(drizzlePglite({ client }), { migrationsFolder });
    writeFileSync(file, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
    await client.close();
    return;
  }
  const name = process.env.QUORATE_TEST_PG_TEMPLATE;
  if (!name || !/^[a-z0-9_]+$/.test(name)) return;
  const client = postgres(await createPostgresDatabase(serverUrl, name), { max: 1, onnotice: () => {} });
  await migratePostgres(drizzlePostgres({ client }), { migrationsFolder });
  // CREATE DATABASE … TEMPLATE refuses a template anyone is connected to.
  await client.end({ timeout: 5 });
  return () => dropPostgresDatabase(serverUrl, name);
}
