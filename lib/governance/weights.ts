/**
 * Membership weights (shares, votes). A weight is a whole number from 0 to a billion, 1 unless a
 * passed proposal of a type with the `membership_weight` effect changed it: there is no other way
 * to change one (no admin action), so every change is a decision on the public record.
 * Pure: no I/O, no clock.
 */
import { refused } from './refusal';
import type { RuleResult } from './types';

export const DEFAULT_MEMBERSHIP_WEIGHT = 1;
export const MAX_MEMBERSHIP_WEIGHT = 1_000_000_000;

/** Whether `weight` may be a membership's weight: a whole number from 0 to MAX_MEMBERSHIP_WEIGHT. */
export function checkWeight(weight: unknown): RuleResult {
  if (typeof weight !== 'number' || !Number.isSafeInteger(weight) || weight < 0 || weight > MAX_MEMBERSHIP_WEIGHT) {
    return refused('membership.weight_invalid', { max: MAX_MEMBERSHIP_WEIGHT.toLocaleString('en-US') });
  }
  return { ok: true };
}

/**
 * What a weight-change proposal may ask: a valid weight, for a member whose weight it changes.
 * `current` is the subject's weight now (null: not a member).
 */
export function checkWeightChange(p: { current: number | null; proposed: unknown }): RuleResult {
  const valid = checkWeight(p.proposed);
  if (!valid.ok) return valid;
  if (p.current === null) return refused('proposal.subject_not_member');
  if (p.current === p.proposed) return refused('membership.weight_unchanged', { weight: p.current });
  return { ok: true };
}

/** Whether the member list shows a weight column: only when some member's weight is not the default. */
export function weightsDiffer(weights: readonly number[]): boolean {
  return weights.some((w) => w !== DEFAULT_MEMBERSHIP_WEIGHT);
}
