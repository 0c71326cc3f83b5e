import 'server-only';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';

/**
 * Holds a transaction-scoped advisory lock on a hash of `key` until the transaction ends: two transactions taking the
 * same key run that part one after the other (on PGlite, one connection, it never waits). Name the key by what it
 * serializes (`quorate.<table>:<id>`), so that unrelated locks do not share one.
 */
export async function lockTransactionKey(tx: Executor, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}
