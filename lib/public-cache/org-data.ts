import 'server-only';
import { testClockOffsetMs } from '@/lib/clock';
import { env } from '@/lib/env';
import { VersionedCache } from './versioned-cache';

/**
 * The process's caches of organizations' shared data (lib/public-cache/versioned-cache.ts), one per
 * part a page reads, on or off with the public page cache (QUORATE_PUBLIC_CACHE), kept for at most
 * its QUORATE_PUBLIC_CACHE_MAX_AGE_MS.
 */
type Store = { caches: Map<string, VersionedCache<unknown>>; writes: Map<string, number>; epoch: number; enabled: boolean; maxAgeMs: number };

const globalKey = Symbol.for('quorate.orgDataCache');
type GlobalWithStore = typeof globalThis & { [globalKey]?: Store };

function store(): Store {
  const g = globalThis as GlobalWithStore;
  if (!g[globalKey]) {
    const { publicCache } = env();
    g[globalKey] = { caches: new Map(), writes: new Map(), epoch: 0, enabled: publicCache.enabled, maxAgeMs: publicCache.maxAgeMs };
  }
  return g[globalKey];
}

/**
 * `load()` (which reads nothing per viewer) for organization `orgId`'s `part` (`id` within it: a
 * proposal), shared by every request that read the same `version` (db/queries/org-page-context.ts)
 * after the same writes through this process; read afresh otherwise.
 */
export function sharedOrgData<T>(part: string, orgId: string, id: string, version: string, load: () => Promise<T>): Promise<T> {
  const s = store();
  if (!s.enabled) return load();
  let cache = s.caches.get(part);
  if (!cache) s.caches.set(part, (cache = new VersionedCache<unknown>({ maxEntries: 500, maxAgeMs: s.maxAgeMs, now: () => Date.now() })));
  // The end-to-end suite moves the server's clock: a moved clock is a new version, as on the public page cache.
  const key = `${version}:${orgWriteStamp(orgId)}@${testClockOffsetMs()}`;
  return cache.get(`${orgId}/${id}`, key, load) as Promise<T>;
}

/**
 * How many writes to the organization went through this process so far (noteOrgWrite), as a suffix for
 * its version: a value read before one of them is never served after it, even a write the decision log
 * does not see. Kept whether the public page cache is on or off.
 */
export function orgWriteStamp(orgId: string): string {
  const s = store();
  return `${s.epoch}.${s.writes.get(orgId) ?? 0}`;
}

/**
 * A write to the organization went through this process (called after the action or API request,
 * committed or refused): nothing read before it is served after it, logged or not.
 */
export function noteOrgWrite(orgId: string): void {
  const s = store();
  s.writes.set(orgId, (s.writes.get(orgId) ?? 0) + 1);
  // Bounded: the counts are forgotten all at once, in a new epoch, so no count ever repeats.
  if (s.writes.size > 100_000) {
    s.writes.clear();
    s.epoch++;
  }
}
