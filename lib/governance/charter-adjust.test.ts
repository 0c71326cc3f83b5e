import { describe, expect, it } from 'vitest';
import { charterFromTemplate, validateCharter } from './charter';
import { adjustCharter, minimumSeats, primarySeatsProblem, SEATS_RANGE } from './charter-adjust';
import { formatMessage } from './messages';
import { charterTemplateKeys } from './templates';
import type { Charter } from './types';

const template: Charter = {
  version: 1,
  bodies: [
    {
      key: 'board',
      name: 'Board',
      charterSeats: 9,
      minSeatsForCriticalDecisions: 7,
      vacancyDeadlineDays: 60,
      seatClassMinimums: { independent: 3 },
      recusedSeatsCountTowardQuorumBase: true,
    },
    {
      key: 'members',
      name: 'Members',
      charterSeats: 25,
      minSeatsForCriticalDecisions: 13,
      vacancyDeadlineDays: 90,
      seatClassMinimums: {},
      recusedSeatsCountTowardQuorumBase: true,
    },
  ],
  proposalTypes: [],
};

describe('adjustCharter', () => {
  it('scales the critical minimum with the seats, never below a majority', () => {
    const five = adjustCharter(template, { primarySeats: 5 });
    expect(five.bodies[0]).toMatchObject({ charterSeats: 5, minSeatsForCriticalDecisions: 4 });
    const three = adjustCharter(template, { primarySeats: 3 });
    expect(three.bodies[0]).toMatchObject({ charterSeats: 3, minSeatsForCriticalDecisions: 3 });
    const fifteen = adjustCharter(template, { primarySeats: 15 });
    expect(fifteen.bodies[0]).toMatchObject({ charterSeats: 15, minSeatsForCriticalDecisions: 12 });
  });
  it('sets every body’s vacancy deadline and leaves the template untouched', () => {
    const adjusted = adjustCharter(template, { vacancyDeadlineDays: 30 });
    expect(adjusted.bodies.map((b) => b.vacancyDeadlineDays)).toEqual([30, 30]);
    expect(template.bodies[0]!.vacancyDeadlineDays).toBe(60);
  });
});

describe('primarySeatsProblem', () => {
  it('names the body, the seats its classes need and the classes, in words', () => {
    const nonprofit = charterFromTemplate('nonprofit_board');
    expect(primarySeatsProblem(nonprofit, 3)).toEqual({ body: 'Board', minimum: 4, classes: '3 independent seats and 1 employee representative seat' });
    expect(formatMessage('organization.too_few_seats', primarySeatsProblem(nonprofit, 3)!)).toBe(
      'The Board needs at least 4 seats: its seat classes require 3 independent seats and 1 employee representative seat. Enter 4 or more seats, or choose another template.',
    );
    expect(primarySeatsProblem(nonprofit, 4)).toBeNull();
    expect(primarySeatsProblem(nonprofit, undefined)).toBeNull();
  });
  it('agrees with validateCharter for every template and seat count the form accepts', () => {
    for (const key of charterTemplateKeys) {
      const template = charterFromTemplate(key);
      expect(minimumSeats(template.bodies[0]!)).toBeGreaterThanOrEqual(SEATS_RANGE.min);
      for (let seats = SEATS_RANGE.min; seats <= SEATS_RANGE.max; seats++) {
        const valid = validateCharter(adjustCharter(template, { primarySeats: seats })).ok;
        expect(primarySeatsProblem(template, seats) === null, `${key} at ${seats} seats`).toBe(valid);
        expect(seats >= minimumSeats(template.bodies[0]!), `${key} at ${seats} seats`).toBe(valid);
      }
    }
  });
});
