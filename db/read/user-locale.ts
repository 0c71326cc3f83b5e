import 'server-only';
import { getDb } from '@/db/client';
import { getUserLocale } from '@/db/queries/users';

/** The language the person chose on /account (null: none chosen). */
export async function loadUserLocale(userId: string): Promise<string | null> {
  return getUserLocale(getDb(), userId);
}
