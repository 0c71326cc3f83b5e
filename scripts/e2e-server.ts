/**
 * Starts the production build for the Playwright suite on a throwaway database: a new PGlite
 * folder (or the fresh PostgreSQL database in DATABASE_URL, which CI creates), migrated and
 * seeded, then `next start`. Beside the first server (playwright.config.ts), the others wait for the build the first
 * one makes (E2E_WAIT_FOR_BUILD) and use a database of their own, dropped and created afresh (E2E_FRESH_DATABASE).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Waits for the file the first server's command writes once the build is done (it fails the run if the build fails). */
async function waitForBuild(file: string): Promise<void> {
  const until = Date.now() + 15 * 60_000;
  while (!existsSync(file)) {
    if (Date.now() > until) throw new Error(`no build after 15 minutes (${file})`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Drops and creates the database DATABASE_URL names, through the server's `postgres` database. */
async function freshDatabase(url: string): Promise<void> {
  const { createPostgresDatabase } = await import('@/db/databases');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  await createPostgresDatabase(admin.toString(), decodeURIComponent(new URL(url).pathname.slice(1)), { replace: true });
}

async function main() {
  const port = process.env.PORT ?? '3100';
  if (process.env.E2E_WAIT_FOR_BUILD === '1' && process.env.E2E_BUILD_READY) await waitForBuild(process.env.E2E_BUILD_READY);
  if (process.env.E2E_FRESH_DATABASE === '1' && process.env.DATABASE_URL) await freshDatabase(process.env.DATABASE_URL);
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
