import 'server-only';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';

/** `select 1`: the database answers (GET /api/health). */
export async function pingDatabase(db: Executor): Promise<void> {
  await db.execute(sql`select 1`);
}
