import 'server-only';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { users } from '@/db/schema';

/** `email` must already be normalized (lib/validation/email.ts). */
export async function findOrCreateUserByEmail(tx: Executor, email: string, name?: string | null): Promise<{ id: string; isNew: boolean }> {
  const inserted = await tx
    .insert(users)
    .values({ email, name: name ?? null })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (inserted[0]) return { id: inserted[0].id, isNew: true };
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (!existing) throw new Error('User vanished between insert and select.');
  return { id: existing.id, isNew: false };
}

export async function getUserName(db: Executor, userId: string): Promise<{ name: string | null; email: string } | null> {
  const [row] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
  return row ?? null;
}

export async function updateUserName(db: Executor, userId: string, name: string): Promise<void> {
  await db.update(users).set({ name }).where(eq(users.id, userId));
}

/** A seeded demo account (its address ends in the demo domain), or null: the development sign-in shortcut takes no one else. */
export async function getDemoUser(db: Executor, userId: string): Promise<{ id: string; email: string } | null> {
  const [row] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
  return row && row.email.endsWith('@demo.quorate.localhost') ? row : null;
}
