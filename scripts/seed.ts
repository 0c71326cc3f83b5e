import { createDatabase } from '@/db/client';
import { seedDemo } from '@/db/seed';
import { env } from '@/lib/env';

async function main() {
  const e = env();
  console.log(`[seed] seeding the demo organization into ${e.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${e.pgliteDir}`}…`);
  const started = performance.now();
  const handle = createDatabase({ databaseUrl: e.databaseUrl, pgliteDir: e.pgliteDir, max: 1 });
  try {
    await seedDemo(handle.db, (line) => console.log(`[seed]   ${line}`));
  } finally {
    await handle.close();
  }
  console.log(`[seed] done in ${Math.round(performance.now() - started)} ms`);
}

main().catch((error: unknown) => {
  console.error('[seed] failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
