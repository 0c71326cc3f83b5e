import 'server-only';
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
