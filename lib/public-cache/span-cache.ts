import { LruEntries } from './lru-entries';

/**
 * An in-process cache of values that hold over a span of time, for as long as nothing is written:
 * a value is kept under the version it was read at (the organization's, read fresh by every request:
 * db/queries/org-page-context.ts, with this process's own writes counted in: lib/public-cache/org-data.ts)
 * with the instant it was computed for (`from`) and the earliest later instant at which time alone may
 * change it (`until`, null: none). It serves a request only when the request read the same version and
 * its instant lies in [from, until): never a value from before a write (the version moved), nor one a
 * deadline has since changed, nor one computed for a later instant (a clock moved back).
 *
 * Bounded: at most `maxEntries` values, the least recently used forgotten first. Concurrent requests
 * for one version share one read. A failed read is not kept.
 */
export class SpanCache<T> {
  private readonly entries: LruEntries<{ version: string; from: number; result: Promise<{ value: T; until: number | null }> }>;
  /** Requests served from the cache, and read afresh (for tests and benchmarks). */
  readonly stats = { hits: 0, misses: 0 };

  constructor(options: { maxEntries: number }) {
    this.entries = new LruEntries(options.maxEntries);
  }

  /** The value for `id` at `version` and instant `at`: cached, or read by `load` (which gives it and its `until`). */
  async get(id: string, version: string, at: number, load: () => Promise<{ value: T; until: number | null }>): Promise<T> {
    const entry = this.entries.get(id);
    if (entry && entry.version === version && entry.from <= at) {
      const held = await entry.result.catch(() => null);
      if (held && (held.until === null || at < held.until)) {
        this.stats.hits++;
        this.entries.touch(id, entry);
        return held.value;
      }
    }
    this.stats.misses++;
    const result = load();
    this.entries.keep(id, { version, from: at, result }, result);
    return (await result).value;
  }

  /** How many values are kept. */
  get size(): number {
    return this.entries.size;
  }
}
