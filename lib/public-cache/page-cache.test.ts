import { describe, expect, it } from 'vitest';
import { PublicPageCache } from './page-cache';
import type { PageCacheOptions, Rendered } from './page-cache';

const NONCE = 'bm9uY2Utbm9uY2Utbm9uY2Utbm9uY2U=';

function setup(overrides: Partial<PageCacheOptions> = {}) {
  const state = { now: 0, version: '1' as string | null, renders: 0, versionReads: 0, html: 'v1' };
  const cache = new PublicPageCache({
    maxEntries: 3,
    maxAgeMs: 10_000,
    recheckMs: 500,
    maxBodyChars: 1_000,
    now: () => state.now,
    version: async () => {
      state.versionReads += 1;
      return state.version;
    },
    render: async ({ key }): Promise<Rendered> => {
      state.renders += 1;
      await new Promise((r) => setTimeout(r, 5));
      return { status: 200, body: `<script nonce="${NONCE}"></script>${key}:${state.html}`, nonce: NONCE, headers: [['content-type', 'text/html']] };
    },
    ...overrides,
  });
  return { cache, state };
}

const target = (key: string) => ({ key, path: key, slug: 'acme', locale: null });
const text = (served: Awaited<ReturnType<PublicPageCache['serve']>>) => served?.page.parts.map((p) => new TextDecoder().decode(p)).join('N');

describe('PublicPageCache', () => {
  it('renders once, then serves the copy', async () => {
    const { cache, state } = setup();
    expect((await cache.serve(target('/o/acme')))?.outcome).toBe('miss');
    expect((await cache.serve(target('/o/acme')))?.outcome).toBe('hit');
    expect(state.renders).toBe(1);
  });

  it('a crowd arriving at once costs one render and one version read', async () => {
    const { cache, state } = setup();
    const served = await Promise.all(Array.from({ length: 50 }, () => cache.serve(target('/o/acme'))));
    expect(served.every((s) => s !== null)).toBe(true);
    expect(state.renders).toBe(1);
    expect(state.versionReads).toBe(1);
  });

  it('renders again as soon as the log moves (after the recheck interval)', async () => {
    const { cache, state } = setup();
    await cache.serve(target('/o/acme'));
    state.version = '2';
    state.html = 'v2';
    state.now = 499;
    expect(text(await cache.serve(target('/o/acme')))).toContain('v1');
    state.now = 500;
    const served = await cache.serve(target('/o/acme'));
    expect(served?.outcome).toBe('miss');
    expect(text(served)).toContain('v2');
  });

  it('renders again when the page is too old, even with nothing logged', async () => {
    const { cache, state } = setup();
    await cache.serve(target('/o/acme'));
    state.now = 10_000;
    expect((await cache.serve(target('/o/acme')))?.outcome).toBe('miss');
    expect(state.renders).toBe(2);
  });

  it('serves nothing once the organization is private or gone', async () => {
    const { cache, state } = setup();
    await cache.serve(target('/o/acme'));
    state.version = null;
    state.now = 600;
    expect(await cache.serve(target('/o/acme'))).toBeNull();
  });

  it('keeps only the most recently used pages', async () => {
    const { cache, state } = setup();
    for (const key of ['/o/acme', '/o/acme/log', '/o/acme/seats']) await cache.serve(target(key));
    await cache.serve(target('/o/acme')); // now the most recent
    await cache.serve(target('/o/acme/proposals')); // evicts /o/acme/log
    expect(cache.size).toBe(3);
    const before = state.renders;
    expect((await cache.serve(target('/o/acme')))?.outcome).toBe('hit');
    expect((await cache.serve(target('/o/acme/log')))?.outcome).toBe('miss');
    expect(state.renders).toBe(before + 1);
  });

  it('does not keep what it should not: failed renders, huge pages, pages without their nonce', async () => {
    for (const render of [
      async () => null,
      async () => ({ status: 200, body: `nonce="${NONCE}"${'x'.repeat(2_000)}`, nonce: NONCE, headers: [] }),
      async () => ({ status: 200, body: '<p>no nonce</p>', nonce: NONCE, headers: [] }),
    ]) {
      const { cache } = setup({ render });
      expect(await cache.serve(target('/o/acme'))).toBeNull();
      expect(cache.size).toBe(0);
    }
  });

  it('hands a not-found page to the requests waiting for it, and does not keep it', async () => {
    const { cache, state } = setup({
      render: async () => {
        state.renders += 1;
        return { status: 404, body: `<i nonce="${NONCE}"></i>not found`, nonce: NONCE, headers: [] };
      },
    });
    const served = await Promise.all([cache.serve(target('/o/acme/proposals/9')), cache.serve(target('/o/acme/proposals/9'))]);
    expect(served.map((s) => s?.page.status)).toEqual([404, 404]);
    expect(state.renders).toBe(1);
    expect(cache.size).toBe(0);
    await cache.serve(target('/o/acme/proposals/9'));
    expect(state.renders).toBe(2);
  });

  it('labels a page with the version read before its render, so a write during the render is not hidden', async () => {
    const { cache, state } = setup({
      render: async (key) => {
        state.renders += 1;
        state.version = '2'; // a vote commits while the page renders
        return { status: 200, body: `<i nonce="${NONCE}"></i>${key}`, nonce: NONCE, headers: [] };
      },
    });
    await cache.serve(target('/o/acme'));
    state.now = 500;
    expect((await cache.serve(target('/o/acme')))?.outcome).toBe('miss');
  });

  it('keeps one page per language: a German visitor is never served the French page', async () => {
    const { cache, state } = setup({
      render: async ({ path, locale }): Promise<Rendered> => {
        state.renders += 1;
        return { status: 200, body: `<script nonce="${NONCE}"></script>${path}:${locale ?? 'default'}`, nonce: NONCE, headers: [] };
      },
    });
    const fr = { key: 'fr /o/acme', path: '/o/acme', slug: 'acme', locale: 'fr' as const };
    const de = { key: 'de /o/acme', path: '/o/acme', slug: 'acme', locale: 'de' as const };
    expect(text(await cache.serve(fr))).toContain('/o/acme:fr');
    expect(text(await cache.serve(de))).toContain('/o/acme:de');
    expect((await cache.serve(fr))?.outcome).toBe('hit');
    expect(text(await cache.serve(de))).toContain('/o/acme:de');
    expect(state.renders).toBe(2);
  });
});
