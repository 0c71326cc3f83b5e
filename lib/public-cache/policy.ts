import { sessionCookieBaseName } from '@/lib/auth/cookies';
import { negotiateLocale } from '@/lib/i18n/locales';
import type { Locale } from '@/lib/i18n/locales';

/**
 * Which requests the public page cache may answer, and how a cached page is made safe to serve
 * again. Pure functions: no I/O, no clock (the caller passes `now`).
 *
 * Only signed-out document requests for an organization's public pages are cached: a signed-in
 * viewer sees their own banners and buttons and always gets a fresh render. Client-side
 * navigations (RSC requests), prefetches and server-action posts pass through untouched.
 */

/** The header the cache puts on its own fill request, so that request renders for real. */
export const FILL_HEADER = 'x-quorate-cache-fill';

/** The organization pages a signed-out visitor can read, by path. */
const PUBLIC_PAGE = /^\/o\/([a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)(?:\/log|\/seats|\/(?:proposals|petitions)(?:\/[1-9][0-9]{0,8})?)?$/;

/** The session cookie, plain and `__Secure-` prefixed, whole or chunked (`.0`, `.1`…). */
const SESSION_COOKIE = new RegExp(`(?:^|;\\s*)(?:__Secure-)?${sessionCookieBaseName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\.\\d+)?=`);

/** Headers Next.js sends on client navigations, prefetches and action posts. */
const NOT_A_DOCUMENT = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-action', FILL_HEADER];

/**
 * `key` names the cached page: its language and its path. `locale` is the language the visitor's
 * Accept-Language asks for (null: none Quorate speaks, so the organization's default, which is part
 * of the organization's version): French is never served to a German visitor.
 */
export type CacheTarget = { key: string; path: string; slug: string; locale: Locale | null };

export type RequestShape = {
  method: string;
  pathname: string;
  search: string;
  headers: { get(name: string): string | null };
};

export function publicCacheTarget(request: RequestShape): CacheTarget | null {
  if (request.method !== 'GET') return null;
  for (const name of NOT_A_DOCUMENT) if (request.headers.get(name) !== null) return null;
  if (request.headers.get('purpose') === 'prefetch') return null;
  const cookie = request.headers.get('cookie');
  if (cookie && SESSION_COOKIE.test(cookie)) return null;
  const match = PUBLIC_PAGE.exec(request.pathname);
  if (!match) return null;
  // Log filters live in the query string. Anything unusual is rendered fresh, not cached, so
  // odd URLs cannot crowd real pages out of the cache.
  if (request.search.length > 300 || /(?:^|[?&])_rsc=/.test(request.search)) return null;
  const path = `${request.pathname}${request.search}`;
  const locale = negotiateLocale(request.headers.get('accept-language'));
  return { key: `${locale ?? '-'} ${path}`, path, slug: match[1]!, locale };
}

export type CachedPage = {
  status: number;
  /**
   * The page's UTF-8 bytes split at its render's nonce: every response joins the parts with a
   * fresh one. Kept encoded, so a response is one copy of bytes, not an encoding of the page.
   */
  parts: Uint8Array[];
  headers: [string, string][];
  /** What the organization's public state was when the render started (see publicPageVersion). */
  version: string;
  storedAt: number;
};

/**
 * A cached page may be served while the organization's version is unchanged and it is younger
 * than `maxAgeMs`. The version moves with every decision-log entry (every vote, comment,
 * publication, transition), with visibility and profile edits, and with every membership
 * change (the membership stamp, membership_tallies), so a governance change is never hidden
 * behind the cache; the age limit bounds what neither records (a person's new name, the
 * "3 days ago" wording).
 */
export function isServable(page: CachedPage, currentVersion: string | null, now: number, maxAgeMs: number): boolean {
  return currentVersion !== null && page.version === currentVersion && now - page.storedAt < maxAgeMs;
}

/** The nonce in a Content-Security-Policy header, or null. */
export function nonceFromPolicy(policy: string | null): string | null {
  const match = policy ? /'nonce-([A-Za-z0-9+/=_-]{16,})'/.exec(policy) : null;
  return match ? match[1]! : null;
}

/**
 * Splits a rendered page at its nonce, so each response can put its own fresh nonce in place.
 * Nonces are 48 random base64 characters and cannot collide with page text; a page that does
 * not contain its nonce was not rendered with it and is refused (the caller renders normally).
 */
export function splitAtNonce(body: string, renderedNonce: string): Uint8Array[] | null {
  if (renderedNonce.length < 16 || !body.includes(renderedNonce)) return null;
  const encoder = new TextEncoder();
  return body.split(renderedNonce).map((part) => encoder.encode(part));
}

/** The page with this nonce in place of the render's: one allocation of the page's size. */
export function withNonce(parts: readonly Uint8Array[], freshNonce: string): Uint8Array<ArrayBuffer> {
  const nonce = new TextEncoder().encode(freshNonce);
  let size = nonce.length * (parts.length - 1);
  for (const part of parts) size += part.length;
  const out = new Uint8Array(size);
  let at = 0;
  parts.forEach((part, i) => {
    if (i > 0) {
      out.set(nonce, at);
      at += nonce.length;
    }
    out.set(part, at);
    at += part.length;
  });
  return out;
}
