import { describe, expect, it } from 'vitest';
import { ballotOffer } from './ballot-offer';
import type { BallotOfferInput } from './ballot-offer';
import { T0 } from './test-fixtures';

const base: BallotOfferInput = {
  role: 'member',
  holdsSeat: true,
  isRecused: false,
  phase: { kind: 'voting', stageIndex: 0, closesAt: T0 },
  stageIndex: 0,
  stageClosed: false,
  now: T0,
};

describe('ballotOffer', () => {
  it('offers an open form to a member holding a seat while the stage votes', () => {
    expect(ballotOffer(base)).toEqual({ show: true, open: true });
  });

  it('shows the form, not open, before the stage votes (discussion, or another stage voting)', () => {
    expect(ballotOffer({ ...base, phase: { kind: 'discussion', closesAt: T0 } })).toEqual({ show: true, open: false });
    expect(ballotOffer({ ...base, stageIndex: 1 })).toEqual({ show: true, open: false });
  });

  it('offers nothing to an observer holding a seat, to a recused seat, to someone without a seat, or on a closed stage', () => {
    expect(ballotOffer({ ...base, role: 'observer' })).toEqual({ show: false });
    expect(ballotOffer({ ...base, isRecused: true })).toEqual({ show: false });
    expect(ballotOffer({ ...base, holdsSeat: false })).toEqual({ show: false });
    expect(ballotOffer({ ...base, role: null })).toEqual({ show: false });
    expect(ballotOffer({ ...base, stageClosed: true })).toEqual({ show: false });
  });

  it('offers nothing on a draft or a withdrawn proposal', () => {
    expect(ballotOffer({ ...base, phase: { kind: 'draft' } })).toEqual({ show: false });
    expect(ballotOffer({ ...base, phase: { kind: 'withdrawn', at: T0 } })).toEqual({ show: false });
  });
});
