import { beforeAll } from 'vitest';
import type { Database } from '@/db/client';
import { apiCalls } from '../api-calls';
import { withTestDatabase } from '../helpers';

/**
 * What an /api/v1 test file sets up before its tests: a database of its own, which the app's code (route handlers,
 * actions) reaches too (withTestDatabase with `app`), handed to `keep`; then `found` makes the organizations the file
 * works in (a minute allowed); and the calls to /api/v1 over the route handlers, bound to that database (apiCalls).
 * The file keeps the database and what `found` makes in variables of its own, which its tests read by name:
 *
 * ```ts
 * let db: Database;
 * let org: FoundedOrganization;
 * let otherOrgId = '';
 * const { call, token, refusedAndUnchanged, scopesRefused } = apiV1File(
 *   (handle) => (db = handle),
 *   async () => ({ org, otherOrgId } = await foundWithOtherOrganization(db, { slug: 'api-x', seated: 3, at })),
 * );
 * ```
 */
export function apiV1File(keep: (db: Database) => unknown, found: () => Promise<unknown>): ReturnType<typeof apiCalls> {
  let db: Database | undefined;
  withTestDatabase({ app: true }, (handle) => keep((db = handle.db)));
  beforeAll(async () => {
    await found();
  }, 60_000);
  return apiCalls(() => db!);
}
