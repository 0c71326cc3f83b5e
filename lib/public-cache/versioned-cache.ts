import { LruEntries } from './lru-entries';

/**
 * An in-process cache of an organization's shared, viewer-independent data, keyed by the
 * organization's data version (read fresh by every request: db/queries/org-page-context.ts), so N
 * viewers of one version share one read instead of N.
 *
 * A value is served only while (1) the version the request read is the one it was read at, (2) no
 * write went through this process for the organization since (the caller puts a count of those in
 * the version: lib/public-cache/org-data.ts), and (3) it is
 * younger than `maxAgeMs` (what time alone changes — a window closing — and unlogged writes through
 * another instance show within that, as on the public page cache). Concurrent misses for one
 * version share one read. A value is read after its version, so it is never labelled newer than
 * what it shows: a write during the read makes the next request read again.
 */
export class VersionedCache<T> {
  private readonly entries: LruEntries<{ key: string; storedAt: number; value: Promise<T> }>;

  constructor(private readonly options: { maxEntries: number; maxAgeMs: number; now: () => number }) {
    this.entries = new LruEntries(options.maxEntries);
  }

  /** The value for `id` at `version`, cached or read by `load` (which must read nothing per viewer). */
  get(id: string, version: string, load: () => Promise<T>): Promise<T> {
    const key = version;
    const now = this.options.now();
    const entry = this.entries.get(id);
    if (entry && entry.key === key && now - entry.storedAt < this.options.maxAgeMs) {
      this.entries.touch(id, entry);
      return entry.value;
    }
    const value = load();
    // A failed read is not kept: the next request reads again.
    this.entries.keep(id, { key, storedAt: now, value }, value);
    return value;
  }
}
