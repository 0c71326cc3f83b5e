import { getDb } from '@/db/client';
import { pingDatabase } from '@/db/queries/health';

export const dynamic = 'force-dynamic';

/** How long the database may take to answer `select 1` before the instance counts as down. */
const TIMEOUT_MS = 3_000;

const headers = { 'Cache-Control': 'no-store' };

/**
 * GET /api/health — for load balancers and container health checks: 200 `{ ok: true, database: 'up' }`
 * once the database answers `select 1` within 3 seconds, else 503 `{ ok: false, database: 'down' }`.
 * Never cached; says nothing else (no version, host, URL or error text: the reason goes to the server log).
 */
export async function GET(): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      pingDatabase(getDb()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return Response.json({ ok: true, database: 'up' }, { status: 200, headers });
  } catch (error) {
    console.error('[health] database check failed:', error instanceof Error ? error.message : error);
    return Response.json({ ok: false, database: 'down' }, { status: 503, headers });
  } finally {
    clearTimeout(timer);
  }
}
