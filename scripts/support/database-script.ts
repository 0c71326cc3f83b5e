import { createDatabase } from '@/db/client';
import type { DatabaseHandle } from '@/db/client';
import { env } from '@/lib/env';

/**
 * A one-shot script on the configured database (PostgreSQL from DATABASE_URL, else the PGlite
 * folder) over one connection: says what it starts, runs `work`, closes the database, and says
 * how long it took, every line tagged `[tag]`. A failure is printed and exits 1.
 */
export function runDatabaseScript(tag: string, starting: (e: ReturnType<typeof env>) => string, work: (handle: DatabaseHandle) => Promise<void>): void {
  const main = async () => {
    const e = env();
    console.log(`[${tag}] ${starting(e)}`);
    const started = performance.now();
    const handle = createDatabase({ databaseUrl: e.databaseUrl, pgliteDir: e.pgliteDir, max: 1, prepare: e.preparedStatements });
    try {
      await work(handle);
    } finally {
      await handle.close();
    }
    console.log(`[${tag}] done in ${Math.round(performance.now() - started)} ms`);
  };
  main().catch((error: unknown) => {
    console.error(`[${tag}] failed:`, error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
