import { describe, expect, it } from 'vitest';
import { validateCharter } from './charter';
import { bodyStrength } from './strength';
import { tallyStage } from './tally';
import { charterFromTemplate, charterTemplateKeys, charterTemplates } from './templates';
import type { Ballot, BallotChoice, Charter, ProposalTypeSpec, SeatState } from './types';

const T0 = new Date('2026-03-01T12:00:00Z');

/** The body's seats, the first `filled` of them held by person-1, person-2, … */
function seatsOf(charter: Charter, bodyKey: string, filled: number): SeatState[] {
  const body = charter.bodies.find((b) => b.key === bodyKey)!;
  return Array.from({ length: body.charterSeats }, (_, i) => ({
    seatId: `${bodyKey}-${i + 1}`,
    bodyKey,
    seatClass: 'general',
    holderUserId: i < filled ? `person-${i + 1}` : null,
    vacatedAt: i < filled ? null : T0,
  }));
}

/** Every stage of `type`, each tallied with the given choices from the body's first seats. */
function tallyAll(charter: Charter, type: ProposalTypeSpec, choices: BallotChoice[]) {
  return type.stages.map((stage) => {
    const body = charter.bodies.find((b) => b.key === stage.bodyKey)!;
    const ballots: Ballot[] = choices.map((choice, i) => ({ seatId: `${body.key}-${i + 1}`, voterUserId: `person-${i + 1}`, choice, castAt: T0 }));
    return tallyStage({ ballots, stage, body, charterSeats: body.charterSeats, recusedSeatIds: [] });
  });
}

describe('small-group templates', () => {
  it('are offered first, and every template is offered exactly once', () => {
    expect(charterTemplateKeys.slice(0, 2)).toEqual(['informal_group', 'small_board']);
    expect([...charterTemplateKeys].sort()).toEqual(Object.keys(charterTemplates).sort());
  });

  it.each(['informal_group', 'small_board'] as const)('%s passes validateCharter', (key) => {
    expect(validateCharter(charterFromTemplate(key))).toEqual({ ok: true });
  });

  describe('a 3-person group on the informal template', () => {
    const charter = charterFromTemplate('informal_group');
    const group = charter.bodies[0]!;

    it('has 3 seats, and 3 people filling them can take critical decisions', () => {
      expect(charter.bodies).toHaveLength(1);
      expect(group.charterSeats).toBe(3);
      const strength = bodyStrength(group, seatsOf(charter, group.key, 3), T0);
      expect(strength).toMatchObject({ filled: 3, isBelowStrength: false, isAtFullStrength: true });
      // Even with one seat empty, the two left may still decide critical matters.
      expect(bodyStrength(group, seatsOf(charter, group.key, 2), T0).isBelowStrength).toBe(false);
    });

    it.each(charter.proposalTypes.map((t) => [t.name, t] as const))('passes a %s with all three voting yes', (_name, type) => {
      for (const tally of tallyAll(charter, type, ['yes', 'yes', 'yes'])) expect(tally).toMatchObject({ quorumMet: true, passed: true });
    });

    it.each(charter.proposalTypes.map((t) => [t.name, t] as const))('passes a %s with two of the three voting yes (one away)', (_name, type) => {
      for (const tally of tallyAll(charter, type, ['yes', 'yes'])) expect(tally).toMatchObject({ quorumMet: true, passed: true });
    });

    it('cannot decide with one person alone, and a removal or charter change needs two yes votes even when all three vote', () => {
      const byKey = (k: string) => charter.proposalTypes.find((t) => t.key === k)!;
      expect(tallyAll(charter, byKey('decision'), ['yes'])[0]).toMatchObject({ quorumMet: false, passed: false, outcome: 'failed_quorum' });
      expect(tallyAll(charter, byKey('charter_amendment'), ['yes', 'no', 'no'])[0]).toMatchObject({ quorumMet: true, passed: false });
      expect(tallyAll(charter, byKey('member_removal'), ['yes', 'no', 'abstain'])[0]).toMatchObject({ passed: false });
    });

    it('keeps its windows short: at most 3 days of comment for ordinary decisions and appointments, 7 for the charter and removals', () => {
      const hours = Object.fromEntries(charter.proposalTypes.map((t) => [t.key, [t.minCommentWindowHours, t.stages[0]!.votingWindowHours]]));
      expect(hours).toEqual({
        decision: [72, 48],
        group_choice: [72, 48],
        group_consent: [72, 48],
        charter_amendment: [168, 72],
        member_removal: [168, 72],
        seat_appointment: [72, 48],
      });
    });
  });

  describe('a 5-person board on the small-board template', () => {
    const charter = charterFromTemplate('small_board');
    it.each(charter.proposalTypes.map((t) => [t.name, t] as const))('passes a %s with four of five voting yes', (_name, type) => {
      for (const tally of tallyAll(charter, type, ['yes', 'yes', 'yes', 'yes'])) expect(tally).toMatchObject({ quorumMet: true, passed: true });
    });
    it('needs three for a quorum and four of five for a charter change', () => {
      const amendment = charter.proposalTypes.find((t) => t.effect === 'charter_amendment')!;
      const resolution = charter.proposalTypes.find((t) => t.key === 'resolution')!;
      expect(tallyAll(charter, resolution, ['yes', 'yes'])[0]).toMatchObject({ quorumMet: false, passed: false });
      expect(tallyAll(charter, resolution, ['yes', 'yes', 'no'])[0]).toMatchObject({ quorumMet: true, passed: true });
      expect(tallyAll(charter, amendment, ['yes', 'yes', 'yes', 'no', 'no'])[0]).toMatchObject({ passed: false });
    });
  });
});
