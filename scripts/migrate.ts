import { createDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { env } from '@/lib/env';

async function main() {
  const e = env();
  const target = e.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${e.pgliteDir}`;
  console.log(`[migrate] applying migrations to ${target}…`);
  const started = performance.now();
  const handle = createDatabase({ databaseUrl: e.databaseUrl, pgliteDir: e.pgliteDir, max: 1 });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
  console.log(`[migrate] done in ${Math.round(performance.now() - started)} ms`);
}

main().catch((error: unknown) => {
  console.error('[migrate] failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
