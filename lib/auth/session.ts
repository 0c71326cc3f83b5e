import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from './config';
import { safeReturnPath } from './paths';

export type SessionUser = { id: string; email: string; name: string | null };

/**
 * The signed-in user, or null. Every action and page asks this itself. Read once per render (React's
 * `cache`): the header, the name prompt and the page each ask, and each asking was a session query.
 * Outside a render (a server action) every call reads the session again.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? null };
});

/** For pages: sends a signed-out visitor to sign in, and back to `returnTo` afterwards. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?${new URLSearchParams({ callbackUrl: safeReturnPath(returnTo) })}`);
  return user;
}
