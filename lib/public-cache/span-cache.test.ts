import { describe, expect, it } from 'vitest';
import { SpanCache } from './span-cache';

function setup(maxEntries = 2) {
  let reads = 0;
  const cache = new SpanCache<string>({ maxEntries });
  const read = (value: string, until: number | null) => () => {
    reads++;
    return Promise.resolve({ value, until });
  };
  return { cache, read, reads: () => reads };
}

describe('SpanCache', () => {
  it('serves a value from the instant it was read for up to, not including, its end', async () => {
    const { cache, read, reads } = setup();
    expect(await cache.get('org', 'v1', 100, read('a', 200))).toBe('a');
    expect(await cache.get('org', 'v1', 150, read('b', 300))).toBe('a');
    expect(await cache.get('org', 'v1', 199, read('b', 300))).toBe('a');
    expect(reads()).toBe(1);
    // At its end the value is read again, and the new one holds to its own end.
    expect(await cache.get('org', 'v1', 200, read('b', 300))).toBe('b');
    expect(await cache.get('org', 'v1', 250, read('c', 400))).toBe('b');
    expect(reads()).toBe(2);
    expect(cache.stats).toEqual({ hits: 3, misses: 2 });
  });

  it('a value with no end holds until the version moves; an old version come back is read again', async () => {
    const { cache, read, reads } = setup();
    await cache.get('org', 'v1', 100, read('a', null));
    expect(await cache.get('org', 'v1', 1e15, read('x', null))).toBe('a');
    expect(await cache.get('org', 'v2', 1e15, read('b', null))).toBe('b');
    expect(await cache.get('org', 'v1', 1e15, read('c', null))).toBe('c');
    expect(reads()).toBe(3);
  });

  it('an instant before the one the value was read for is read again (a clock moved back)', async () => {
    const { cache, read, reads } = setup();
    await cache.get('org', 'v1', 100, read('a', 200));
    expect(await cache.get('org', 'v1', 99, read('b', 200))).toBe('b');
    expect(reads()).toBe(2);
  });

  it('concurrent requests share one read; a failed read is not kept', async () => {
    const { cache, read, reads } = setup();
    const [a, b] = await Promise.all([cache.get('org', 'v1', 100, read('a', null)), cache.get('org', 'v1', 100, read('b', null))]);
    expect([a, b]).toEqual(['a', 'a']);
    expect(reads()).toBe(1);
    await expect(cache.get('other', 'v1', 100, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('other', 'v1', 100, read('c', null))).toBe('c');
  });

  it('keeps at most maxEntries values, forgetting the least recently used', async () => {
    const { cache, read, reads } = setup(2);
    await cache.get('a', 'v', 0, read('a', null));
    await cache.get('b', 'v', 0, read('b', null));
    await cache.get('a', 'v', 0, read('x', null)); // a is now the most recently used
    await cache.get('c', 'v', 0, read('c', null)); // b is forgotten
    expect(cache.size).toBe(2);
    expect(await cache.get('a', 'v', 0, read('y', null))).toBe('a');
    expect(await cache.get('b', 'v', 0, read('b2', null))).toBe('b2');
    expect(reads()).toBe(4);
  });
});
