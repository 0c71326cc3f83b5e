import 'server-only';
import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import { RuleRefusal } from '@/lib/governance/refusal';
import { consumeLimit } from '@/lib/rate-limit';
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
