'use server';

import { randomBytes } from 'node:crypto';
import { AuthError } from 'next-auth';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { sessions, users } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { formValues } from '@/lib/actions/action';
import type { ActionState } from '@/lib/actions/state';
import { emailProviderId } from '@/lib/auth/links';
import { safeReturnPath } from '@/lib/auth/paths';
import { sessionCookieName, signIn, signOut, usesSecureCookies } from '@/lib/auth/config';
import { env } from '@/lib/env';
import { consumeLimit } from '@/lib/rate-limit';
import { emailSchema } from '@/lib/validation/email';

const requestLinkSchema = z.object({
  email: emailSchema,
  callbackUrl: z.string().max(2000).optional().transform(safeReturnPath),
});

export async function requestMagicLink(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  const parsed = requestLinkSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? '_form')] ??= []).push(issue.message);
    return { ok: false, message: 'Please correct the highlighted fields.', fieldErrors, values: { email: values.email ?? '' } };
  }
  // The rightmost X-Forwarded-For entry is the one our nearest reverse proxy appended; the ones
  // before it are whatever the client sent, so a per-client limit keyed on them could be dodged
  // by rotating the header. (Without a proxy the header is the client's own; the per-address
  // limit above still holds then.)
  const clientAddress = (await headers()).get('x-forwarded-for')?.split(',').at(-1)?.trim() || 'direct';
  for (const [policy, key] of [
    ['magicLinkEmail', parsed.data.email],
    ['magicLinkClient', clientAddress],
  ] as const) {
    const limit = await consumeLimit(getDb(), policy, key);
    if (!limit.ok) return { ok: false, message: limit.message, values: { email: parsed.data.email } };
  }
  try {
    // Redirects to the "check your e-mail" page once the link is on its way.
    await signIn(emailProviderId, { email: parsed.data.email, redirectTo: parsed.data.callbackUrl });
  } catch (error) {
    if (error instanceof AuthError) {
      console.error('[signin] magic link request failed:', error.type);
      return { ok: false, message: 'We could not send a sign-in link just now. Try again in a minute.', values: { email: parsed.data.email } };
    }
    throw error;
  }
  return { ok: true };
}

const demoSchema = z.object({ userId: z.string().min(1).max(100), callbackUrl: z.string().max(2000).optional().transform(safeReturnPath) });

/**
 * Development-only shortcut: sign in as a seeded demo user without e-mail. Refused in
 * production whatever the form says, since actions are public POST endpoints.
 */
export async function demoSignIn(formData: FormData): Promise<void> {
  if (env().isProduction) throw new Error('Demo sign-in is not available in production.');
  const parsed = demoSchema.safeParse(formValues(formData));
  if (!parsed.success) throw new Error('Unknown demo user.');
  const db = getDb();
  const [user] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, parsed.data.userId)).limit(1);
  if (!user || !user.email.endsWith('@demo.quorate.localhost')) throw new Error('Only seeded demo users can use the shortcut.');
  const sessionToken = randomBytes(32).toString('hex');
  const expires = new Date(Date.now() + 24 * 60 * 60 * 1000);
  await db.insert(sessions).values({ sessionToken, userId: user.id, expires });
  const secure = usesSecureCookies();
  (await cookies()).set(sessionCookieName(secure), sessionToken, { httpOnly: true, sameSite: 'lax', path: '/', secure, expires });
  redirect(parsed.data.callbackUrl);
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}
