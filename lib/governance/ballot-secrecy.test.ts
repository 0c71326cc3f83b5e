import { describe, expect, it } from 'vitest';
import { electorateSecrecyWarning, resultSecrecyWarning, unmergeBallots } from './ballot-secrecy';

describe('small-electorate warnings', () => {
  it('warns before the vote when fewer than 3 seat holders may vote', () => {
    expect(electorateSecrecyWarning(0)).toBeNull();
    expect(electorateSecrecyWarning(1)).toMatchObject({ reason: 'small_electorate', count: 1, text: expect.stringMatching(/^Only 1 seat holder can vote:/) });
    expect(electorateSecrecyWarning(2)?.text).toBe(
      'Only 2 seat holders can vote: the ballots are secret, but the published result may show how individuals voted.',
    );
    expect(electorateSecrecyWarning(3)).toBeNull();
    expect(electorateSecrecyWarning(9)).toBeNull();
  });

  it('warns with the result when fewer than 3 ballots were counted', () => {
    expect(resultSecrecyWarning([])).toBeNull();
    expect(resultSecrecyWarning([[0]])).toEqual({ reason: 'few_ballots', count: 1, text: 'With 1 ballot, the result may show how individuals voted.' });
    expect(
      resultSecrecyWarning([
        [0, 1],
        [1, 0],
      ])?.text,
    ).toBe('With 2 ballots, the result may show how individuals voted.');
  });

  it('warns when every ballot is the same, however many', () => {
    expect(
      resultSecrecyWarning([
        [0, 1],
        [0, 1],
        [0, 1],
      ]),
    ).toMatchObject({ reason: 'identical_ballots', count: 3 });
    expect(resultSecrecyWarning([[0, 1], [0, 1], [0]])).toBeNull();
    expect(resultSecrecyWarning([[0], [1], [0], [2]])).toBeNull();
  });

  it('reads a published count’s merged ballots back one per voter', () => {
    expect(
      unmergeBallots([
        [2, 0, 1],
        [1, 2],
      ]),
    ).toEqual([[0, 1], [0, 1], [2]]);
    expect(resultSecrecyWarning(unmergeBallots([[3, 1]]))?.reason).toBe('identical_ballots');
  });
});
