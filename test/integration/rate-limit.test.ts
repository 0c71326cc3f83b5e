import { describe, expect, it } from 'vitest';
import { consumeLimit, limitPoints } from '@/lib/rate-limit';
import { withTestDatabase } from './helpers';
import type { TestDatabase } from './helpers';

let handle: TestDatabase;
withTestDatabase({ app: false }, (ready) => (handle = ready));

describe('consumeLimit', () => {
  it('gives one address 5 magic links per 15 minutes, then says how long to wait', async () => {
    for (let i = 0; i < 5; i++) expect(await consumeLimit(handle.db, 'magicLinkEmail', 'ada@example.org')).toEqual({ ok: true });
    const refused = await consumeLimit(handle.db, 'magicLinkEmail', 'ada@example.org');
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Too many sign-in links to this address in a short time\. Try again in 1[45] minutes\.$/),
    });
    // Another address, and another policy with the same key, have their own counters.
    expect(await consumeLimit(handle.db, 'magicLinkEmail', 'grace@example.org')).toEqual({ ok: true });
    expect(await consumeLimit(handle.db, 'magicLinkClient', 'ada@example.org')).toEqual({ ok: true });
  });

  it('counts concurrent requests exactly (atomic upsert): 20 at once on a 20-point budget, then refuses', async () => {
    const results = await Promise.all(Array.from({ length: 25 }, () => consumeLimit(handle.db, 'ballot', 'voter-1')));
    expect(results.filter((r) => r.ok)).toHaveLength(20);
  });

  it('multiplies only the per-network limits by QUORATE_NETWORK_LIMIT_FACTOR (one office, one address)', () => {
    expect(limitPoints('magicLinkClient', 1)).toBe(30);
    expect(limitPoints('magicLinkClient', 10)).toBe(300);
    expect(limitPoints('organizationCreateClient', 10)).toBe(200);
    // Per-person and per-address limits do not move: a shared network is no reason to mail-bomb one address.
    expect(limitPoints('magicLinkEmail', 10)).toBe(5);
    expect(limitPoints('organizationCreate', 10)).toBe(5);
    expect(limitPoints('ballot', 10)).toBe(20);
  });
});
