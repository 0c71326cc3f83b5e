import { describe, expect, it } from 'vitest';
import { sessionCookieName } from '@/lib/auth/cookies';
import { isServable, nonceFromPolicy, publicCacheTarget, splitAtNonce, withNonce } from './policy';
import type { CachedPage, RequestShape } from './policy';

function request(pathAndQuery: string, headers: Record<string, string> = {}, method = 'GET'): RequestShape {
  const url = new URL(pathAndQuery, 'http://quorate.test');
  const h = new Headers(headers);
  return { method, pathname: url.pathname, search: url.search, headers: h };
}

describe('publicCacheTarget', () => {
  it.each([
    '/o/riverbend-commons',
    '/o/riverbend-commons/log',
    '/o/riverbend-commons/seats',
    '/o/riverbend-commons/proposals',
    '/o/riverbend-commons/proposals/7',
    '/o/riverbend-commons/petitions',
    '/o/riverbend-commons/petitions/2',
  ])('caches the signed-out document request for %s', (path) => {
    expect(publicCacheTarget(request(path))).toEqual({ key: `- ${path}`, path, slug: 'riverbend-commons', locale: null });
  });

  it('keys log pages by their filters', () => {
    const path = '/o/acme/log?kind=ballot.cast&before=40';
    expect(publicCacheTarget(request(path))).toEqual({ key: `- ${path}`, path, slug: 'acme', locale: null });
  });

  it('keys pages by the language the browser asks for, so each language has its own copy', () => {
    const of = (acceptLanguage: string) => publicCacheTarget(request('/o/acme', { 'accept-language': acceptLanguage }));
    expect(of('fr-FR,fr;q=0.9,en;q=0.5')).toMatchObject({ key: 'fr /o/acme', locale: 'fr' });
    expect(of('de-CH, en;q=0.3')).toMatchObject({ key: 'de /o/acme', locale: 'de' });
    expect(of('en-GB')).toMatchObject({ key: 'en /o/acme', locale: 'en' });
    // A language Quorate does not speak: the organization's default, one shared copy (the default is in the version).
    expect(of('es-ES, pt;q=0.8')).toMatchObject({ key: '- /o/acme', locale: null });
    expect(of('fr;q=0, de')).toMatchObject({ locale: 'de' });
    expect(new Set(['fr', 'de', 'en', 'es'].map((l) => of(l)!.key)).size).toBe(4);
  });

  it.each([
    ['a signed-in visitor', { cookie: `theme=dark; ${sessionCookieName(false)}=abc` }],
    ['a signed-in visitor over https', { cookie: `${sessionCookieName(true)}=abc` }],
    ['a chunked session cookie', { cookie: `${sessionCookieName(false)}.0=abc` }],
    ['a client-side navigation', { rsc: '1' }],
    ['a router prefetch', { 'next-router-prefetch': '1' }],
    ['a browser prefetch', { purpose: 'prefetch' }],
    ['a server action post', { 'next-action': 'abc' }],
    ["the cache's own render", { 'x-quorate-cache-fill': '1' }],
  ])('never caches %s', (_, headers) => {
    expect(publicCacheTarget(request('/o/acme', headers))).toBeNull();
  });

  it('does not mistake other cookies for a session', () => {
    expect(publicCacheTarget(request('/o/acme', { cookie: 'authjs.csrf-token=x; authjs.callback-url=y; xquorate.session=z' }))).not.toBeNull();
  });

  it.each([
    '/o/acme/members',
    '/o/acme/delivery',
    '/o/acme/settings/notifications',
    '/o/acme/proposals/new',
    '/o/acme/proposals/7/edit',
    '/o/acme/proposals/0',
    '/o/acme/petitions/new',
    '/o/acme/petitions/0',
    '/o/Acme',
    '/orgs/new',
    '/',
    '/o/acme/log/export.csv',
  ])('leaves %s to a fresh render', (path) => {
    expect(publicCacheTarget(request(path))).toBeNull();
  });

  it('only caches GET', () => {
    expect(publicCacheTarget(request('/o/acme', {}, 'POST'))).toBeNull();
    expect(publicCacheTarget(request('/o/acme', {}, 'HEAD'))).toBeNull();
  });

  it('renders odd query strings fresh instead of filling the cache with them', () => {
    expect(publicCacheTarget(request(`/o/acme/log?q=${'x'.repeat(400)}`))).toBeNull();
    expect(publicCacheTarget(request('/o/acme?_rsc=abc'))).toBeNull();
  });
});

describe('isServable', () => {
  const page: CachedPage = { status: 200, parts: [new Uint8Array([97]), new Uint8Array([98])], headers: [], version: '41', storedAt: 1_000 };

  it('serves while the version is unchanged and the page is young', () => {
    expect(isServable(page, '41', 1_000 + 9_999, 10_000)).toBe(true);
  });
  it('refuses once anything was logged', () => {
    expect(isServable(page, '42', 1_001, 10_000)).toBe(false);
  });
  it('refuses once the page is too old, even with nothing logged', () => {
    expect(isServable(page, '41', 1_000 + 10_000, 10_000)).toBe(false);
  });
  it('refuses when the organization is no longer public', () => {
    expect(isServable(page, null, 1_001, 10_000)).toBe(false);
  });
});

describe('nonces', () => {
  const nonce = Buffer.from('1b4e28ba-2fa1-11d2-883f-0016d3cca427').toString('base64');

  it('reads the nonce from a policy', () => {
    expect(nonceFromPolicy(`default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`)).toBe(nonce);
    expect(nonceFromPolicy("default-src 'self'")).toBeNull();
    expect(nonceFromPolicy(null)).toBeNull();
  });

  it('gives every response its own nonce and keeps the rest of the page byte for byte', () => {
    const body = `<script nonce="${nonce}">a</script><p>text</p><script nonce="${nonce}" src="/x.js"></script>`;
    const parts = splitAtNonce(body, nonce)!;
    const fresh = Buffer.from('00000000-0000-4000-8000-000000000000').toString('base64');
    const served = new TextDecoder().decode(withNonce(parts, fresh));
    expect(served).toBe(body.replaceAll(nonce, fresh));
    expect(served).not.toContain(nonce);
    expect(new TextDecoder().decode(withNonce(parts, nonce))).toBe(body);
    // Byte for byte, non-ASCII text included.
    const text = `<p>Ünïcødé — 会议 🗳️</p><script nonce="${nonce}"></script>`;
    expect(new TextDecoder().decode(withNonce(splitAtNonce(text, nonce)!, fresh))).toBe(text.replaceAll(nonce, fresh));
  });

  it('refuses a page that does not carry its nonce, and nonsense nonces', () => {
    expect(splitAtNonce('<script>a</script>', nonce)).toBeNull();
    expect(splitAtNonce('<script nonce="">a</script>', '')).toBeNull();
  });
});
