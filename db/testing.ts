import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createDatabase } from './client';
import { createPostgresDatabase, dropPostgresDatabase } from './databases';
import type { DatabaseHandle } from './client';
import { migrateDatabase } from './migrate';

/**
 * Where the test run's migrated template is (test/global-setup.ts makes it once per run):
 * - QUORATE_TEST_PGLITE_TEMPLATE: a file holding a migrated PGlite data folder's dump;
 * - QUORATE_TEST_PG_TEMPLATE: the name of a migrated PostgreSQL database to copy.
 * Without them (a test run outside Vitest's config), each database is migrated from empty.
 */
let pgliteTemplate: Blob | null | undefined;
function pgliteTemplateDump(): Blob | null {
  if (pgliteTemplate === undefined) {
    const file = process.env.QUORATE_TEST_PGLITE_TEMPLATE;
    pgliteTemplate = file && existsSync(file) ? new Blob([readFileSync(file)]) : null;
  }
  return pgliteTemplate;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a newly
 * created PostgreSQL database (dropped afterwards) when TEST_DATABASE_URL is set. Both start from
 * the run's migrated template when there is one (about 1 s instead of 5–10 s of migrations each),
 * and run the migrations anyway: with a template they find nothing left to apply.
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { drop: () => Promise<void>; url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = createDatabase({ pgliteFrom: pgliteTemplateDump() ?? undefined });
    await migrateDatabase(handle);
    return { ...handle, drop: () => handle.close() };
  }
  const name = `quorate_test_${randomBytes(6).toString('hex')}`;
  // Only a plain name is a template (test/global-setup.ts makes none otherwise): `-` means none.
  const named = process.env.QUORATE_TEST_PG_TEMPLATE;
  const template = named && /^[a-z0-9_]+$/.test(named) ? named : null;
  const url = await createPostgresDatabase(serverUrl, name, template ? { template } : {});
  const handle = createDatabase({ databaseUrl: url, max: 20 });
  await migrateDatabase(handle);
  return {
    ...handle,
    /** The new database's URL, for a test that starts another process on it. */
    url,
    drop: async () => {
      await handle.close();
      await dropPostgresDatabase(serverUrl, name);
    },
  };
}
