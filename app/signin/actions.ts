'use server';

import { randomBytes } from 'node:crypto';
import { AuthError } from 'next-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { insertSession } from '@/db/queries/sessions';
import { getDemoUser } from '@/db/queries/users';
import { formValues, publicAction } from '@/lib/actions/action';
import { forwardedClientAddress, spendLimit } from '@/lib/actions/limit';
import { emailProviderId } from '@/lib/auth/links';
import { safeReturnPath } from '@/lib/auth/paths';
import { ssoProviderId } from '@/lib/auth/sso';
import { sessionCookieName, signIn, signOut, usesSecureCookies } from '@/lib/auth/config';
import { env } from '@/lib/env';
import { refuse } from '@/lib/governance/refusal';
import { emailSchema } from '@/lib/validation/email';

const requestLinkSchema = z.object({
  email: emailSchema,
  callbackUrl: z.string().max(2000).optional().transform(safeReturnPath),
});

export const requestMagicLinkAction = publicAction(
  requestLinkSchema,
  async ({ input }) => {
    // Outside a request (an action called by a test) there is no address: those callers share one key.
    const clientAddress = (await forwardedClientAddress()) ?? 'direct';
    await spendLimit('magicLinkEmail', input.email);
    await spendLimit('magicLinkClient', clientAddress);
    try {
      // Redirects to the "check your e-mail" page once the link is on its way.
      await signIn(emailProviderId, { email: input.email, redirectTo: input.callbackUrl });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      console.error('[signin] magic link request failed:', error.type);
      refuse('signin.send_failed');
    }
    return { ok: true };
  },
  // Only the address comes back to the form (as normalized, once valid): the return path is ours to recompute.
  { echo: (values, input) => ({ email: input?.email ?? values.email ?? '' }) },
);

const demoSchema = z.object({ userId: z.string().min(1).max(100), callbackUrl: z.string().max(2000).optional().transform(safeReturnPath) });

/**
 * Development-only shortcut: sign in as a seeded demo user without e-mail. Refused in
 * production whatever the form says, since actions are public POST endpoints.
 * A plain action, not a wrapped one: it has no form state to return, only a redirect (or an
 * error page for a forged request).
 */
export async function signInDemoUserAction(formData: FormData): Promise<void> {
  if (env().isProduction) throw new Error('Demo sign-in is not available in production.');
  const parsed = demoSchema.safeParse(formValues(formData));
  if (!parsed.success) throw new Error('Unknown demo user.');
  const db = getDb();
  const user = await getDemoUser(db, parsed.data.userId);
  if (!user) throw new Error('Only seeded demo users can use the shortcut.');
  const sessionToken = randomBytes(32).toString('hex');
  const expires = new Date(Date.now() + 24 * 60 * 60 * 1000);
  await insertSession(db, { sessionToken, userId: user.id, expires });
  const secure = usesSecureCookies();
  (await cookies()).set(sessionCookieName(secure), sessionToken, { httpOnly: true, sameSite: 'lax', path: '/', secure, expires });
  redirect(parsed.data.callbackUrl);
}

const ssoSchema = z.object({ callbackUrl: z.string().max(2000).optional().transform(safeReturnPath) });

/**
 * Single sign-on: off to the identity provider (Auth.js redirects), back to the return path once
 * signed in. Plain, like the demo shortcut: it answers with a redirect, or an error page when
 * this server has no single sign-on configured.
 */
export async function signInWithSsoAction(formData: FormData): Promise<void> {
  if (!env().sso) throw new Error('Single sign-on is not configured on this server.');
  const parsed = ssoSchema.safeParse(formValues(formData));
  await signIn(ssoProviderId, { redirectTo: parsed.success ? parsed.data.callbackUrl : '/' });
}

/** Plain too: signing out only redirects, and Auth.js does it. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}
