import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charterFromTemplate, validateCharter } from './charter';
import { consentTypeErrors, objectionReasonProblem, standingObjections } from './consent';
import { proposalPhase, stageOutcomes } from './phase';
import { T0, hoursAfter, published, stageRecord } from './test-fixtures';
import type { Charter, ObjectionState, ProposalTypeSpec } from './types';

const charter: Charter = charterFromTemplate('informal_group');
const consentType = charter.proposalTypes.find((t) => t.key === 'group_consent')!;
const H = (h: number) => hoursAfter(T0, h);
// Comment window 72 h; the window opens at +72 h and closes at +120 h.
const OPEN = 72;
const CLOSE = 120;

function record(objections: ObjectionState[], recusedSeatIds: string[] = []) {
  return published(charter, 'group_consent', {
    stages: [stageRecord({ bodyKey: 'group', opensAt: H(OPEN), closesAt: H(CLOSE), charterSeats: 3, objections, recusedSeatIds })],
  });
}
const objection = (seatId: string, raisedH: number, withdrawnH: number | null = null): ObjectionState => ({
  seatId,
  raisedAt: H(raisedH),
  withdrawnAt: withdrawnH === null ? null : H(withdrawnH),
});

describe('charter rules for a consent type', () => {
  it('the informal group template has one, and it validates', () => {
    expect(consentType).toMatchObject({ consent: true, effect: 'resolution', requiresSubject: false, emergency: null });
    expect(consentType.method).toBeUndefined();
    expect(validateCharter(charter)).toEqual({ ok: true });
  });

  it('refuses two stages, another effect, a subject, an emergency or a method', () => {
    const bad: ProposalTypeSpec = {
      ...consentType,
      stages: [consentType.stages[0]!, consentType.stages[0]!],
      effect: 'sanction',
      requiresSubject: true,
      replyWindowHours: 24,
      emergency: { minCommentWindowHours: 1, motionThreshold: { num: 3, den: 4, inclusive: true }, ratifyWithinDays: 30 },
      method: { key: 'plurality', winners: 1 },
    };
    const errors = consentTypeErrors(bad);
    expect(errors).toHaveLength(5);
    expect(errors.join(' ')).toMatch(/exactly one deciding stage/);
    expect(consentTypeErrors({ ...consentType, consent: undefined })).toEqual([]);
    const invalid = validateCharter({
      ...charter,
      proposalTypes: [...charter.proposalTypes.filter((t) => t !== consentType), { ...consentType, effect: 'sanction' }],
    });
    expect(invalid.ok).toBe(false);
  });
});

describe('objection reasons', () => {
  it('need 10 to 2000 characters after trimming', () => {
    expect(objectionReasonProblem('   too short   ')).toMatch(/at least 10/);
    expect(objectionReasonProblem('A real concern.')).toBeNull();
    expect(objectionReasonProblem('x'.repeat(2000))).toBeNull();
    expect(objectionReasonProblem('x'.repeat(2001))).toMatch(/at most 2,000/);
  });
});

describe('the outcome of a consent stage', () => {
  it('passes with no objection at all, without any quorum', () => {
    expect(proposalPhase(record([]), charter, H(CLOSE))).toEqual({ kind: 'passed', at: H(CLOSE) });
    expect(stageOutcomes(record([]), charter, H(CLOSE))[0]!.tally).toMatchObject({
      passed: true,
      outcome: 'passed',
      consent: { objections: 0 },
      quorumMet: true,
    });
  });

  it('is rejected when an objection stands at the close', () => {
    const r = record([objection('s1', 80)]);
    expect(proposalPhase(r, charter, H(100))).toEqual({ kind: 'voting', stageIndex: 0, closesAt: H(CLOSE) });
    expect(proposalPhase(r, charter, H(CLOSE))).toEqual({ kind: 'rejected', stageIndex: 0, at: H(CLOSE) });
    expect(stageOutcomes(r, charter, H(CLOSE))[0]!.tally).toMatchObject({ outcome: 'rejected', consent: { objections: 1 } });
  });

  it('a withdrawal before the close counts; at or after the close it does not', () => {
    expect(proposalPhase(record([objection('s1', 80, 119)]), charter, H(CLOSE)).kind).toBe('passed');
    expect(proposalPhase(record([objection('s1', 80, CLOSE)]), charter, H(200)).kind).toBe('rejected');
    expect(proposalPhase(record([objection('s1', 80, 150)]), charter, H(200)).kind).toBe('rejected');
  });

  it('objections outside the window or from recused seats do not stand', () => {
    expect(proposalPhase(record([objection('s1', 60), objection('s2', CLOSE)]), charter, H(CLOSE)).kind).toBe('passed');
    expect(proposalPhase(record([objection('s1', 80)], ['s1']), charter, H(CLOSE)).kind).toBe('passed');
  });

  it('a seat counts once: a replaced objection is one standing objection', () => {
    const r = record([objection('s1', 80, 90), objection('s1', 90), objection('s2', 95)]);
    expect(stageOutcomes(r, charter, H(CLOSE))[0]!.tally).toMatchObject({ consent: { objections: 2 } });
  });
});

const seatArb = fc.constantFrom('s1', 's2', 's3');
// Hours around the window [72, 120): before, inside and after, withdrawn or not.
const objectionArb: fc.Arbitrary<ObjectionState> = fc
  .record({ seatId: seatArb, raised: fc.integer({ min: 60, max: 130 }), withdrawnAfter: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }) })
  .map(({ seatId, raised, withdrawnAfter }) => objection(seatId, raised, withdrawnAfter === null ? null : raised + withdrawnAfter));
const standsAtClose = (o: ObjectionState) =>
  o.raisedAt.getTime() >= H(OPEN).getTime() &&
  o.raisedAt.getTime() < H(CLOSE).getTime() &&
  (o.withdrawnAt === null || o.withdrawnAt.getTime() >= H(CLOSE).getTime());

describe('consent: properties', () => {
  it('passes exactly when no objection raised in the window is still standing at the close', () => {
    fc.assert(
      fc.property(fc.array(objectionArb, { maxLength: 8 }), (objections) => {
        const phase = proposalPhase(record(objections), charter, H(CLOSE + 10));
        expect(phase.kind).toBe(objections.some(standsAtClose) ? 'rejected' : 'passed');
      }),
    );
  });

  it('the order in which the objections are listed does not matter', () => {
    fc.assert(
      fc.property(
        fc.array(objectionArb, { maxLength: 8 }).chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        ([a, b]) => {
          const tallyA = stageOutcomes(record(a), charter, H(CLOSE))[0]!.tally;
          const tallyB = stageOutcomes(record(b), charter, H(CLOSE))[0]!.tally;
          expect(tallyA).toEqual(tallyB);
        },
      ),
    );
  });

  it('anything happening after the close changes nothing', () => {
    fc.assert(
      fc.property(fc.array(objectionArb, { maxLength: 6 }), fc.array(objectionArb, { maxLength: 4 }), (before, later) => {
        // Later events: raised at or after the close, and withdrawals moved after the close.
        const after = later.map((o) => ({ ...o, raisedAt: H(CLOSE + (o.raisedAt.getTime() % 7)) }));
        const moved = before.map((o) => (o.withdrawnAt && o.withdrawnAt.getTime() >= H(CLOSE).getTime() ? { ...o, withdrawnAt: H(CLOSE + 50) } : o));
        expect(proposalPhase(record([...moved, ...after]), charter, H(CLOSE + 60)).kind).toBe(proposalPhase(record(before), charter, H(CLOSE + 60)).kind);
      }),
    );
  });

  it('standing objections: at most one per seat, all raised inside the window', () => {
    fc.assert(
      fc.property(fc.array(objectionArb, { maxLength: 10 }), (objections) => {
        const standing = standingObjections(objections, H(OPEN), H(CLOSE), []);
        expect(new Set(standing.map((o) => o.seatId)).size).toBe(standing.length);
        for (const o of standing) expect(standsAtClose(o)).toBe(true);
      }),
    );
  });
});
