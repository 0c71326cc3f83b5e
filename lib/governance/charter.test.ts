import { describe, expect, it } from 'vitest';
import { applyCharterAmendment } from './effects';
import { charterFromTemplate, charterTemplates, findBody, findType, validateCharter } from './charter';
import { nonprofit } from './test-fixtures';
import type { CharterTemplateKey } from './templates';
import type { Charter, ProposalTypeSpec } from './types';

/** Errors of the nonprofit template after `change`. */
function errorsAfter(change: (c: Charter) => void): string[] {
  const c = nonprofit();
  change(c);
  const result = validateCharter(c);
  return result.ok ? [] : result.errors;
}

function typeOf(c: Charter, key: string): ProposalTypeSpec {
  return findType(c, key);
}

describe('charter templates', () => {
  it.each(Object.keys(charterTemplates) as CharterTemplateKey[])('%s passes validateCharter at version 1', (key) => {
    const template = charterTemplates[key];
    expect(template.key).toBe(key);
    expect(template.charter.version).toBe(1);
    expect(validateCharter(template.charter)).toEqual({ ok: true });
  });

  it('nonprofit_board: a 9-seat board with composition minimums and a 25-seat member assembly', () => {
    const c = charterTemplates.nonprofit_board.charter;
    expect(findBody(c, 'board')).toMatchObject({
      charterSeats: 9,
      minSeatsForCriticalDecisions: 7,
      vacancyDeadlineDays: 60,
      seatClassMinimums: { independent: 3, employee_representative: 1 },
    });
    expect(findBody(c, 'members').charterSeats).toBe(25);
  });

  it('nonprofit_board: the five proposal types as specified', () => {
    const c = charterTemplates.nonprofit_board.charter;
    expect(findType(c, 'resolution')).toMatchObject({
      minCommentWindowHours: 168,
      critical: false,
      stages: [
        { bodyKey: 'board', votingWindowHours: 72, quorum: { num: 1, den: 2 }, threshold: { num: 1, den: 2, inclusive: false }, thresholdBase: 'votes_cast' },
      ],
    });
    const amendment = findType(c, 'charter_amendment');
    expect(amendment).toMatchObject({ effect: 'charter_amendment', minCommentWindowHours: 336, critical: true });
    expect(amendment.stages.map((s) => [s.bodyKey, s.thresholdBase])).toEqual([
      ['board', 'charter_seats'],
      ['members', 'votes_cast'],
    ]);
    expect(amendment.stages[0]?.threshold).toEqual({ num: 2, den: 3, inclusive: true });
    expect(findType(c, 'officer_removal')).toMatchObject({
      effect: 'seat_removal',
      minCommentWindowHours: 336,
      requiresSubject: true,
      replyWindowHours: 72,
      critical: true,
      consultationAudience: 'public',
      stages: [{ bodyKey: 'board', threshold: { num: 2, den: 3, inclusive: true }, thresholdBase: 'charter_seats' }],
    });
    expect(findType(c, 'seat_appointment')).toMatchObject({
      effect: 'seat_appointment',
      minCommentWindowHours: 168,
      critical: false,
      stages: [{ bodyKey: 'board', threshold: { num: 1, den: 2, inclusive: false }, thresholdBase: 'charter_seats' }],
    });
    expect(findType(c, 'emergency_resolution').emergency).toEqual({
      minCommentWindowHours: 48,
      motionThreshold: { num: 3, den: 4, inclusive: true },
      ratifyWithinDays: 30,
    });
  });

  it('cooperative: the member assembly is the primary body and amends the charter', () => {
    const c = charterTemplates.cooperative.charter;
    expect(c.bodies[0]?.key).toBe('members');
    expect(c.proposalTypes.find((t) => t.effect === 'charter_amendment')?.stages[0]?.bodyKey).toBe('members');
  });

  it('open_source_foundation: a technical steering committee and a board', () => {
    const c = charterTemplates.open_source_foundation.charter;
    expect(c.bodies.map((b) => b.key).sort()).toEqual(['board', 'tsc']);
  });

  it('templates are frozen; charterFromTemplate hands out an independent, editable copy', () => {
    expect(() => {
      (charterTemplates.nonprofit_board.charter.bodies[0] as { charterSeats: number }).charterSeats = 3;
    }).toThrow();
    const copy = charterFromTemplate('nonprofit_board');
    copy.bodies[0]!.charterSeats = 3;
    expect(charterTemplates.nonprofit_board.charter.bodies[0]?.charterSeats).toBe(9);
  });
});

describe('validateCharter: bodies', () => {
  it('refuses duplicate body keys', () => {
    expect(errorsAfter((c) => (c.bodies[1]!.key = 'board'))).toContainEqual(expect.stringMatching(/bodies use the key "board"/));
  });

  it('refuses a charter without bodies', () => {
    expect(errorsAfter((c) => (c.bodies = []))).toContainEqual(expect.stringMatching(/at least one deciding body/));
  });

  it('refuses zero charter seats', () => {
    expect(errorsAfter((c) => (c.bodies[0]!.charterSeats = 0))).toContainEqual(expect.stringMatching(/charter seats must be a whole number of at least 1/));
  });

  it('refuses fractional charter seats', () => {
    expect(errorsAfter((c) => (c.bodies[0]!.charterSeats = 8.5))).toContainEqual(expect.stringMatching(/charter seats must be a whole number/));
  });

  it('refuses a critical-decision minimum of 0', () => {
    expect(errorsAfter((c) => (c.bodies[0]!.minSeatsForCriticalDecisions = 0))).toContainEqual(expect.stringMatching(/seats needed for critical decisions/));
  });

  it('refuses a critical-decision minimum above the charter seats, and accepts one equal to them', () => {
    expect(errorsAfter((c) => (c.bodies[0]!.minSeatsForCriticalDecisions = 10))).toContainEqual(
      'The Board has only 9 seats, so critical decisions cannot need 10 filled seats: give it more seats or lower that number.',
    );
    expect(errorsAfter((c) => (c.bodies[0]!.minSeatsForCriticalDecisions = 9))).toEqual([]);
  });

  it('refuses seat-class minimums adding up to more than the charter seats, and accepts exactly the seats', () => {
    expect(errorsAfter((c) => (c.bodies[0]!.seatClassMinimums = { independent: 6, employee_representative: 4 }))).toContainEqual(
      'The Board needs at least 10 seats: its seat classes require 6 independent seats and 4 employee representative seats, but it has only 9. Give it 10 or more seats, or lower a seat-class minimum.',
    );
    // A body without a name is named by its key; a class minimum of zero requires nothing and goes unmentioned.
    expect(
      errorsAfter((c) => {
        c.bodies[0]!.name = ' ';
        c.bodies[0]!.seatClassMinimums = { independent: 10, observer: 0 };
      }),
    ).toContainEqual(
      'Body "board" needs at least 10 seats: its seat classes require 10 independent seats, but it has only 9. Give it 10 or more seats, or lower a seat-class minimum.',
    );
    expect(errorsAfter((c) => (c.bodies[0]!.seatClassMinimums = { independent: 5, employee_representative: 4 }))).toEqual([]);
  });

  it('refuses a negative seat-class minimum', () => {
    expect(errorsAfter((c) => (c.bodies[0]!.seatClassMinimums = { independent: -1 }))).toContainEqual(expect.stringMatching(/seat class "independent"/));
  });

  it('refuses a vacancy deadline of 0 days', () => {
    expect(errorsAfter((c) => (c.bodies[0]!.vacancyDeadlineDays = 0))).toContainEqual(expect.stringMatching(/vacancy deadline/));
  });

  it('refuses a version below 1', () => {
    expect(errorsAfter((c) => (c.version = 0))).toContainEqual(expect.stringMatching(/version must be a whole number/));
  });
});

describe('validateCharter: proposal types and stages', () => {
  it('refuses duplicate type keys', () => {
    expect(errorsAfter((c) => (c.proposalTypes[1]!.key = 'resolution'))).toContainEqual(expect.stringMatching(/proposal types use the key "resolution"/));
  });

  it('refuses a type without stages', () => {
    expect(errorsAfter((c) => (typeOf(c, 'resolution').stages = []))).toContainEqual('Proposal type "resolution" needs at least one deciding stage.');
  });

  it('refuses a stage decided by a body the charter does not define', () => {
    expect(errorsAfter((c) => (typeOf(c, 'resolution').stages[0]!.bodyKey = 'council'))).toContainEqual(
      'Proposal type "resolution", stage 1 is decided by body "council", which the charter does not define.',
    );
  });

  it.each([
    ['zero', { num: 0, den: 2, inclusive: true }, /more than zero/],
    ['above one', { num: 3, den: 2, inclusive: true }, /more than the whole/],
    ['zero denominator', { num: 1, den: 0, inclusive: true }, /denominator above zero/],
    ['negative denominator', { num: 1, den: -2, inclusive: true }, /denominator above zero/],
    ['non-integer', { num: 0.5, den: 1, inclusive: true }, /whole numbers/],
    ['"more than all"', { num: 1, den: 1, inclusive: false }, /can never be met/],
  ])('refuses a %s quorum or threshold ratio', (_, ratio, message) => {
    expect(errorsAfter((c) => (typeOf(c, 'resolution').stages[0]!.quorum = ratio))).toContainEqual(expect.stringMatching(message));
    expect(errorsAfter((c) => (typeOf(c, 'resolution').stages[0]!.threshold = ratio))).toContainEqual(expect.stringMatching(message));
  });

  it('accepts a ratio of exactly one (unanimity)', () => {
    expect(errorsAfter((c) => (typeOf(c, 'resolution').stages[0]!.threshold = { num: 1, den: 1, inclusive: true }))).toEqual([]);
  });

  it.each([
    ['minimum comment window', (t: ProposalTypeSpec) => (t.minCommentWindowHours = 0), /minimum comment window/],
    ['late-revision window', (t: ProposalTypeSpec) => (t.lateRevisionWindowHours = 0), /late-revision window/],
    ['late-revision extension', (t: ProposalTypeSpec) => (t.lateRevisionExtensionHours = -1), /late-revision extension/],
    ['voting window', (t: ProposalTypeSpec) => (t.stages[0]!.votingWindowHours = 0), /voting window/],
    ['reply window', (t: ProposalTypeSpec) => (t.replyWindowHours = -1), /reply window/],
  ])('refuses a non-positive %s', (_, change, message) => {
    expect(errorsAfter((c) => change(typeOf(c, 'resolution')))).toContainEqual(expect.stringMatching(message));
  });

  it('requires a type with the charter_amendment effect', () => {
    expect(errorsAfter((c) => (c.proposalTypes = c.proposalTypes.filter((t) => t.effect !== 'charter_amendment')))).toContainEqual(
      expect.stringMatching(/charter_amendment effect: a charter changes only by proposal/),
    );
  });

  it('requires charter amendments to be critical', () => {
    expect(errorsAfter((c) => (typeOf(c, 'charter_amendment').critical = false))).toContainEqual(
      'Proposal type "charter_amendment" amends the charter, so it must be critical.',
    );
  });

  it('requires charter amendments to need 2/3 of charter seats in the first stage — not of votes cast, not less than 2/3', () => {
    const message = 'Proposal type "charter_amendment" amends the charter, so its first stage must need at least 2/3 of charter seats voting yes.';
    expect(errorsAfter((c) => (typeOf(c, 'charter_amendment').stages[0]!.thresholdBase = 'votes_cast'))).toContainEqual(message);
    expect(errorsAfter((c) => (typeOf(c, 'charter_amendment').stages[0]!.threshold = { num: 3, den: 5, inclusive: true }))).toContainEqual(message);
    // Stricter than 2/3 is fine.
    expect(errorsAfter((c) => (typeOf(c, 'charter_amendment').stages[0]!.threshold = { num: 3, den: 4, inclusive: true }))).toEqual([]);
  });

  it('refuses an emergency procedure on a charter amendment', () => {
    expect(
      errorsAfter(
        (c) =>
          (typeOf(c, 'charter_amendment').emergency = {
            minCommentWindowHours: 48,
            motionThreshold: { num: 3, den: 4, inclusive: true },
            ratifyWithinDays: 30,
          }),
      ),
    ).toContainEqual(expect.stringMatching(/amends the charter, so it cannot have an emergency procedure/));
  });

  it('requires a removal to name a subject, be critical and need 2/3 of charter seats', () => {
    expect(errorsAfter((c) => (typeOf(c, 'officer_removal').requiresSubject = false))).toContainEqual(
      expect.stringMatching(/must name that person as its subject/),
    );
    expect(errorsAfter((c) => (typeOf(c, 'officer_removal').critical = false))).toContainEqual(
      expect.stringMatching(/removes someone from a seat, so it must be critical/),
    );
    expect(errorsAfter((c) => (typeOf(c, 'officer_removal').stages[0]!.thresholdBase = 'votes_cast'))).toContainEqual(
      'Proposal type "officer_removal" removes someone from a seat, so stage 1 must need at least 2/3 of charter seats voting yes.',
    );
    expect(errorsAfter((c) => (typeOf(c, 'officer_removal').stages[0]!.threshold = { num: 1, den: 2, inclusive: false }))).toContainEqual(
      expect.stringMatching(/stage 1 must need at least 2\/3 of charter seats/),
    );
  });

  it('accepts the cooperative’s weight change, decided by the assembly, and requires it to name its subject', () => {
    const coop = charterFromTemplate('cooperative');
    const weight = findType(coop, 'member_weight');
    expect(weight).toMatchObject({ effect: 'membership_weight', requiresSubject: true, replyWindowHours: 72 });
    expect(weight.stages.map((s) => s.bodyKey)).toEqual(['members']);
    expect(validateCharter(coop)).toEqual({ ok: true });
    weight.requiresSubject = false;
    expect(validateCharter(coop)).toEqual({
      ok: false,
      errors: ['Proposal type "member_weight" changes a member\'s weight, so it must name that member as its subject.'],
    });
  });

  it('refuses an emergency procedure on a removal', () => {
    expect(
      errorsAfter(
        (c) =>
          (typeOf(c, 'officer_removal').emergency = { minCommentWindowHours: 48, motionThreshold: { num: 3, den: 4, inclusive: true }, ratifyWithinDays: 30 }),
      ),
    ).toContainEqual(expect.stringMatching(/removes someone from a seat, so it cannot have an emergency procedure/));
  });

  it('refuses a critical seat appointment: a body below strength must always be able to refill itself', () => {
    expect(errorsAfter((c) => (typeOf(c, 'seat_appointment').critical = true))).toContainEqual(
      expect.stringMatching(/fills vacant seats, so it must not be critical/),
    );
  });

  it('requires a reply window of at least 24 hours when a type names a subject', () => {
    expect(errorsAfter((c) => (typeOf(c, 'officer_removal').replyWindowHours = 23))).toContainEqual(
      'Proposal type "officer_removal" names a subject, so the subject\'s reply window must be at least 24 hours (it is 23).',
    );
    expect(errorsAfter((c) => (typeOf(c, 'officer_removal').replyWindowHours = 24))).toEqual([]);
  });

  it('requires an emergency motion threshold of at least 2/3', () => {
    const set = (num: number, den: number) =>
      errorsAfter((c) => (typeOf(c, 'emergency_resolution').emergency!.motionThreshold = { num, den, inclusive: true }));
    expect(set(3, 5)).toContainEqual(expect.stringMatching(/emergency motion must need at least 2\/3 of charter seats/));
    expect(set(2, 3)).toEqual([]);
  });

  it('requires the emergency window to be shorter than the normal one and at least 1 hour', () => {
    expect(errorsAfter((c) => (typeOf(c, 'emergency_resolution').emergency!.minCommentWindowHours = 168))).toContainEqual(
      'Proposal type "emergency_resolution": the emergency comment window (168 hours) must be shorter than the normal one (168 hours).',
    );
    expect(errorsAfter((c) => (typeOf(c, 'emergency_resolution').emergency!.minCommentWindowHours = 0))).toContainEqual(
      expect.stringMatching(/emergency comment window must be a whole number of hours, at least 1/),
    );
    expect(errorsAfter((c) => (typeOf(c, 'emergency_resolution').emergency!.minCommentWindowHours = 167))).toEqual([]);
  });

  it('requires a positive ratification period', () => {
    expect(errorsAfter((c) => (typeOf(c, 'emergency_resolution').emergency!.ratifyWithinDays = 0))).toContainEqual(expect.stringMatching(/ratified within/));
  });

  it('reports every problem at once', () => {
    const errors = errorsAfter((c) => {
      c.bodies[0]!.charterSeats = 0;
      typeOf(c, 'charter_amendment').critical = false;
    });
    expect(errors.length).toBeGreaterThanOrEqual(3); // seats, critical minimum > seats, class minimums > seats, critical flag
  });
});

describe('findBody / findType', () => {
  it('find by key', () => {
    expect(findBody(nonprofit(), 'members').name).toBe('Member assembly');
    expect(findType(nonprofit(), 'officer_removal').effect).toBe('seat_removal');
  });

  it('throw a clear error naming what exists', () => {
    expect(() => findBody(nonprofit(), 'council')).toThrow('Charter version 1 has no body "council" (its bodies: board, members).');
    expect(() => findType(nonprofit(), 'coup')).toThrow(/has no proposal type "coup" \(its types: resolution, board_choice, charter_amendment/);
  });
});

describe('applyCharterAmendment is reachable from charter.ts', () => {
  it('is the effects.ts function', () => {
    expect(applyCharterAmendment(nonprofit(), nonprofit()).ok).toBe(true);
  });
});
