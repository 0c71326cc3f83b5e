import 'server-only';
import { redirect } from 'next/navigation';
import { auth } from './config';
import { safeReturnPath } from './paths';

export type SessionUser = { id: string; email: string; name: string | null };

/** The signed-in user, or null. Every action and page asks this itself. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? null };
}

/** For pages: sends a signed-out visitor to sign in, and back to `returnTo` afterwards. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?${new URLSearchParams({ callbackUrl: safeReturnPath(returnTo) })}`);
  return user;
}
