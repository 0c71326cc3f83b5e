import { describe, expect, it } from 'vitest';
import { lotOrder } from './lot';
import { breakTie, drawByLot, lotPurpose } from './ties';
import type { Contest, TieBreak } from './types';

const contest: Contest = { candidates: ['A', 'B', 'C'], seats: 1, lotSeed: 's' };

describe('lotPurpose', () => {
  it('is `<method> <purpose> round <n>` for every method', () => {
    expect(lotPurpose('irv', 'exclude', 3)).toBe('irv exclude round 3');
    expect(lotPurpose('plurality', 'winner', 1)).toBe('plurality winner round 1');
    expect(lotPurpose('scottish_stv', 'surplus_order', 2)).toBe('scottish_stv surplus_order round 2');
    expect(lotPurpose('meek_stv', 'elect', 7)).toBe('meek_stv elect round 7');
  });
});

describe('drawByLot', () => {
  it('draws in ticket order and records each draw among those not drawn yet', () => {
    const order = lotOrder('s', 'approval winner round 1', [0, 1, 2], contest.candidates);
    const { chosen, ties } = drawByLot(contest, 'approval', 'winner', 1, [2, 0, 1], 2);
    expect(chosen).toEqual(order.slice(0, 2));
    expect(ties.map((t) => t.among)).toEqual([[0, 1, 2], order.slice(1).sort()]);
  });
});

describe('breakTie', () => {
  it('looks back to the most recent stage where the tied candidates differed, narrowing as it goes', () => {
    const ties: TieBreak[] = [];
    // Stage 3: all 5. Stage 2: A 4, B 4, C 6. Stage 1: A 1, B 2, C 0.
    const history = [
      [1n, 2n, 0n],
      [4n, 4n, 6n],
      [5n, 5n, 5n],
    ];
    expect(breakTie({ method: 'scottish_stv', round: 4, purpose: 'exclude', tied: [0, 1, 2], want: 'lowest', history, contest }, ties)).toBe(0);
    expect(breakTie({ method: 'scottish_stv', round: 4, purpose: 'surplus_order', tied: [0, 1, 2], want: 'highest', history, contest }, ties)).toBe(2);
    expect(ties).toEqual([
      { round: 4, among: [0, 1, 2], chosen: 0, by: 'earlier_rounds', purpose: 'exclude' },
      { round: 4, among: [0, 1, 2], chosen: 2, by: 'earlier_rounds', purpose: 'surplus_order' },
    ]);
  });

  it('takes whole-number rounds too, and draws the lot among those the rounds left, recording all the tied', () => {
    const ties: TieBreak[] = [];
    // Round 2: all 3. Round 1: A 2, B 2, C 3: C has more, so A and B go to the lot.
    const history = [
      [2, 2, 3],
      [3, 3, 3],
    ];
    const drawn = lotOrder('s', 'irv exclude round 3', [0, 1], contest.candidates)[0]!;
    expect(breakTie({ method: 'irv', round: 3, purpose: 'exclude', tied: [2, 1, 0], want: 'lowest', history, contest }, ties)).toBe(drawn);
    expect(ties).toEqual([{ round: 3, among: [0, 1, 2], chosen: drawn, by: 'lot', purpose: 'exclude' }]);
  });
});
