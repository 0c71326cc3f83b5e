import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterFailedAttempt, webhookMaxAttempts, webhookRetryDelayMs } from './backoff';

describe('webhook retry schedule', () => {
  it('30 s, 2 min, 10 min, 1 h, 6 h, then 12 h', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(webhookRetryDelayMs)).toEqual([30_000, 120_000, 600_000, 3_600_000, 21_600_000, 43_200_000, 43_200_000]);
  });

  it('is dead after the last attempt, and not before', () => {
    const at = new Date('2026-06-01T12:00:00Z');
    expect(afterFailedAttempt(webhookMaxAttempts, at)).toEqual({ dead: true });
    expect(afterFailedAttempt(1, at)).toEqual({ dead: false, nextAttemptAt: new Date(at.getTime() + 30_000) });
  });

  it('never shrinks, and the next attempt is always later than the failure', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 2 ** 40 }), (n, t) => {
        expect(webhookRetryDelayMs(n + 1)).toBeGreaterThanOrEqual(webhookRetryDelayMs(n));
        const next = afterFailedAttempt(n, new Date(t), 1000);
        if (!next.dead) expect(next.nextAttemptAt.getTime()).toBeGreaterThan(t);
      }),
    );
  });
});
