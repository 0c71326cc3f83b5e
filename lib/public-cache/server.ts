import 'server-only';
import { getDb } from '@/db/client';
import { publicPageVersion } from '@/db/queries/organizations';
import { testClockOffsetMs } from '@/lib/clock';
import { env } from '@/lib/env';
import { logIntegrityToken } from '@/lib/transparency/log-status';
import { PublicPageCache } from './page-cache';
import type { Rendered } from './page-cache';
import { nextServerOrigin } from './next-origin';
import { FILL_HEADER, nonceFromPolicy } from './policy';
import type { CacheTarget } from './policy';

/** Response headers worth keeping with a cached page; cookies and lengths are never kept. */
const KEPT_HEADERS = new Set(['content-type', 'cache-control', 'vary', 'link']);

async function renderSignedOut(origin: string, target: CacheTarget): Promise<Rendered | null> {
  // The fill asks for the target's language only: any other language in the visitor's header
  // would not be part of the key.
  const language: Record<string, string> = target.locale ? { 'accept-language': target.locale } : {};
  const response = await fetch(new URL(target.path, origin), {
    headers: { [FILL_HEADER]: '1', accept: 'text/html', ...language },
    redirect: 'manual',
    cache: 'no-store',
  });
  // Read to the end even when unused: Next's fetch in the proxy tees the body, and cancelling
  // one branch of a tee waits for the other, which hung 404 renders.
  const body = await response.text();
  const nonce = nonceFromPolicy(response.headers.get('content-security-policy'));
  // 200s are kept; a 404 (a private draft, an unknown number) is passed on once, not kept, so a
  // missing page costs one render, not two.
  if ((response.status !== 200 && response.status !== 404) || !(response.headers.get('content-type') ?? '').startsWith('text/html') || !nonce) return null;
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => {
    if (KEPT_HEADERS.has(name)) headers.push([name, value]);
  });
  return { status: response.status, body, nonce, headers };
}

const globalKey = Symbol.for('quorate.publicPageCache');
type GlobalWithCache = typeof globalThis & { [globalKey]?: PublicPageCache | null };

/** The process's page cache, or null when QUORATE_PUBLIC_CACHE=0. */
export function publicPageCache(requestOrigin: string): PublicPageCache | null {
  const g = globalThis as GlobalWithCache;
  if (g[globalKey] !== undefined) return g[globalKey];
  const { publicCache } = env();
  g[globalKey] = publicCache.enabled
    ? new PublicPageCache({
        maxEntries: 500,
        maxAgeMs: publicCache.maxAgeMs,
        recheckMs: publicCache.recheckMs,
        maxBodyChars: 4 * 1024 * 1024,
        now: () => Date.now(),
        // The end-to-end suite moves the server's clock; a moved clock is a new version. So is a
        // change of the log's verdict: an edit behind the triggers leaves the log's size as it
        // was, and the warning it brings must not wait behind a cached page.
        version: async (slug) => {
          const version = await publicPageVersion(getDb(), slug);
          if (version === null) return null;
          const integrity = await logIntegrityToken(getDb(), slug);
          const offset = testClockOffsetMs();
          return offset === 0 ? `${version}:${integrity}` : `${version}:${integrity}@${offset}`;
        },
        // Render by asking this process where it listens, never through the public Host header.
        render: (target) => renderSignedOut(nextServerOrigin(requestOrigin), target),
      })
    : null;
  return g[globalKey];
}
