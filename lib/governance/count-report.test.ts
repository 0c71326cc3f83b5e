import { describe, expect, it } from 'vitest';
import { listNames, roundActionText, roundTotal, tieText, transfersByRound } from './count-report';
import { irv } from './methods/irv';
import { scottishStv } from './methods/scottish-stv';
import type { Ballot, Round } from './methods/types';

const b = (count: number, ...preferences: number[]): Ballot => ({ count, preferences });
const names = ['Ada', 'Bo', 'Cy', 'Di'];
const round = (action: Round['action'], elected: number[] = []): Round => ({
  number: 2,
  action,
  votes: [],
  nonTransferable: '0',
  residue: '0',
  elected,
  excluded: [],
});

describe('a count in words', () => {
  it('lists names as a sentence does', () => {
    expect([listNames([], names), listNames([1], names), listNames([1, 0], names), listNames([3, 1, 0], names)]).toEqual([
      '',
      'Bo',
      'Bo and Ada',
      'Di, Bo and Ada',
    ]);
    expect(listNames([7], names)).toBe('Candidate 8');
  });

  it('says what each round did', () => {
    expect(roundActionText(round({ kind: 'first_count', candidates: [] }), names)).toBe('First count');
    expect(roundActionText(round({ kind: 'surplus', candidates: [0] }), names)).toBe('Ada’s extra votes passed on');
    expect(roundActionText(round({ kind: 'iteration', candidates: [0, 2] }), names)).toBe('Extra votes of Ada and Cy passed on');
    expect(roundActionText(round({ kind: 'exclusion', candidates: [1] }), names)).toBe('Bo excluded; their votes passed on');
    expect(roundActionText(round({ kind: 'final', candidates: [] }, [3]), names)).toBe('Remaining seats filled');
    expect(roundActionText(round({ kind: 'final', candidates: [] }), names)).toBe('Final result');
  });

  it('says how each tie was broken', () => {
    expect(tieText({ round: 3, among: [0, 1], chosen: 1, by: 'lot', purpose: 'exclude' }, names)).toBe(
      'Tie between Ada and Bo for exclusion in round 3, broken by lot: Bo was excluded.',
    );
    expect(tieText({ round: 2, among: [0, 2, 3], chosen: 2, by: 'earlier_rounds', purpose: 'surplus_order' }, names)).toBe(
      'Tie between Ada, Cy and Di for which surplus to pass on first in round 2, broken by earlier rounds: Cy’s surplus went first.',
    );
  });
});

describe('the transfers between rounds', () => {
  // The Scottish STV worked example of methods/scottish-stv.test.ts: quota 13, A's surplus of 5 passed on, then D excluded.
  const result = scottishStv.tally([b(12, 0, 1), b(4, 0, 2), b(2, 0), b(5, 1), b(6, 2), b(7, 3, 2)], { candidates: names, seats: 2, lotSeed: 'seed' });

  it('total each round exactly', () => {
    expect(result.rounds.map(roundTotal)).toEqual(['36.00000', '36.00000', '36.00000']);
  });

  it('give each change from the round before, exactly, with bars scaled to the round’s largest change', () => {
    expect(transfersByRound(result, names)).toEqual([
      {
        round: 2,
        heading: 'Round 2: Ada’s extra votes passed on',
        bars: [
          { of: 0, label: 'Ada', change: '-5.00000', sign: -1, percent: 100 },
          { of: 1, label: 'Bo', change: '3.33324', sign: 1, percent: 67 },
          { of: 2, label: 'Cy', change: '1.11108', sign: 1, percent: 22 },
          { of: 'non_transferable', label: 'Non-transferable', change: '0.55554', sign: 1, percent: 11 },
          { of: 'residue', label: 'Residue', change: '0.00014', sign: 1, percent: 1 },
        ],
      },
      {
        round: 3,
        heading: 'Round 3: Di excluded; their votes passed on',
        bars: [
          { of: 2, label: 'Cy', change: '7.00000', sign: 1, percent: 100 },
          { of: 3, label: 'Di', change: '-7.00000', sign: -1, percent: 100 },
        ],
      },
    ]);
  });

  it('are none for a count of one round', () => {
    const single = irv.tally([b(3, 0), b(1, 1)], { candidates: names.slice(0, 2), seats: 1, lotSeed: 's' });
    expect(single.rounds).toHaveLength(1);
    expect(transfersByRound(single, names)).toEqual([]);
  });
});
