import { describe, expect, it } from 'vitest';
import { adjustCharter } from './charter-adjust';
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
