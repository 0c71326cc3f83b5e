import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charterFromTemplate, validateCharter } from './charter';
import { consentCloseAfterRevision, consentTypeErrors, objectionReasonProblem, standingObjections } from './consent';
import { allowedProposalActions } from './permissions';
import { proposalStatus } from './status';
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

describe('the author revises during the consent window', () => {
  // The template's rule: a revision within 24 h of the close keeps the window open 24 h after it.
  const close = H(CLOSE);

  it('a revision before the last 24 hours moves nothing', () => {
    expect(consentCloseAfterRevision({ closesAt: close, revisedAt: H(CLOSE - 30), type: consentType })).toEqual({ closesAt: close, extended: false });
    expect(consentCloseAfterRevision({ closesAt: close, revisedAt: new Date(H(CLOSE - 24).getTime() - 1), type: consentType })).toEqual({
      closesAt: close,
      extended: false,
    });
  });

  it('a revision within 24 hours of the close keeps the window open 24 hours after it, editorial or not', () => {
    expect(consentCloseAfterRevision({ closesAt: close, revisedAt: H(CLOSE - 24), type: consentType })).toEqual({ closesAt: close, extended: false });
    expect(consentCloseAfterRevision({ closesAt: close, revisedAt: H(CLOSE - 2), type: consentType })).toEqual({ closesAt: H(CLOSE + 22), extended: true });
    const longer = { lateRevisionWindowHours: 48, lateRevisionExtensionHours: 72 };
    expect(consentCloseAfterRevision({ closesAt: close, revisedAt: H(CLOSE - 40), type: longer })).toEqual({ closesAt: H(CLOSE + 32), extended: true });
  });

  it('moves the close once: a late revision after an extension is refused, an early one is not', () => {
    const scheduledClose = H(CLOSE);
    const extended = H(CLOSE + 22);
    expect(consentCloseAfterRevision({ closesAt: extended, revisedAt: H(CLOSE + 10), type: consentType, scheduledClose })).toEqual({
      closesAt: extended,
      extended: false,
      tooLate: true,
    });
    expect(consentCloseAfterRevision({ closesAt: extended, revisedAt: H(CLOSE - 10), type: consentType, scheduledClose })).toEqual({
      closesAt: extended,
      extended: false,
    });
    // Not yet extended: the first late revision moves it.
    expect(consentCloseAfterRevision({ closesAt: scheduledClose, revisedAt: H(CLOSE - 2), type: consentType, scheduledClose })).toEqual({
      closesAt: H(CLOSE + 22),
      extended: true,
    });
  });

  it('never moves the close earlier, and never reopens a closed window (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 96 }), fc.integer({ min: 1, max: 96 }), (revisedH, windowH, extensionH) => {
        const type = { lateRevisionWindowHours: windowH, lateRevisionExtensionHours: extensionH };
        const next = consentCloseAfterRevision({ closesAt: close, revisedAt: H(revisedH), type });
        expect(next.closesAt.getTime()).toBeGreaterThanOrEqual(close.getTime());
        expect(next.extended).toBe(next.closesAt.getTime() > close.getTime());
        if (revisedH >= CLOSE || revisedH < CLOSE - windowH) expect(next.extended).toBe(false);
        else expect(next.closesAt.getTime()).toBe(Math.max(close.getTime(), H(revisedH + extensionH).getTime()));
      }),
    );
  });

  it('a stored close moved later is the close the phase derives: objections raised before it count, the outcome waits', () => {
    const extended = published(charter, 'group_consent', {
      stages: [stageRecord({ bodyKey: 'group', opensAt: H(OPEN), closesAt: H(CLOSE + 22), charterSeats: 3, objections: [objection('s1', CLOSE + 10)] })],
    });
    expect(proposalPhase(extended, charter, H(CLOSE + 1))).toEqual({ kind: 'voting', stageIndex: 0, closesAt: H(CLOSE + 22) });
    expect(proposalPhase(extended, charter, H(CLOSE + 23)).kind).toBe('rejected');
  });

  it('the author may revise in the window of a decision by consent only; a yes/no vote stays fixed', () => {
    const author = { role: 'member' as const, isAuthor: true, isSubject: false, holdsSeatInStageBody: false, isRecused: false };
    const voting = { kind: 'voting' as const, stageIndex: 0, closesAt: close };
    expect(allowedProposalActions({ ...author, phase: voting, decidesByConsent: true }).has('edit')).toBe(true);
    expect(allowedProposalActions({ ...author, phase: voting, decidesByConsent: false }).has('edit')).toBe(false);
    expect(allowedProposalActions({ ...author, isAuthor: false, phase: voting, decidesByConsent: true }).has('edit')).toBe(false);
    expect(allowedProposalActions({ ...author, role: 'observer', phase: voting, decidesByConsent: true }).has('edit')).toBe(false);
    // Not after the close, and the author still cannot withdraw once the window opened.
    expect(allowedProposalActions({ ...author, phase: { kind: 'rejected', stageIndex: 0, at: close }, decidesByConsent: true }).has('edit')).toBe(false);
    expect(allowedProposalActions({ ...author, phase: voting, decidesByConsent: true }).has('withdraw')).toBe(false);
  });
});

describe('plain words for the consent window', () => {
  it('says “Open for objections”, never “Voting open”, while the window is open', () => {
    const s = proposalStatus({ record: record([]), charter, strengths: {}, now: H(OPEN + 1) });
    expect(s.label).toBe('Open for objections');
    expect(s.explanation).toMatch(/^Open for objections until .*: any group seat holder may object, with a reason; it passes if no objection stands then\.$/);
    expect(s.explanation).not.toMatch(/[Vv]ot/);
    // The same as data, for a page in another language: the body by its name as the charter writes it.
    expect(s.parts).toEqual([{ kind: 'consent_window', closes: expect.any(Date), body: expect.stringMatching(/^group$/i) }]);
  });
});
