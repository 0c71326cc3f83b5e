import 'server-only';
import { asc, like } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { users } from '@/db/schema';

/** The seeded demo accounts (addresses under demo.quorate.localhost), by address. */
export async function listDemoUsers(db: Executor): Promise<{ id: string; name: string | null; email: string }[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(like(users.email, '%@demo.quorate.localhost'))
    .orderBy(asc(users.email));
}
