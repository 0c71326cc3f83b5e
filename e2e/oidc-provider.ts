import { createServer } from 'node:http';
import type { Server } from 'node:http';
import Provider from 'oidc-provider';

/** What the test identity provider says about a login: its subject, and the address it vouches for (or not). */
export type TestIdentity = { email: string; emailVerified: boolean; name: string };

/** The client the e2e server is configured with (playwright.config.ts: OIDC_*). */
export const oidcClient = { id: 'quorate-e2e', secret: 'e2e-oidc-client-secret-e2e-oidc-client-secret' };

/**
 * A real OpenID provider (node-oidc-provider) for the single sign-on journeys: authorization code
 * with PKCE, signed ID tokens, and its development login and consent pages (any password). Each
 * login name maps to an identity the spec registers first; an unknown login has no e-mail.
 */
export async function startTestIdentityProvider(
  issuer: string,
  appBaseUrl: string,
): Promise<{ identities: Map<string, TestIdentity>; stop: () => Promise<void> }> {
  const identities = new Map<string, TestIdentity>();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: oidcClient.id,
        client_secret: oidcClient.secret,
        redirect_uris: [`${appBaseUrl}/api/auth/callback/oidc`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The claims in the ID token itself, as Keycloak, Google and most providers send them: Auth.js reads the ID token.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['e2e-oidc-cookie-key-e2e-oidc-cookie-key'] },
    ttl: { Grant: 600, Session: 600, Interaction: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => {
        const who = identities.get(sub);
        return who ? { sub, email: who.email, email_verified: who.emailVerified, name: who.name } : { sub };
      },
    }),
  });
  const server: Server = createServer(provider.callback());
  const port = Number(new URL(issuer).port);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', resolve);
  });
  return { identities, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
