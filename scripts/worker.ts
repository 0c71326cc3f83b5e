import { createDatabase } from '@/db/client';
import { runTransitions } from '@/lib/proposals/engine';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';

/** The transition worker as its own process (run the app with QUORATE_WORKER=0). PostgreSQL only: PGlite allows one process. */
async function main() {
  const e = env();
  if (!e.databaseUrl) {
    console.error('[worker] needs DATABASE_URL: the embedded database is for one process, and the app runs the worker itself.');
    process.exit(1);
  }
  const handle = createDatabase({ databaseUrl: e.databaseUrl, max: 2 });
  const interval = Number(process.env.QUORATE_WORKER_INTERVAL_MS ?? 5000);
  console.log(`[worker] recording transitions every ${interval} ms`);
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  while (!stopping) {
    try {
      const changes = await runTransitions(handle.db, now());
      if (changes > 0) console.log(`[worker] recorded ${changes} transition(s)`);
    } catch (error) {
      console.error('[worker] pass failed:', error instanceof Error ? error.message : error);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
  await handle.close();
}

void main();
