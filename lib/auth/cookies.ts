// How the session cookie is set, decided from AUTH_URL alone (lib/env's appUrl), never from
// the request: behind a TLS-terminating proxy the request Next sees is plain http, and a
// cookie decided from it would lose Secure in production.
//
//   https AUTH_URL (production) → __Secure-quorate.session; HttpOnly; Secure; SameSite=Lax; Path=/
//   http or unset (dev, e2e)    → quorate.session; HttpOnly; SameSite=Lax; Path=/
//                                 (browsers refuse Secure and __Secure- cookies over plain http)
//
// HttpOnly: scripts — including injected ones — cannot read the token. SameSite=Lax: other
// sites' forms and fetches do not carry it (top-level GET links still do, so a mailed link to a
// page opens signed in). No Domain: the cookie stays on the host that set it.

export const sessionCookieBaseName = 'quorate.session';

export type SessionCookieOptions = { httpOnly: true; sameSite: 'lax'; path: '/'; secure: boolean };

/** True when the public base URL is https: every Auth.js cookie is then Secure and prefixed. */
export function usesSecureCookiesFor(appUrl: string | undefined): boolean {
  if (!appUrl) return false;
  try {
    return new URL(appUrl).protocol === 'https:';
  } catch {
    return false;
  }
}

export function sessionCookieName(secure: boolean): string {
  return secure ? `__Secure-${sessionCookieBaseName}` : sessionCookieBaseName;
}

export function sessionCookieOptions(secure: boolean): SessionCookieOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure };
}

/** The `cookies`/`useSecureCookies` part of the Auth.js config for a given AUTH_URL. */
export function authCookieConfig(appUrl: string | undefined) {
  const secure = usesSecureCookiesFor(appUrl);
  return {
    // Also makes Auth.js's own cookies (CSRF as __Host-, callback URL, PKCE, state, nonce)
    // Secure and prefixed, instead of guessing from the request's protocol.
    useSecureCookies: secure,
    cookies: { sessionToken: { name: sessionCookieName(secure), options: sessionCookieOptions(secure) } },
  };
}
