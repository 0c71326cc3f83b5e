import 'server-only';
import type { Executor } from '@/db/client';
import { sessions } from '@/db/schema';

/** A database session for `userId` (the shape Auth.js's adapter reads back from its cookie). */
export async function insertSession(db: Executor, params: { sessionToken: string; userId: string; expires: Date }): Promise<void> {
  await db.insert(sessions).values(params);
}
