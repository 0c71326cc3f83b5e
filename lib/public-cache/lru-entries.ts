/**
 * The bounded, least-recently-used map VersionedCache and SpanCache keep their entries in: at most
 * `maxEntries`, the least recently used forgotten first (a Map's order is insertion order, so marking
 * an entry used re-inserts it), and an entry whose read fails forgotten again, so the next request reads anew.
 */
export class LruEntries<E> {
  private readonly entries = new Map<string, E>();

  constructor(private readonly maxEntries: number) {}

  get(id: string): E | undefined {
    return this.entries.get(id);
  }

  /** Marks `entry` most recently used, unless another has replaced it for `id` meanwhile. */
  touch(id: string, entry: E): void {
    if (this.entries.get(id) !== entry) return;
    this.entries.delete(id);
    this.entries.set(id, entry);
  }

  /** Keeps `entry` for `id` (the most recently used), and forgets it if `read` fails while it is still the one kept. */
  keep(id: string, entry: E, read: Promise<unknown>): void {
    this.entries.delete(id);
    this.entries.set(id, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    read.catch(() => {
      if (this.entries.get(id) === entry) this.entries.delete(id);
    });
  }

  get size(): number {
    return this.entries.size;
  }
}
