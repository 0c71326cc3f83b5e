import { isServable, splitAtNonce } from './policy';
import type { CacheTarget, CachedPage } from './policy';

export type Rendered = { status: number; body: string; nonce: string; headers: [string, string][] };

export type PageCacheOptions = {
  /** Pages kept at most (least recently used dropped first). */
  maxEntries: number;
  /** Longest a page is served, even when nothing was logged since. */
  maxAgeMs: number;
  /** How long one reading of an organization's version is trusted before it is read again. */
  recheckMs: number;
  /** Pages longer than this are not kept (they are rendered for each request). */
  maxBodyChars: number;
  now: () => number;
  /** The organization's current public version, or null when it has no public pages. */
  version: (slug: string) => Promise<string | null>;
  /** Renders the page as a signed-out visitor would see it, in the target's language; null when it should not be cached. */
  render: (target: CacheTarget) => Promise<Rendered | null>;
};

export type Served = { page: CachedPage; outcome: 'hit' | 'miss' };

/**
 * An in-process cache of rendered public pages, checked against the organization's version.
 *
 * Concurrent misses for one page share a single render, and concurrent version checks for one
 * organization share a single query, so a crowd arriving at once costs one render and one query
 * per page per `recheckMs`, not one per visitor. Nothing here is trusted across processes: each
 * app instance keeps its own pages and reads the version from the shared database.
 */
export class PublicPageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly renders = new Map<string, Promise<CachedPage | null>>();
  private readonly versions = new Map<string, { value: string | null; checkedAt: number }>();
  private readonly versionReads = new Map<string, Promise<string | null>>();

  constructor(private readonly options: PageCacheOptions) {}

  get size(): number {
    return this.pages.size;
  }

  /** The page for this request, from the cache or freshly rendered; null to render normally. */
  async serve(target: CacheTarget): Promise<Served | null> {
    const version = await this.currentVersion(target.slug);
    if (version === null) return null;
    const cached = this.pages.get(target.key);
    if (cached && isServable(cached, version, this.options.now(), this.options.maxAgeMs)) {
      // Map order is insertion order: re-inserting marks the page most recently used.
      this.pages.delete(target.key);
      this.pages.set(target.key, cached);
      return { page: cached, outcome: 'hit' };
    }
    const page = await this.renderOnce(target, version);
    return page ? { page, outcome: 'miss' } : null;
  }

  private async currentVersion(slug: string): Promise<string | null> {
    const known = this.versions.get(slug);
    if (known && this.options.now() - known.checkedAt < this.options.recheckMs) return known.value;
    return joinOrStart(this.versionReads, slug, () => {
      const checkedAt = this.options.now();
      return this.options.version(slug).then((value) => {
        this.versions.set(slug, { value, checkedAt });
        if (this.versions.size > this.options.maxEntries) this.versions.delete(this.versions.keys().next().value!);
        return value;
      });
    });
  }

  private renderOnce(target: CacheTarget, version: string): Promise<CachedPage | null> {
    const key = target.key;
    return joinOrStart(this.renders, `${version}\u0000${key}`, () => {
      // The version is read before the render starts, so a page is never labelled newer than
      // what it shows: a write during the render makes the next request render again.
      const storedAt = this.options.now();
      return this.options.render(target).then((rendered) => {
        if (!rendered || rendered.body.length > this.options.maxBodyChars) return null;
        const parts = splitAtNonce(rendered.body, rendered.nonce);
        if (!parts) return null;
        const page: CachedPage = { status: rendered.status, parts, headers: rendered.headers, version, storedAt };
        // Only complete pages are kept; anything else is handed to the requests waiting now.
        if (page.status !== 200) return page;
        this.pages.delete(key);
        this.pages.set(key, page);
        while (this.pages.size > this.options.maxEntries) this.pages.delete(this.pages.keys().next().value!);
        return page;
      });
    });
  }
}

/**
 * The promise already running under `key` in `flights`, or a new one from `start`, which leaves `flights` once
 * settled: concurrent requests for the same thing share one read or render.
 */
function joinOrStart<T>(flights: Map<string, Promise<T>>, key: string, start: () => Promise<T>): Promise<T> {
  let flight = flights.get(key);
  if (!flight) {
    flight = start().finally(() => flights.delete(key));
    flights.set(key, flight);
  }
  return flight;
}
