/**
 * Runs once when the server process starts: applies pending migrations, so `next start` on a
 * fresh data folder or database just works, then starts the transition and delivery workers
 * in-process.
 * QUORATE_SKIP_MIGRATE=1 leaves migrations to a deploy step; QUORATE_WORKER=0 leaves the
 * worker to `npm run worker`.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('./lib/env');
  const { getDatabaseHandle, getDb } = await import('./db/client');
  if (env().migrateOnStart) {
    const { migrateDatabase } = await import('./db/migrate');
    await migrateDatabase(getDatabaseHandle());
  }
  if (process.env.QUORATE_UNSAFE_TEST_CLOCK === '1') {
    console.warn('[quorate] QUORATE_UNSAFE_TEST_CLOCK=1: the clock can be moved by a file in the data folder. Never use this in production.');
  }
  if (env().runWorkers) {
    const { startTransitionWorker } = await import('./lib/use-cases/worker');
    startTransitionWorker(getDb, env().workerIntervalMs);
    // Delivers the outbox: SMTP when SMTP_URL is set, else the mail folder.
    const { startDeliveryWorker } = await import('./lib/notify/delivery');
    startDeliveryWorker(getDb);
    // Sends the webhook outbox: signed POSTs to the organizations' endpoints (lib/webhooks).
    const { startWebhookWorker } = await import('./lib/webhooks/delivery');
    startWebhookWorker(getDb);
  }
}
