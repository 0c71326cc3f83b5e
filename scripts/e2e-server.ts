/**
 * Starts the production build for the Playwright suite on a throwaway database: a new PGlite
 * folder (or the fresh PostgreSQL database in DATABASE_URL, which CI creates), migrated and
 * seeded, then `next start`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

async function main() {
  const port = process.env.PORT ?? '3100';
  if (!process.env.DATABASE_URL && !process.env.PGLITE_DIR) {
    process.env.PGLITE_DIR = path.join(mkdtempSync(path.join(tmpdir(), 'quorate-e2e-db-')), 'pglite');
  }
  process.env.DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'quorate-e2e-data-'));
  const { createDatabase } = await import('@/db/client');
  const { migrateDatabase } = await import('@/db/migrate');
  const { seedDemo } = await import('@/db/seed');
  const { env } = await import('@/lib/env');
  const e = env();
  console.log(`[e2e] database: ${e.databaseUrl ? 'PostgreSQL' : `PGlite in ${e.pgliteDir}`}; mail: ${e.mailDir}`);
  const handle = createDatabase({ databaseUrl: e.databaseUrl, pgliteDir: e.pgliteDir, max: 1, prepare: e.preparedStatements });
  await migrateDatabase(handle);
  await seedDemo(handle.db, (line) => console.log(`[e2e] seed ${line}`));
  await handle.close();

  const child = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '-p', port, '-H', 'localhost'], {
    stdio: 'inherit',
    env: process.env,
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error('[e2e] server failed to start:', error);
  process.exit(1);
});
