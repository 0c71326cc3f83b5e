import { describe, expect, it } from 'vitest';
import { findReceipt, receiptLineProblems, receiptList, receiptParts, receiptWeightProblems } from './receipt-list';

const A = 'AAAA-0000-0000-0000-0000';
const B = 'BBBB-0000-0000-0000-0000';
const C = 'CCCC-0000-0000-0000-0000';

describe('the published receipt list', () => {
  it('lists counted ballots by receipt, and counts those without one', () => {
    const { lines, weights, withoutReceipt } = receiptList([
      { receipt: C, preferences: [1, 0] },
      { receipt: A, preferences: [2] },
      { receipt: null, preferences: [0] },
      { preferences: [1] },
      { receipt: B, preferences: [0, 2, 1] },
    ]);
    expect(lines).toEqual([
      [A, 2],
      [B, 0, 2, 1],
      [C, 1, 0],
    ]);
    expect(withoutReceipt).toBe(2);
    expect(weights).toBeNull();
    expect(findReceipt(lines, B)).toEqual({ preferences: [0, 2, 1], weight: 1 });
    expect(findReceipt(lines, 'ZZZZ-0000-0000-0000-0000')).toBeNull();
  });

  it('lists a member-wide vote’s ballots with the weight each carried, in the same order', () => {
    const { lines, weights, withoutReceipt } = receiptList([
      { receipt: C, preferences: [1], weight: 3 },
      { receipt: A, preferences: [0], weight: 1 },
      { receipt: null, preferences: [0], weight: 2 },
      { receipt: B, preferences: [2, 1], weight: 5 },
    ]);
    expect(lines).toEqual([
      [A, 0],
      [B, 2, 1],
      [C, 1],
    ]);
    expect(weights).toEqual([1, 5, 3]);
    expect(withoutReceipt).toBe(2);
    expect(findReceipt(lines, C, weights)).toEqual({ preferences: [1], weight: 3 });
    expect(receiptWeightProblems(weights, 3)).toEqual([]);
    expect(receiptWeightProblems(undefined, 3)[0]).toMatch(/has no weights/);
    expect(receiptWeightProblems([1, 2], 3)[0]).toMatch(/3 receipts but 2 weights/);
    expect(receiptWeightProblems([1, 0, 2], 3)[0]).toMatch(/line 2's weight is not a positive whole number/);
    expect(receiptWeightProblems([1, 1.5, 2], 3)[0]).toMatch(/line 2's weight/);
  });

  it('splits a long list into parts', () => {
    expect(receiptParts([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(receiptParts([], 2)).toEqual([]);
  });

  it('finds malformed, repeated, unsorted and out-of-range lines', () => {
    expect(
      receiptLineProblems(
        [
          [A, 2],
          [B, 0, 1],
        ],
        3,
      ),
    ).toEqual([]);
    expect(receiptLineProblems('x', 3)).toEqual(['the receipt list is not a list']);
    expect(receiptLineProblems([['a', 1]], 3)[0]).toMatch(/does not start with a well-formed receipt/);
    expect(receiptLineProblems([[A.toLowerCase(), 1]], 3)[0]).toMatch(/well-formed/);
    expect(receiptLineProblems([[A, 3]], 3)[0]).toMatch(/does not list options/);
    expect(receiptLineProblems([[A]], 3)[0]).toMatch(/does not list options/);
    expect(
      receiptLineProblems(
        [
          [A, 1],
          [A, 2],
        ],
        3,
      ),
    ).toEqual([`receipt ${A} is published twice`]);
    expect(
      receiptLineProblems(
        [
          [B, 1],
          [A, 2],
        ],
        3,
      )[0],
    ).toMatch(/out of order/);
  });
});
