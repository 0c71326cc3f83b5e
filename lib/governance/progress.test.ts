import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBody, findType } from './charter';
import { emergencyMotionRequired } from './emergency';
import { progressWithFirstBallot, quorumProgress } from './progress';
import { tallyStage } from './tally';
import { T0, ballots, nonprofit } from './test-fixtures';
import type { BodySpec, Charter } from './types';

const charter = nonprofit();
const board = findBody(charter, 'board');
const stage = findType(charter, 'resolution').stages[0]!; // quorum: at least 1/2 of charter seats

/** A board of `charterSeats` whose stage needs a quorum of 2/3 (inclusive or not), for the properties below. */
function twoThirdsOf(charterSeats: number, inclusive: boolean, recusedCount: boolean): { body: BodySpec; s: typeof stage } {
  return { body: { ...board, charterSeats, recusedSeatsCountTowardQuorumBase: recusedCount }, s: { ...stage, quorum: { num: 2, den: 3, inclusive } } };
}

describe('quorumProgress', () => {
  it('shows what the old page showed where it was right: 9 seats, at least half, no recusal', () => {
    const p = quorumProgress({ stage, body: board, charterSeats: 9, recusedSeatIds: [], ballots: ballots({ yes: 2, no: 1 }, T0) });
    expect(p).toEqual({ cast: 3, quorumRequired: 5, quorumMet: false, charterSeats: 9, percent: 60 });
  });

  it('follows the charter where recused seats leave the quorum base (the old page kept asking for 5 of 9; the tally asks 4 of 8)', () => {
    const body: BodySpec = { ...board, recusedSeatsCountTowardQuorumBase: false };
    const p = quorumProgress({ stage, body, charterSeats: 9, recusedSeatIds: ['board-9'], ballots: ballots({ yes: 4 }, T0) });
    expect(Math.ceil((stage.quorum.num / stage.quorum.den) * body.charterSeats)).toBe(5);
    expect(p.quorumRequired).toBe(4);
    expect(p.quorumMet).toBe(true);
    expect(p.percent).toBe(100);
  });

  it('an exclusive quorum ("more than half") of 10 needs 6, not 5', () => {
    const strict = { ...stage, quorum: { num: 1, den: 2, inclusive: false } };
    const p = quorumProgress({ stage: strict, body: board, charterSeats: 10, recusedSeatIds: [], ballots: ballots({ yes: 5 }, T0) });
    expect(p.quorumRequired).toBe(6);
    expect(p.quorumMet).toBe(false);
  });

  it('a recused seat’s ballot does not count towards the quorum', () => {
    const p = quorumProgress({ stage, body: board, charterSeats: 9, recusedSeatIds: ['board-1'], ballots: ballots({ yes: 3 }, T0) });
    expect(p.cast).toBe(2);
  });

  it('always agrees with the tally (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 5 }),
        fc.boolean(),
        fc.boolean(),
        (charterSeats, yes, recused, inclusive, recusedCount) => {
          const { body, s } = twoThirdsOf(charterSeats, inclusive, recusedCount);
          const input = {
            stage: s,
            body,
            charterSeats,
            recusedSeatIds: Array.from({ length: recused }, (_, i) => `board-${i + 1}`),
            ballots: ballots({ yes }, T0),
          };
          const p = quorumProgress(input);
          const t = tallyStage(input);
          expect([p.cast, p.quorumRequired, p.quorumMet]).toEqual([t.cast, t.quorumRequired, t.quorumMet]);
        },
      ),
    );
  });
});

describe('progressWithFirstBallot', () => {
  it('is the progress the stage would show with one more seat’s ballot (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom('yes', 'no', 'abstain'),
        fc.boolean(),
        fc.boolean(),
        (charterSeats, yes, no, choice, inclusive, recusedCount) => {
          const { body, s } = twoThirdsOf(charterSeats, inclusive, recusedCount);
          // Seats board-1… vote; a recused seat (board-99) never does.
          const before = ballots({ yes, no }, T0);
          const after = ballots({ yes: yes + (choice === 'yes' ? 1 : 0), no: no + (choice === 'no' ? 1 : 0), abstain: choice === 'abstain' ? 1 : 0 }, T0);
          const input = { stage: s, body, charterSeats, recusedSeatIds: ['board-99'] };
          expect(progressWithFirstBallot(quorumProgress({ ...input, ballots: before }))).toEqual(quorumProgress({ ...input, ballots: after }));
        },
      ),
    );
  });
});

describe('emergencyMotionRequired', () => {
  it('is the exact minimum of the first body’s charter seats', () => {
    const type = findType(charter, 'emergency_resolution');
    expect(type.emergency).toBeDefined();
    const seats = findBody(charter, type.stages[0]!.bodyKey).charterSeats;
    expect(emergencyMotionRequired(type, charter)).toBe(Math.ceil((type.emergency!.motionThreshold.num * seats) / type.emergency!.motionThreshold.den));
  });

  it('an exclusive threshold ("more than 3/4") of 8 seats needs 7 (the old page said 6)', () => {
    const base = findType(charter, 'emergency_resolution');
    const type = { ...base, emergency: { ...base.emergency!, motionThreshold: { num: 3, den: 4, inclusive: false } } };
    const c: Charter = { ...charter, bodies: charter.bodies.map((b) => (b.key === base.stages[0]!.bodyKey ? { ...b, charterSeats: 8 } : b)) };
    expect(emergencyMotionRequired(type, c)).toBe(7);
  });

  it('is null for a type without the emergency procedure', () => {
    expect(emergencyMotionRequired(findType(charter, 'resolution'), charter)).toBeNull();
  });
});
