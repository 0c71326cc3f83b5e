import 'server-only';
import { getDb } from '@/db/client';
import { RuleRefusal } from '@/lib/governance/refusal';
import { consumeLimit, limitPolicies } from '@/lib/rate-limit';
import type { LimitPolicy } from '@/lib/rate-limit';

/**
 * Spends one point of `policy` for `key`, or refuses (code `rate_limit.exceeded`) with the
 * limiter's own wording, so nothing typed is lost and the person is told when to try again.
 */
export async function spendLimit(policy: LimitPolicy, key: string): Promise<void> {
  const limit = await consumeLimit(getDb(), policy, key);
  if (limit.ok) return;
  const refusal = new RuleRefusal('rate_limit.exceeded', { what: limitPolicies[policy].what, wait: waitText(limit.retryAfterSeconds) });
  // The limiter words its own refusal; should the two ever drift, the limiter's words win.
  if (refusal.message !== limit.message) refusal.message = limit.message;
  throw refusal;
}

function waitText(seconds: number): string {
  return seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
}
