import { isCsrfOriginAllowed } from 'next/dist/server/app-render/csrf-protection';
import { NextResponse } from 'next/server';
import type { NextRequest } from 'next/server';
import nextConfig from './next.config.js';
import { formatMessage } from '@/lib/governance/messages';
import { ORG_HEADER, orgSlugOfPath } from '@/lib/i18n/org-header';
import { publicCacheTarget, withNonce } from '@/lib/public-cache/policy';
import { publicPageCache } from '@/lib/public-cache/server';

function contentSecurityPolicy(nonce: string): string {
  const isDev = process.env.NODE_ENV === 'development';
  return [
    "default-src 'self'",
    // 'unsafe-eval' only for the dev server's hot reload.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    // Inline style attributes (progress bars, chart widths) and the e-mail previews need this;
    // styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Hosts next.config.js allows to post actions from elsewhere (a deployment behind a proxy may set them); Next and this check both honour them. */
const actionOrigins: string[] = nextConfig.experimental?.serverActions?.allowedOrigins ?? [];

/**
 * Route handlers outside /api that take POSTs from elsewhere by design: mail clients' RFC 8058
 * one-click unsubscribe (its signed token is the authority, and it may be multipart).
 */
const crossSitePostRoutes = new Set(['/unsubscribe/one-click']);

/**
 * A request Next.js would treat as a server action: a POST naming one (the Next-Action header of
 * the app's own fetch), or a multipart form post to a page (an action submitted without
 * JavaScript — and what a cross-site HTML form sends). Next ignores URL-encoded posts.
 */
function isPossibleServerAction(request: NextRequest): boolean {
  if (request.method !== 'POST') return false;
  if (request.headers.has('next-action')) return true;
  const isForm = (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
  return isForm && !crossSitePostRoutes.has(request.nextUrl.pathname);
}

/**
 * Whether the request's Origin names another site than the one it was sent to — Next.js's own
 * rule for server actions, to the letter: the Origin's host must equal the host the request was
 * sent to — the first X-Forwarded-Host when a reverse proxy sets one, else Host — or be one of
 * next.config.js's `serverActions.allowedOrigins`. An opaque origin
 * (`null`: a sandboxed frame, a data: URL) or an unreadable one is foreign. A request without an
 * Origin is let through, as Next does: browsers send one with every cross-site POST.
 */
function hasForeignOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = origin === 'null' ? 'null' : new URL(origin).host;
  } catch {
    return true;
  }
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  if (host && originHost === host) return false;
  return !isCsrfOriginAllowed(originHost, actionOrigins);
}

/**
 * Content-Security-Policy with a fresh nonce per request (Next.js 16 `proxy`, Node runtime).
 * Next reads the nonce from the request's CSP header and puts it on its own scripts, so an
 * injected <script> — or any script without the nonce — does not run. This is defence in depth:
 * every page already escapes what people write, and authorization lives in each action, never here.
 *
 * Signed-out visitors of an organization's public pages are answered from the public page cache
 * (lib/public-cache) when the organization's decision log has not moved: the cached HTML gets
 * this response's fresh nonce, so caching never weakens the policy.
 */
export async function proxy(request: NextRequest) {
  // Next.js refuses a server action from another site too, but answers a bare 500; refuse it
  // here first, before any action code runs, with a plain 403 that says what happened.
  if (isPossibleServerAction(request) && hasForeignOrigin(request.headers)) {
    return new NextResponse(formatMessage('action.foreign_origin') + '\n', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
    });
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce);

  const target = publicCacheTarget({ method: request.method, pathname: request.nextUrl.pathname, search: request.nextUrl.search, headers: request.headers });
  const cache = target ? publicPageCache(request.nextUrl.origin) : null;
  if (target && cache) {
    try {
      const served = await cache.serve(target);
      if (served) {
        const body = withNonce(served.page.parts, nonce);
        const response = new NextResponse(body, { status: served.page.status, headers: served.page.headers });
        response.headers.set('Content-Length', String(body.byteLength));
        response.headers.set('Content-Security-Policy', policy);
        response.headers.set('X-Quorate-Cache', served.outcome);
        response.headers.set('Vary', 'Accept-Language, Cookie');
        return response;
      }
    } catch (error) {
      // The cache is an optimisation: when it fails, the page renders as it would without it.
      console.error('[public-cache] falling back to a fresh render:', error);
    }
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  // The organization the page belongs to, for its default language (lib/i18n/request.ts); never the client's own value.
  const slug = orgSlugOfPath(request.nextUrl.pathname);
  if (slug) requestHeaders.set(ORG_HEADER, slug);
  else requestHeaders.delete(ORG_HEADER);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
    // A server action always passes the origin check above, even one carrying prefetch headers.
    { source: '/((?!api/|_next/static|_next/image|favicon.ico).*)', has: [{ type: 'header', key: 'next-action' }] },
  ],
};
