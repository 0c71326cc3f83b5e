import { describe, expect, it } from 'vitest';
import { VersionedCache } from './versioned-cache';

function setup(maxAgeMs = 1000) {
  let now = 0;
  let reads = 0;
  const cache = new VersionedCache<string>({ maxEntries: 2, maxAgeMs, now: () => now });
  const read = (value: string) => () => {
    reads++;
    return Promise.resolve(value);
  };
  return { cache, read, reads: () => reads, tick: (ms: number) => (now += ms) };
}

describe('VersionedCache', () => {
  it('concurrent and later readers of one version share one read', async () => {
    const { cache, read, reads } = setup();
    const [a, b] = await Promise.all([cache.get('org', 'v1', read('x')), cache.get('org', 'v1', read('y'))]);
    expect([a, b, await cache.get('org', 'v1', read('z'))]).toEqual(['x', 'x', 'x']);
    expect(reads()).toBe(1);
  });

  it('a new version is read again, and so is an old one come back', async () => {
    const { cache, read, reads } = setup();
    await cache.get('org', 'v1', read('x'));
    expect(await cache.get('org', 'v2', read('y'))).toBe('y');
    expect(await cache.get('org', 'v1', read('z'))).toBe('z');
    expect(reads()).toBe(3);
  });

  it('a value is served for at most maxAgeMs, however quiet the organization', async () => {
    const { cache, read, tick } = setup(1000);
    await cache.get('org', 'v1', read('x'));
    tick(999);
    expect(await cache.get('org', 'v1', read('y'))).toBe('x');
    tick(1);
    expect(await cache.get('org', 'v1', read('z'))).toBe('z');
  });

  it('a failed read is not kept', async () => {
    const { cache, read } = setup();
    await expect(cache.get('org', 'v1', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('org', 'v1', read('x'))).toBe('x');
  });

  it('keeps at most maxEntries organizations, the least recently used dropped first', async () => {
    const { cache, read, reads } = setup();
    await cache.get('a', 'v', read('a'));
    await cache.get('b', 'v', read('b'));
    await cache.get('a', 'v', read('a2'));
    await cache.get('c', 'v', read('c'));
    expect(await cache.get('a', 'v', read('a3'))).toBe('a');
    expect(await cache.get('b', 'v', read('b2'))).toBe('b2');
    expect(reads()).toBe(4);
  });
});
