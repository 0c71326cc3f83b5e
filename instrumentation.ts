/**
 * Runs once when the server process starts: applies pending migrations, so `next start` on a
 * fresh data folder or database just works. Set QUORATE_SKIP_MIGRATE=1 where a deploy step
 * migrates instead.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('./lib/env');
  if (!env().migrateOnStart) return;
  const { getDatabaseHandle } = await import('./db/client');
  const { migrateDatabase } = await import('./db/migrate');
  await migrateDatabase(getDatabaseHandle());
}
