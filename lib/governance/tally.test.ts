import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBody, findType } from './charter';
import { T0, ballot, ballots, hoursAfter, nonprofit } from './test-fixtures';
import { latestBallots, meetsRatio, minimumCount, tallyStage } from './tally';
import type { Ballot, BallotChoice, BodySpec, Ratio, StageSpec } from './types';

const charter = nonprofit();
const board = findBody(charter, 'board');
const resolutionStage = findType(charter, 'resolution').stages[0]!; // quorum 1/2, more than 1/2 of votes cast
const removalStage = findType(charter, 'officer_removal').stages[0]!; // quorum 2/3, 2/3 of charter seats

function tally(bs: Ballot[], stage: StageSpec = resolutionStage, recusedSeatIds: string[] = [], body: BodySpec = board, charterSeats = 9) {
  return tallyStage({ ballots: bs, stage, body, charterSeats, recusedSeatIds });
}

describe('meetsRatio / minimumCount', () => {
  it('compares exactly: 6 of 9 is 2/3 (inclusive) but not more than 2/3', () => {
    expect(meetsRatio(6, 9, { num: 2, den: 3, inclusive: true })).toBe(true);
    expect(meetsRatio(6, 9, { num: 2, den: 3, inclusive: false })).toBe(false);
    expect(meetsRatio(5, 9, { num: 2, den: 3, inclusive: true })).toBe(false);
  });

  it('a simple majority of 4 needs 3 (more than half), half of 4 is 2', () => {
    expect(minimumCount(4, { num: 1, den: 2, inclusive: false })).toBe(3);
    expect(minimumCount(4, { num: 1, den: 2, inclusive: true })).toBe(2);
    expect(minimumCount(9, { num: 1, den: 2, inclusive: true })).toBe(5);
    expect(minimumCount(9, { num: 2, den: 3, inclusive: true })).toBe(6);
    expect(minimumCount(9, { num: 3, den: 4, inclusive: true })).toBe(7);
  });

  it('minimumCount is the least count meeting the ratio (property)', () => {
    fc.assert(
      fc.property(ratioArb, fc.integer({ min: 0, max: 500 }), (ratio, base) => {
        const m = minimumCount(base, ratio);
        expect(meetsRatio(m, base, ratio)).toBe(true);
        expect(meetsRatio(m - 1, base, ratio)).toBe(false);
        // Agrees with exact rational arithmetic.
        expect(BigInt(m) * BigInt(ratio.den) >= BigInt(ratio.num) * BigInt(base)).toBe(true);
      }),
    );
  });
});

describe('tallyStage: quorum against charter seats (docs/design.md §3.3)', () => {
  it('9-seat board with 6 filled: quorum for 1/2 is 5, not 3', () => {
    const result = tally(ballots({ yes: 3, no: 1 }, T0));
    expect(result.quorumRequired).toBe(5);
    expect(result.quorumMet).toBe(false);
    expect(result.outcome).toBe('failed_quorum');
  });

  it('5 of the 6 filled seats voting meets a quorum of 5', () => {
    const result = tally(ballots({ yes: 3, no: 2 }, T0));
    expect(result).toMatchObject({ cast: 5, quorumRequired: 5, quorumMet: true, passed: true, outcome: 'passed' });
  });

  it('abstentions count toward quorum but not toward a votes-cast threshold', () => {
    const result = tally(ballots({ yes: 2, no: 1, abstain: 2 }, T0));
    expect(result).toMatchObject({ cast: 5, quorumMet: true, thresholdBase: 3, yesRequired: 2, passed: true });
  });

  it('a tie of votes cast is not "more than half"', () => {
    expect(tally(ballots({ yes: 3, no: 3 }, T0)).outcome).toBe('rejected');
  });
});

describe('tallyStage: thresholds on charter seats', () => {
  it('2/3 of 9 charter seats is 6 yes', () => {
    const result = tally(ballots({ yes: 6 }, T0), removalStage);
    expect(result).toMatchObject({ thresholdBase: 9, yesRequired: 6, passed: true });
  });

  it('removal with 5 yes of 6 present fails, though 5/6 of votes cast is far above 2/3', () => {
    const result = tally(ballots({ yes: 5, no: 1 }, T0), removalStage);
    expect(result).toMatchObject({ cast: 6, quorumRequired: 6, quorumMet: true, yesRequired: 6, passed: false, outcome: 'rejected' });
  });

  it('inclusive vs exclusive at the boundary', () => {
    const exclusive: StageSpec = { ...removalStage, threshold: { num: 2, den: 3, inclusive: false } };
    expect(tally(ballots({ yes: 6 }, T0), exclusive)).toMatchObject({ yesRequired: 7, passed: false });
    expect(tally(ballots({ yes: 7 }, T0), exclusive).passed).toBe(true);
  });

  it('a zero votes-cast base never passes, even with a zero quorum base', () => {
    const body: BodySpec = { ...board, recusedSeatsCountTowardQuorumBase: false };
    const allRecused = Array.from({ length: 9 }, (_, i) => `board-${i + 1}`);
    const result = tally(ballots({ abstain: 0 }, T0), resolutionStage, allRecused, body);
    expect(result).toMatchObject({ quorumRequired: 0, quorumMet: true, thresholdBase: 0, passed: false, outcome: 'rejected' });
    expect(tally(ballots({ abstain: 5 }, T0)).passed).toBe(false);
  });
});

describe('tallyStage: ballots', () => {
  it('only the latest ballot of a seat counts', () => {
    const result = tally([ballot(1, 'yes', T0), ballot(1, 'no', hoursAfter(T0, 1)), ...ballots({}, T0)]);
    expect(result).toMatchObject({ yes: 0, no: 1, cast: 1 });
  });

  it('ties on the same instant resolve to the more cautious choice, whatever the order', () => {
    expect(latestBallots([ballot(1, 'yes', T0), ballot(1, 'no', T0)])[0]?.choice).toBe('no');
    expect(latestBallots([ballot(1, 'no', T0), ballot(1, 'yes', T0)])[0]?.choice).toBe('no');
    expect(latestBallots([ballot(1, 'abstain', T0), ballot(1, 'yes', T0)])[0]?.choice).toBe('abstain');
  });

  it('ballots of recused seats are ignored, even if cast before recusal', () => {
    const result = tally(ballots({ yes: 6 }, T0), removalStage, ['board-1']);
    expect(result).toMatchObject({ yes: 5, recused: 1, passed: false });
  });

  it('recused seats stay in the quorum base by default (docs/design.md §3.6)…', () => {
    expect(tally(ballots({ yes: 4 }, T0), resolutionStage, ['board-8', 'board-9'])).toMatchObject({ quorumRequired: 5, quorumMet: false });
  });

  it('…and leave it where the charter says so', () => {
    const body: BodySpec = { ...board, recusedSeatsCountTowardQuorumBase: false };
    expect(tally(ballots({ yes: 4 }, T0), resolutionStage, ['board-8', 'board-9'], body)).toMatchObject({ quorumRequired: 4, quorumMet: true, passed: true });
  });

  it('duplicate recusal ids count once', () => {
    expect(tally([], resolutionStage, ['board-9', 'board-9']).recused).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const ratioArb: fc.Arbitrary<Ratio> = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.boolean())
  .filter(([a, b, inclusive]) => a <= b && (inclusive || a < b))
  .map(([num, den, inclusive]) => ({ num, den, inclusive }));

const stageArb: fc.Arbitrary<StageSpec> = fc.record({
  bodyKey: fc.constant('board'),
  votingWindowHours: fc.constant(72),
  quorum: ratioArb,
  threshold: ratioArb,
  thresholdBase: fc.constantFrom('votes_cast' as const, 'charter_seats' as const),
});

const choiceArb = fc.constantFrom<BallotChoice>('yes', 'no', 'abstain');

/** A board of 1–15 charter seats, ballots (with history: several per seat) from up to all its seats. */
const scenarioArb = fc.integer({ min: 1, max: 15 }).chain((charterSeats) =>
  fc.record({
    charterSeats: fc.constant(charterSeats),
    stage: stageArb,
    countRecused: fc.boolean(),
    ballots: fc.array(
      fc
        .record({ seat: fc.integer({ min: 1, max: charterSeats }), choice: choiceArb, minute: fc.integer({ min: 0, max: 30 }) })
        .map(({ seat, choice, minute }) => ballot(seat, choice, new Date(T0.getTime() + minute * 60_000))),
      { maxLength: 40 },
    ),
    recused: fc.uniqueArray(
      fc.integer({ min: 1, max: charterSeats }).map((n) => `board-${n}`),
      { maxLength: charterSeats },
    ),
  }),
);

function run(s: { charterSeats: number; stage: StageSpec; countRecused: boolean; recused: string[] }, bs: Ballot[]) {
  const body: BodySpec = { ...board, charterSeats: s.charterSeats, recusedSeatsCountTowardQuorumBase: s.countRecused };
  return tallyStage({ ballots: bs, stage: s.stage, body, charterSeats: s.charterSeats, recusedSeatIds: s.recused });
}

describe('tallyStage properties', () => {
  it('(b) quorumRequired depends only on charter seats, the quorum ratio and recusals — never on who is seated or voted', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 15 }), (s, filled) => {
        // Ballots only from the first `filled` seats: as if the rest were vacant.
        const fromFilled = s.ballots.filter((b) => Number(b.seatId.split('-')[1]) <= filled);
        const base = s.countRecused ? s.charterSeats : s.charterSeats - s.recused.length;
        const expected = minimumCount(base, s.stage.quorum);
        expect(run(s, fromFilled).quorumRequired).toBe(expected);
        expect(run(s, s.ballots).quorumRequired).toBe(expected);
        expect(run(s, []).quorumRequired).toBe(expected);
      }),
    );
  });

  it('(c) a recused seat’s ballot never changes the tally', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.record({ choice: choiceArb, minute: fc.integer({ min: 0, max: 60 }) }), { maxLength: 10 }), (s, extra) => {
        fc.pre(s.recused.length > 0);
        const recusedSeat = Number(s.recused[0]!.split('-')[1]);
        const more = extra.map((e) => ballot(recusedSeat, e.choice, new Date(T0.getTime() + e.minute * 60_000)));
        expect(run(s, [...s.ballots, ...more])).toEqual(run(s, s.ballots));
        // And a recused seat's ballots, alone, count for nothing.
        const result = run(s, more);
        expect(result.cast).toBe(0);
        expect(result.passed).toBe(false);
      }),
    );
  });

  it('(d) the tally does not depend on ballot order', () => {
    fc.assert(
      fc.property(
        scenarioArb.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s.ballots, { minLength: s.ballots.length, maxLength: s.ballots.length }))),
        ([s, shuffled]) => {
          expect(run(s, shuffled)).toEqual(run(s, s.ballots));
          expect(run(s, [...s.ballots].reverse())).toEqual(run(s, s.ballots));
        },
      ),
    );
  });

  it('(e) only the latest ballot per seat counts', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        // Reference: for each seat, the ballot(s) at its latest instant; the most cautious of those.
        const rank = { yes: 0, abstain: 1, no: 2 } as const;
        const latest = new Map<string, Ballot>();
        for (const b of s.ballots) {
          const held = latest.get(b.seatId);
          const later = !held || b.castAt > held.castAt || (b.castAt.getTime() === held.castAt.getTime() && rank[b.choice] > rank[held.choice]);
          if (later) latest.set(b.seatId, b);
        }
        const reference = run(s, [...latest.values()]);
        expect(run(s, s.ballots)).toEqual(reference);
        const counted = [...latest.values()].filter((b) => !s.recused.includes(b.seatId));
        expect(reference.cast).toBe(counted.length);
        expect(reference.yes).toBe(counted.filter((b) => b.choice === 'yes').length);
      }),
    );
  });

  it('passed ⇔ quorum met and yes ≥ yesRequired; the outcome agrees', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = run(s, s.ballots);
        expect(r.passed).toBe(r.quorumMet && r.yes >= r.yesRequired);
        expect(r.outcome).toBe(!r.quorumMet ? 'failed_quorum' : r.passed ? 'passed' : 'rejected');
        expect(r.cast).toBeLessThanOrEqual(s.charterSeats);
      }),
    );
  });
});
