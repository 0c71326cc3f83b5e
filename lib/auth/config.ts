import 'server-only';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth from 'next-auth';
import Nodemailer from 'next-auth/providers/nodemailer';
import { getDb } from '@/db/client';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { env } from '@/lib/env';
import { sendMail } from '@/lib/notify/mailer';
import { magicLinkMail } from '@/lib/notify/templates';
import { parseEmail } from '@/lib/validation/email';
import { authCookieConfig, usesSecureCookiesFor } from './cookies';
import { confirmationUrlFromCallback, emailProviderId, signInLinkMinutes } from './links';
import { signInMailLocale } from './mail-locale';
import { ssoProvider, ssoProviderId, ssoUnverifiedErrorPath, verifiedSsoEmail } from './sso';

export { sessionCookieName } from './cookies';

/** Whether cookies are Secure and prefixed: AUTH_URL is https (lib/auth/cookies.ts). */
export function usesSecureCookies(): boolean {
  return usesSecureCookiesFor(env().appUrl);
}

// Configured lazily, per request: the database and secrets are read at run time, never at build.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const e = env();
  return {
    adapter: DrizzleAdapter(getDb(), {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    secret: e.authSecret,
    // Mail links use AUTH_URL in production (see lib/auth/origin.ts); Auth.js itself must accept
    // the host it is served on, including behind a reverse proxy.
    trustHost: true,
    session: { strategy: 'database', maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    pages: { signIn: '/signin', verifyRequest: '/signin/check-email', error: '/signin/error' },
    // HttpOnly, SameSite=Lax, Path=/, and Secure with the __Secure- prefix when AUTH_URL is https.
    ...authCookieConfig(e.appUrl),
    callbacks: {
      // Single sign-on names an account by e-mail: only an address the provider verified may (lib/auth/sso.ts).
      signIn: ({ account, profile }) => (account?.provider !== ssoProviderId || verifiedSsoEmail(profile) !== null ? true : ssoUnverifiedErrorPath),
    },
    providers: [
      Nodemailer({
        id: emailProviderId,
        // Unused: delivery goes through our own mailer (SMTP or the mail folder).
        server: e.smtpUrl ?? { jsonTransport: true },
        from: e.mailFrom,
        maxAge: signInLinkMinutes * 60,
        secret: e.authSecret,
        normalizeIdentifier: parseEmail,
        async sendVerificationRequest({ identifier, url, request }) {
          const link = confirmationUrlFromCallback(url);
          const locale = await signInMailLocale(getDb(), identifier, request.headers.get('accept-language'));
          const mail = magicLinkMail({ url: link, host: new URL(url).host, expiresInMinutes: signInLinkMinutes, locale });
          await sendMail({ to: identifier, ...mail });
        },
      }),
      ...(e.sso ? [ssoProvider(e.sso)] : []),
    ],
  };
});
