import 'server-only';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { Database, Executor, Tx } from '@/db/client';
import { rateLimits } from '@/db/schema';
import { env } from '@/lib/env';
import { formatMessage } from '@/lib/governance/messages';
import type { MessageParams } from '@/lib/governance/messages';
import { codeParam } from '@/lib/governance/refusal-facts';

/**
 * Limits on what one person (or one address) can do in a burst. Counters live in PostgreSQL
 * (or PGlite) through rate-limiter-flexible's atomic Drizzle store, so every app instance
 * sharing the database shares the limits.
 */
export const limitPolicies = {
  /** Magic links to one address: enough for a typo and a retry, not for mail-bombing someone. */
  magicLinkEmail: { points: 5, duration: 15 * 60, what: 'sign-in links to this address' },
  /** Magic-link requests from one client address (times QUORATE_NETWORK_LIMIT_FACTOR). */
  magicLinkClient: { points: 30, duration: 15 * 60, what: 'sign-in requests from your network', perNetwork: true },
  comment: { points: 10, duration: 60, what: 'comments' },
  /** Casting and changing votes: generous for a last-minute rethink, not for a script. */
  ballot: { points: 20, duration: 60, what: 'votes' },
  /** Delegating and revoking: each change is on the public log for good. */
  delegation: { points: 10, duration: 60, what: 'delegation changes' },
  /** Founding organizations, per person: every new organization is public, so not a way to fill the home page. */
  organizationCreate: { points: 5, duration: 24 * 60 * 60, what: 'new organizations from your account' },
  /** Founding organizations from one client address, whoever is signed in: fresh accounts do not reset it. */
  /** Creating or replacing one's calendar link: a few a day is plenty; each one ends the last. */
  calendarFeed: { points: 10, duration: 60 * 60, what: 'calendar link changes' },
  /** Creating and revoking API tokens: a handful an hour is plenty. */
  apiToken: { points: 10, duration: 60 * 60, what: 'API token changes' },
  organizationCreateClient: { points: 20, duration: 24 * 60 * 60, what: 'new organizations from your network', perNetwork: true },
} as const satisfies Record<string, { points: number; duration: number; what: string; perNetwork?: true }>;

/** The points `policy` allows per window: a per-network policy's are multiplied by QUORATE_NETWORK_LIMIT_FACTOR. */
export function limitPoints(policy: LimitPolicy, factor = env().networkLimitFactor): number {
  const spec: { points: number; perNetwork?: true } = limitPolicies[policy];
  return spec.perNetwork ? spec.points * factor : spec.points;
}

export type LimitPolicy = keyof typeof limitPolicies;
/** A refusal carries its catalogue code and parameters, and the wording made from them. */
export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number; code: 'rate_limit.exceeded'; params: MessageParams; message: string };

const limiters = new WeakMap<Database, Map<LimitPolicy, RateLimiterDrizzle>>();

function newLimiter(db: Executor, policy: LimitPolicy, clearExpiredByTimeout: boolean): RateLimiterDrizzle {
  return new RateLimiterDrizzle({
    storeClient: db,
    schema: rateLimits,
    keyPrefix: policy,
    points: limitPoints(policy),
    duration: limitPolicies[policy].duration,
    clearExpiredByTimeout,
  });
}

function limiterFor(db: Database, policy: LimitPolicy): RateLimiterDrizzle {
  let perDb = limiters.get(db);
  if (!perDb) limiters.set(db, (perDb = new Map()));
  let limiter = perDb.get(policy);
  if (!limiter) {
    limiter = newLimiter(db, policy, process.env.NODE_ENV === 'production');
    perDb.set(policy, limiter);
  }
  return limiter;
}

/** Spends one point for `key` under `policy`; refuses with a message saying when to try again. */
export async function consumeLimit(db: Database, policy: LimitPolicy, key: string): Promise<LimitResult> {
  return consumeWith(limiterFor(db, policy), policy, key);
}

/**
 * The same point (the same row, key and arithmetic) spent inside the caller's transaction: it
 * commits with the write it limits, one commit instead of two, and rolls back with it. The row
 * stays locked until then, so one person's concurrent attempts under one policy queue behind each other.
 */
export async function consumeLimitIn(tx: Tx, policy: LimitPolicy, key: string): Promise<LimitResult> {
  return consumeWith(newLimiter(tx, policy, false), policy, key);
}

async function consumeWith(limiter: RateLimiterDrizzle, policy: LimitPolicy, key: string): Promise<LimitResult> {
  try {
    await limiter.consume(key);
    return { ok: true };
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      // The English words, and beside them the facts another language words (lib/governance/refusal-facts.ts).
      const params = {
        ...codeParam('what', 'limit', limitPolicies[policy].what, policy),
        wait: waitText(retryAfterSeconds),
        'wait:duration': waitDuration(retryAfterSeconds),
      };
      return { ok: false, retryAfterSeconds, code: 'rate_limit.exceeded', params, message: formatMessage('rate_limit.exceeded', params) };
    }
    throw error;
  }
}

/** '45 seconds', '14 minutes', '23 hours': the unit a person would use. */
export function waitText(seconds: number): string {
  if (seconds >= 2 * 60 * 60) return `${Math.ceil(seconds / 3600)} hours`;
  if (seconds >= 120) return `${Math.ceil(seconds / 60)} minutes`;
  return `${seconds} seconds`;
}

/** The same wait as a fact, ISO 8601 in the unit `waitText` chose: 'PT45S', 'PT14M', 'PT23H'. */
export function waitDuration(seconds: number): string {
  if (seconds >= 2 * 60 * 60) return `PT${Math.ceil(seconds / 3600)}H`;
  if (seconds >= 120) return `PT${Math.ceil(seconds / 60)}M`;
  return `PT${seconds}S`;
}
