import { Auth } from '@auth/core';
import Credentials from 'next-auth/providers/credentials';
import { describe, expect, it } from 'vitest';
import { authCookieConfig, sessionCookieName, sessionCookieOptions, usesSecureCookiesFor } from './cookies';

describe('session cookie options', () => {
  it('production over https: __Secure- prefixed, HttpOnly, Secure, SameSite=Lax, Path=/', () => {
    expect(authCookieConfig('https://gov.example.org')).toEqual({
      useSecureCookies: true,
      cookies: { sessionToken: { name: '__Secure-quorate.session', options: { httpOnly: true, secure: true, sameSite: 'lax', path: '/' } } },
    });
  });

  it('plain-http localhost (dev, e2e): no prefix and no Secure, which browsers would refuse there; still HttpOnly and Lax', () => {
    expect(authCookieConfig('http://localhost:3100')).toEqual({
      useSecureCookies: false,
      cookies: { sessionToken: { name: 'quorate.session', options: { httpOnly: true, secure: false, sameSite: 'lax', path: '/' } } },
    });
    expect(authCookieConfig(undefined).useSecureCookies).toBe(false);
  });

  it('decides from the URL scheme only', () => {
    expect(usesSecureCookiesFor('HTTPS://Gov.Example.org/')).toBe(true);
    expect(usesSecureCookiesFor('https://gov.example.org:8443/quorate')).toBe(true);
    expect(usesSecureCookiesFor('http://https.example.org')).toBe(false);
    expect(usesSecureCookiesFor('not a url')).toBe(false);
  });

  it('the name and the flags always agree: a __Secure- name is never sent without Secure', () => {
    for (const secure of [true, false]) {
      expect(sessionCookieName(secure).startsWith('__Secure-')).toBe(secure);
      expect(sessionCookieOptions(secure).secure).toBe(secure);
    }
  });
});

/** Set-Cookie lines of a response, by cookie name. */
function setCookies(response: Response): Map<string, string> {
  return new Map(response.headers.getSetCookie().map((line) => [line.slice(0, line.indexOf('=')), line]));
}

/**
 * The options above as Auth.js itself serializes them: a real sign-in through @auth/core (the
 * engine next-auth 5 runs) behind an https AUTH_URL. Credentials and JWT only because they need
 * no database; the session cookie is named and flagged by the same `cookies.sessionToken`.
 */
async function signInOver(origin: string): Promise<Map<string, string>> {
  const config = {
    ...authCookieConfig(origin),
    secret: 'cookie-test-secret-cookie-test-secret-0123',
    trustHost: true,
    basePath: '/api/auth',
    session: { strategy: 'jwt' as const },
    providers: [Credentials({ credentials: { name: {} }, authorize: async () => ({ id: 'u1', name: 'Ada' }) })],
  };
  const csrf = await Auth(new Request(`${origin}/api/auth/csrf`), config);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = setCookies(csrf);
  const cookie = [...csrfCookies.values()].map((line) => line.split(';')[0]).join('; ');
  const response = await Auth(
    new Request(`${origin}/api/auth/callback/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ csrfToken, name: 'Ada', callbackUrl: `${origin}/` }),
    }),
    config,
  );
  expect(response.status, await response.clone().text()).toBe(302);
  return new Map([...csrfCookies, ...setCookies(response)]);
}

describe('cookies as Auth.js sets them', () => {
  it('over https, the session cookie is __Secure-, HttpOnly, Secure, SameSite=Lax, Path=/, with no Domain; Auth.js cookies are Secure too', async () => {
    const cookies = await signInOver('https://gov.example.org');
    const session = cookies.get('__Secure-quorate.session');
    expect(session, [...cookies.keys()].join(', ')).toBeDefined();
    const attributes = session!
      .split(/;\s*/)
      .slice(1)
      .map((a) => a.toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['path=/', 'httponly', 'secure', 'samesite=lax']));
    expect(attributes.some((a) => a.startsWith('domain='))).toBe(false);
    for (const [name, line] of cookies) {
      expect(name, 'every cookie over https carries a __Secure- or __Host- prefix').toMatch(/^__(Secure|Host)-/);
      expect(line.toLowerCase(), `${name} is Secure and HttpOnly`).toMatch(/;\s*secure(;|$)/);
      expect(line.toLowerCase(), `${name} is HttpOnly`).toMatch(/;\s*httponly(;|$)/);
    }
  });

  it('over plain http, the session cookie is HttpOnly and SameSite=Lax without Secure', async () => {
    const cookies = await signInOver('http://localhost:3100');
    const session = cookies.get('quorate.session');
    expect(session, [...cookies.keys()].join(', ')).toBeDefined();
    expect(session!.toLowerCase()).toMatch(/;\s*httponly(;|$)/);
    expect(session!.toLowerCase()).toMatch(/;\s*samesite=lax(;|$)/);
    expect(session!.toLowerCase()).not.toMatch(/;\s*secure(;|$)/);
  });
});
