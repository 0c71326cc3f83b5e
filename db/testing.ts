import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDatabase } from './client';
import type { DatabaseHandle } from './client';
import { migrateDatabase } from './migrate';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a newly
 * created PostgreSQL database (dropped afterwards) when TEST_DATABASE_URL is set.
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { drop: () => Promise<void>; url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = createDatabase({});
    await migrateDatabase(handle);
    return { ...handle, drop: () => handle.close() };
  }
  const name = `quorate_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = createDatabase({ databaseUrl: url.toString(), max: 20 });
  await migrateDatabase(handle);
  return {
    ...handle,
    /** The new database's URL, for a test that starts another process on it. */
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
