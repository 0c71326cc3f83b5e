import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memberChoiceTally, memberStageTally } from './member-vote';
import type { Ballot, BallotChoice, RollEntry, StageSpec } from './types';

const window = { opensAt: new Date('2026-01-01T00:00:00Z'), closesAt: new Date('2026-01-08T00:00:00Z') };
const during = (minute: number) => new Date(window.opensAt.getTime() + 60_000 * (1 + minute));
const stage: StageSpec = {
  bodyKey: 'membership',
  votingWindowHours: 168,
  quorum: { num: 1, den: 3, inclusive: true },
  threshold: { num: 1, den: 2, inclusive: false },
  thresholdBase: 'votes_cast',
};
const ballot = (voterUserId: string, choice: BallotChoice, minute = 0): Ballot => ({
  seatId: `member:${voterUserId}`,
  voterUserId,
  choice,
  castAt: during(minute),
});

/** A roll of `n` members with weights, delegations (by index, possibly looping) and some ballots. */
const scenario = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    weights: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
    delegates: fc.array(fc.option(fc.integer({ min: 0, max: n - 1 }), { nil: null }), { minLength: n, maxLength: n }),
    choices: fc.array(fc.option(fc.constantFrom<BallotChoice>('yes', 'no', 'abstain'), { nil: null }), { minLength: n, maxLength: n }),
  }),
);

function build(s: { weights: number[]; delegates: (number | null)[]; choices: (BallotChoice | null)[] }) {
  const id = (i: number) => `u${String(i).padStart(3, '0')}`;
  const roll: RollEntry[] = s.weights.map((weight, i) => ({
    userId: id(i),
    weight,
    delegateUserId: s.delegates[i] === null || s.delegates[i] === i ? null : id(s.delegates[i]!),
  }));
  const ballots = s.choices.flatMap((c, i) => (c ? [ballot(id(i), c, i)] : []));
  return { roll, ballots };
}

describe('member-wide tallies', () => {
  it('counts against the roll: quorum is a share of the roll’s weight, not of who voted', () => {
    const roll: RollEntry[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((userId) => ({ userId, weight: 1, delegateUserId: null }));
    const t = memberStageTally({ roll, ballots: [ballot('a', 'yes')], window, stage, maxDepth: null });
    expect(t).toMatchObject({ yes: 1, cast: 1, charterSeats: 6, quorumRequired: 2, quorumMet: false, outcome: 'failed_quorum' });
  });

  it('ignores a ballot from someone not on the roll, and one outside the window', () => {
    const roll: RollEntry[] = [{ userId: 'a', weight: 1, delegateUserId: null }];
    const late = { ...ballot('a', 'no'), castAt: window.closesAt };
    const t = memberStageTally({ roll, ballots: [ballot('zed', 'yes'), late], window, stage, maxDepth: null });
    expect(t).toMatchObject({ yes: 0, no: 0, cast: 0, members: { voters: 0 } });
  });

  it('the last ballot of a member counts', () => {
    const roll: RollEntry[] = [{ userId: 'a', weight: 3, delegateUserId: null }];
    const t = memberStageTally({ roll, ballots: [ballot('a', 'no', 2), ballot('a', 'yes', 1)], window, stage, maxDepth: null });
    expect(t).toMatchObject({ yes: 0, no: 3 });
  });

  it('weights count exactly: a weighted roll tallies as the same roll with each member repeated weight times (no delegation)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { roll, ballots } = build({ ...s, delegates: s.delegates.map(() => null) });
        const expanded: RollEntry[] = roll.flatMap((e) =>
          Array.from({ length: e.weight }, (_, k) => ({ userId: `${e.userId}#${k}`, weight: 1, delegateUserId: null })),
        );
        const expandedBallots = ballots.flatMap((b) =>
          Array.from({ length: roll.find((e) => e.userId === b.voterUserId)!.weight }, (_, k) => ballot(`${b.voterUserId}#${k}`, b.choice)),
        );
        const weighted = memberStageTally({ roll, ballots, window, stage, maxDepth: null });
        const flat = memberStageTally({ roll: expanded, ballots: expandedBallots, window, stage, maxDepth: null });
        for (const k of ['yes', 'no', 'abstain', 'cast', 'charterSeats', 'quorumRequired', 'yesRequired', 'outcome'] as const)
          expect(weighted[k]).toEqual(flat[k]);
      }),
    );
  });

  it('never counts more weight than the roll has, and each voter’s weight at least their own', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 4 }), (s, depth) => {
        const { roll, ballots } = build(s);
        const t = memberStageTally({ roll, ballots, window, stage, maxDepth: depth });
        expect(t.cast).toBeLessThanOrEqual(t.charterSeats);
        expect(t.members.directWeight + t.members.delegatedWeight).toBe(t.cast);
        expect(t.members.voters).toBe(new Set(ballots.map((b) => b.voterUserId)).size);
      }),
    );
  });

  it('the result does not depend on the order of the roll or of the ballots', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 3 }), fc.integer(), (s, depth, seed) => {
        const { roll, ballots } = build(s);
        const shuffle = <T>(xs: T[]) =>
          xs
            .map((x, i) => ({ x, k: (i * 7919 + seed) % 104729 }))
            .sort((a, b) => a.k - b.k)
            .map((p) => p.x);
        const a = memberStageTally({ roll, ballots, window, stage, maxDepth: depth });
        const b = memberStageTally({ roll: shuffle(roll), ballots: shuffle(ballots), window, stage, maxDepth: depth });
        expect(b).toEqual(a);
      }),
    );
  });

  it('a choice counts each voter’s preferences with the weight they carry', () => {
    const roll: RollEntry[] = [
      { userId: 'a', weight: 5, delegateUserId: null },
      { userId: 'b', weight: 2, delegateUserId: 'a' },
      { userId: 'c', weight: 1, delegateUserId: null },
    ];
    const pref = (voterUserId: string, preferences: number[], receipt?: string) => ({
      seatId: `member:${voterUserId}`,
      voterUserId,
      preferences,
      castAt: during(0),
      ...(receipt ? { receipt } : {}),
    });
    const r = memberChoiceTally({
      roll,
      ballots: [pref('a', [1, 0], 'AAAA-0000-0000-0000-0000'), pref('c', [0])],
      window,
      stage,
      maxDepth: 1,
      methodKey: 'irv',
    });
    // Each voter's ballot once, with the weight it carried and its receipt (none for c's, cast before receipts).
    expect(r.weighed).toEqual([
      { preferences: [1, 0], count: 7, receipt: 'AAAA-0000-0000-0000-0000' },
      { preferences: [0], count: 1, receipt: null },
    ]);
    expect(r.tally).toMatchObject({ cast: 8, charterSeats: 8, quorumMet: true, members: { voters: 2, represented: 1, delegatedWeight: 2 } });
  });
});
