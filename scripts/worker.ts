import { createDatabase } from '@/db/client';
import { timedPass } from '@/lib/use-cases/worker';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { defaultMailTransport, deliverDue, deliveryOptions } from '@/lib/notify/delivery';
import { deliverDueWebhooks, webhookDeliveryOptions } from '@/lib/webhooks/delivery';

/**
 * The transition and delivery workers as their own process (run the app with QUORATE_WORKER=0).
 * PostgreSQL only: PGlite allows one process. Several may run at once: transitions lock each
 * proposal, and mail and webhook deliveries claim their outbox rows FOR UPDATE SKIP LOCKED.
 */
async function main() {
  const e = env();
  if (!e.databaseUrl) {
    console.error('[worker] needs DATABASE_URL: the embedded database is for one process, and the app runs the worker itself.');
    process.exit(1);
  }
  const handle = createDatabase({ databaseUrl: e.databaseUrl, max: 4, prepare: e.preparedStatements });
  const interval = e.workerIntervalMs;
  const transport = defaultMailTransport();
  const opts = deliveryOptions();
  console.log(`[worker] transitions every ${interval} ms, deliveries every ${e.delivery.intervalMs} ms via ${transport.kind === 'smtp' ? 'SMTP' : e.mailDir}`);
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  const transitions = async () => {
    while (!stopping) {
      try {
        const r = await timedPass(handle.db, now());
        if (Object.values(r).some((n) => n > 0))
          console.log(
            `[worker] recorded ${r.transitions} transition(s), enqueued ${r.notices} timed notice(s) and ${r.ratificationReminders} ratification reminder(s), logged ${r.overduePetitions} overdue petition answer(s), ${r.endedConsents} ended written consent(s), ${r.disclosedMinutes} disclosed minutes`,
          );
      } catch (error) {
        console.error('[worker] transition pass failed:', error instanceof Error ? error.message : error);
      }
      await new Promise((r) => setTimeout(r, interval));
    }
  };
  const deliveries = async () => {
    while (!stopping) {
      try {
        const r = await deliverDue(handle.db, transport, now(), opts);
        if (r.claimed > 0) console.log(`[worker] delivered ${r.sent}, retrying ${r.retried}, dead ${r.dead}`);
      } catch (error) {
        console.error('[worker] delivery pass failed:', error instanceof Error ? error.message : error);
      }
      await new Promise((r) => setTimeout(r, e.delivery.intervalMs));
    }
  };
  const webhookOpts = webhookDeliveryOptions();
  const webhooks = async () => {
    while (!stopping) {
      try {
        const r = await deliverDueWebhooks(handle.db, now(), webhookOpts);
        if (r.claimed > 0) console.log(`[worker] webhooks delivered ${r.delivered}, retrying ${r.retried}, dead ${r.dead}`);
      } catch (error) {
        console.error('[worker] webhook pass failed:', error instanceof Error ? error.message : error);
      }
      await new Promise((r) => setTimeout(r, e.delivery.intervalMs));
    }
  };
  await Promise.all([transitions(), deliveries(), webhooks()]);
  await transport.close();
  await handle.close();
}

void main();
