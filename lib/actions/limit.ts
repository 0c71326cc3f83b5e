import 'server-only';
import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import type { Database, Tx } from '@/db/client';
import { RuleRefusal } from '@/lib/governance/refusal';
import { consumeLimit, consumeLimitIn } from '@/lib/rate-limit';
import type { LimitPolicy } from '@/lib/rate-limit';

/**
 * Spends one point of `policy` for `key`, or refuses with the limiter's code and parameters
 * (`rate_limit.exceeded`), so nothing typed is lost and the person is told when to try again.
 */
export async function spendLimit(policy: LimitPolicy, key: string): Promise<void> {
  const limit = await consumeLimit(getDb(), policy, key);
  if (!limit.ok) throw new RuleRefusal(limit.code, limit.params);
}

/**
 * The client's address as our nearest reverse proxy saw it: the rightmost X-Forwarded-For entry
 * (the ones before it are whatever the client sent, so a limit keyed on them could be dodged by
 * rotating the header). With no proxy, Next.js fills the header with the connection's address
 * unless the client sent one, so run behind a proxy that appends it. Null outside a request
 * (tests calling an action).
 */
export async function forwardedClientAddress(): Promise<string | null> {
  let forwarded: string | null;
  try {
    forwarded = (await headers()).get('x-forwarded-for');
  } catch {
    return null;
  }
  return forwarded?.split(',').at(-1)?.trim() || null;
}

/**
 * Runs `run` (a use case) with the database it would get, except that its first transaction
 * begins by spending one point of `policy` for `key` (`consumeLimitIn`): the point commits with
 * the write it limits — one commit instead of two — and an exhausted limit refuses before the use
 * case reads anything, as before. The point is never skipped: when that transaction does not commit
 * (a rule's refusal, an error) or the use case opens none, the point is spent on its own, as it
 * always was; only the limit's own refusal is not spent again.
 */
export async function withLimitSpent<R>(policy: LimitPolicy, key: string, run: (db: Database) => Promise<R>): Promise<R> {
  const db = getDb();
  let first = true;
  let committed = false;
  let refusedByLimit = false;
  const transaction = async <T>(fn: (tx: Tx) => Promise<T>, config?: Parameters<Database['transaction']>[1]): Promise<T> => {
    if (!first) return db.transaction(fn, config);
    first = false;
    const result = await db.transaction(async (tx) => {
      const limit = await consumeLimitIn(tx, policy, key);
      if (!limit.ok) {
        refusedByLimit = true;
        throw new RuleRefusal(limit.code, limit.params);
      }
      return fn(tx);
    }, config);
    committed = true;
    return result;
  };
  const limited = new Proxy(db, {
    get(target, prop) {
      if (prop === 'transaction') return transaction;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  try {
    const result = await run(limited);
    if (!committed) await spendLimit(policy, key);
    return result;
  } catch (error) {
    // The attempt counts even when refused, as it did when the point was spent first; the
    // person hears the first refusal (a second, from a concurrent attempt, is not news).
    if (!committed && !refusedByLimit) await spendLimit(policy, key).catch(() => undefined);
    throw error;
  }
}
