import { NextResponse } from 'next/server';
import type { NextRequest } from 'next/server';
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
        return response;
      }
    } catch (error) {
      // The cache is an optimisation: when it fails, the page renders as it would without it.
      console.error('[public-cache] falling back to a fresh render:', error);
    }
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
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
  ],
};
