import { vi } from 'vitest';
import type { Database } from '@/db/client';
import { comments, decisionLog, memberships, organizations, proposals, users, votes } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session';

/** Who the mocked session says is signed in; null = signed out. */
export const session: { user: SessionUser | null } = { user: null };

export function signInAs(user: SessionUser | null): void {
  session.user = user;
}

export function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

/** Runs an action that ends in `redirect()`, returning where it redirected to. */
export async function expectRedirect(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return digest.split(';')[2] ?? '';
    throw error;
  }
  throw new Error('Expected a redirect, but the action returned normally.');
}

export const noop = vi.fn();

/** Row counts of every table an action may write: equal before and after means it wrote nothing. */
export async function writableRowCounts(db: Database) {
  return {
    proposals: await db.$count(proposals),
    comments: await db.$count(comments),
    votes: await db.$count(votes),
    log: await db.$count(decisionLog),
    memberships: await db.$count(memberships),
    users: await db.$count(users),
    organizations: await db.$count(organizations),
  };
}
