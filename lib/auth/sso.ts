import type { OIDCConfig } from 'next-auth/providers';
import { emailSchema } from '@/lib/validation/email';

/** The Auth.js provider id of single sign-on: its callback is /api/auth/callback/oidc. */
export const ssoProviderId = 'oidc';

/** Where a refused single sign-on lands: the sign-in error page says why, in plain words. */
export const ssoUnverifiedErrorPath = '/signin/error?error=SsoEmailUnverified';

type OidcProfile = { sub?: unknown; email?: unknown; email_verified?: unknown; name?: unknown; preferred_username?: unknown };

/**
 * The e-mail address an identity provider vouches for, normalized as every address in Quorate
 * is, or null. Only an address the provider says it verified (`email_verified: true`, the
 * boolean, not the string some providers send) may name a Quorate account: accounts are
 * matched by e-mail, so an unverified one would let whoever typed it into the provider take
 * over the account that owns it.
 */
export function verifiedSsoEmail(profile: OidcProfile | null | undefined): string | null {
  if (!profile || profile.email_verified !== true || typeof profile.email !== 'string') return null;
  const parsed = emailSchema.safeParse(profile.email);
  return parsed.success ? parsed.data : null;
}

/**
 * Single sign-on by OpenID Connect (authorization code with PKCE, state and nonce), configured by
 * environment (lib/env: OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME).
 *
 * A first sign-in links the provider's account to the Quorate account with the same e-mail
 * (`allowDangerousEmailAccountLinking`) — which is safe only because the `signIn` callback
 * (lib/auth/config.ts) refuses every sign-in whose address the provider has not verified
 * (`verifiedSsoEmail`), before Auth.js looks for that account.
 */
export function ssoProvider(sso: { issuer: string; clientId: string; clientSecret: string; name: string }): OIDCConfig<OidcProfile> {
  return {
    id: ssoProviderId,
    name: sso.name,
    type: 'oidc',
    issuer: sso.issuer,
    clientId: sso.clientId,
    clientSecret: sso.clientSecret,
    checks: ['pkce', 'state', 'nonce'],
    authorization: { params: { scope: 'openid email profile' } },
    allowDangerousEmailAccountLinking: true,
    profile(profile) {
      const name = typeof profile.name === 'string' ? profile.name : typeof profile.preferred_username === 'string' ? profile.preferred_username : null;
      // An unverified address is refused by the signIn callback before any account is looked up or made.
      return { id: String(profile.sub), email: verifiedSsoEmail(profile) ?? '', name: name?.slice(0, 100) ?? null, image: null };
    },
  };
}
