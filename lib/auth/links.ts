import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '@/db/client';
import { verificationTokens } from '@/db/schema';
import { returnPathFromUrl } from './paths';

export const signInLinkMinutes = 15;
export const invitationLinkDays = 7;
export const emailProviderId = 'nodemailer';

/**
 * Every e-mailed link points at our confirmation page, never at the Auth.js callback itself:
 * mail scanners that pre-open links would otherwise burn the one-time token. The page signs in
 * only when a person presses its button.
 */
export function confirmationUrl(origin: string, params: { token: string; email: string; callbackUrl: string }): string {
  const url = new URL('/signin/confirm', origin);
  url.searchParams.set('token', params.token);
  url.searchParams.set('email', params.email);
  url.searchParams.set('callbackUrl', params.callbackUrl);
  return url.toString();
}

/** Turns the callback URL Auth.js hands to sendVerificationRequest into our confirmation URL. */
export function confirmationUrlFromCallback(callback: string): string {
  const url = new URL(callback);
  return confirmationUrl(url.origin, {
    token: url.searchParams.get('token') ?? '',
    email: url.searchParams.get('email') ?? '',
    callbackUrl: returnPathFromUrl(url.searchParams.get('callbackUrl'), url.origin),
  });
}

/** The same hash Auth.js stores and checks: SHA-256 hex of token ‖ secret. */
export function hashVerificationToken(token: string, secret: string): string {
  return createHash('sha256').update(`${token}${secret}`).digest('hex');
}

/**
 * Issues a longer-lived sign-in token for an invitation, in the verification-token table the
 * Auth.js e-mail provider reads, so the invitee's link signs in exactly like a magic link.
 */
export async function issueInvitationToken(db: Executor, params: { email: string; secret: string; now: Date }): Promise<{ token: string; expires: Date }> {
  const token = randomBytes(32).toString('hex');
  const expires = new Date(params.now.getTime() + invitationLinkDays * 24 * 60 * 60 * 1000);
  await db.insert(verificationTokens).values({ identifier: params.email, token: hashVerificationToken(token, params.secret), expires });
  return { token, expires };
}
