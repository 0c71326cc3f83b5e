import { describe, expect, it } from 'vitest';
import { checkWeight, checkWeightChange, MAX_MEMBERSHIP_WEIGHT, weightsDiffer } from './weights';

describe('membership weights', () => {
  it('accepts whole numbers from 0 to a billion', () => {
    for (const w of [0, 1, 2, 40, MAX_MEMBERSHIP_WEIGHT]) expect(checkWeight(w)).toEqual({ ok: true });
  });

  it('refuses negatives, fractions, too large and non-numbers', () => {
    for (const w of [-1, 1.5, MAX_MEMBERSHIP_WEIGHT + 1, Number.NaN, Infinity, '3', null, undefined]) {
      expect(checkWeight(w)).toMatchObject({ ok: false, code: 'membership.weight_invalid' });
    }
  });

  it('a change needs a valid weight, a member, and a different weight', () => {
    expect(checkWeightChange({ current: 1, proposed: 5 })).toEqual({ ok: true });
    expect(checkWeightChange({ current: 5, proposed: 0 })).toEqual({ ok: true });
    expect(checkWeightChange({ current: 1, proposed: -2 })).toMatchObject({ code: 'membership.weight_invalid' });
    expect(checkWeightChange({ current: null, proposed: 5 })).toMatchObject({ code: 'proposal.subject_not_member' });
    expect(checkWeightChange({ current: 5, proposed: 5 })).toMatchObject({ code: 'membership.weight_unchanged' });
  });

  it('the weight column shows only when some weight is not 1', () => {
    expect(weightsDiffer([])).toBe(false);
    expect(weightsDiffer([1, 1, 1])).toBe(false);
    expect(weightsDiffer([1, 0])).toBe(true);
    expect(weightsDiffer([3, 1])).toBe(true);
  });
});
