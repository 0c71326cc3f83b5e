/**
 * The request's language for tests that run real server actions: stand-ins for `next/headers` (a request whose only
 * header is the browser's Accept-Language, held per test, and no cookies) and for `next-intl/server` (`getLocale` calls
 * the same `requestLocale` the request config uses: lib/i18n/request.ts). Everything else of the production path is
 * real. vitest hoists `vi.mock` above the imports, so the state is made in `vi.hoisted` and the factories return its
 * modules:
 *
 * ```ts
 * const request = await vi.hoisted(async () => (await import('./support/request-locale-mock')).requestLocaleMock());
 * vi.mock('next/headers', () => request.nextHeaders);
 * vi.mock('next-intl/server', () => request.nextIntlServer);
 * // in a test (or beforeEach): request.acceptLanguage = 'fr';
 * ```
 */
export interface RequestLocaleMock {
  /** The browser's Accept-Language of the request being made; null for none. */
  acceptLanguage: string | null;
  readonly nextHeaders: { headers: () => Promise<Headers>; cookies: () => Promise<{ get: () => undefined; set: () => void }> };
  readonly nextIntlServer: { getRequestConfig: (config: unknown) => unknown; getLocale: () => Promise<string> };
}

export function requestLocaleMock(): RequestLocaleMock {
  const request: RequestLocaleMock = {
    acceptLanguage: null,
    nextHeaders: {
      headers: async () => new Headers(request.acceptLanguage ? { 'accept-language': request.acceptLanguage } : {}),
      cookies: async () => ({ get: () => undefined, set: () => {} }),
    },
    nextIntlServer: {
      getRequestConfig: (config: unknown) => config,
      getLocale: async () => (await import('@/lib/i18n/request')).requestLocale(),
    },
  };
  return request;
}
