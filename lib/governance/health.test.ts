import { describe, expect, it } from 'vitest';
import { findBody } from './charter';
import { T0, nonprofit, seatsOf } from './test-fixtures';
import { organizationHealth } from './health';
import { bodyStrength } from './strength';
import { DAY_MS } from './time';
import type { Phase } from './types';

const charter = nonprofit();
const now = new Date(T0.getTime() + 61 * DAY_MS);
const board = bodyStrength(findBody(charter, 'board'), seatsOf('board', 9, 6, T0, 'independent'), now); // 3 overdue
const members = bodyStrength(findBody(charter, 'members'), seatsOf('members', 25, 25), now);

describe('organizationHealth', () => {
  const phase = (kind: 'passed' | 'rejected' | 'failed_quorum' | 'lapsed'): Phase =>
    kind === 'passed' || kind === 'lapsed' ? { kind, at: T0 } : { kind, stageIndex: 0, at: T0 };

  const health = organizationHealth({
    strengths: { board, members },
    proposals: [
      { phase: phase('passed'), noticeCoverage: { notified: 6, seatHolders: 6 } },
      { phase: phase('passed') },
      { phase: phase('rejected'), noticeCoverage: { notified: 5, seatHolders: 6 } },
      { phase: phase('failed_quorum') },
      { phase: phase('lapsed') },
      { phase: { kind: 'discussion', closesAt: T0 } },
    ],
    participation: [
      { ballots: 5, eligible: 9 },
      { ballots: 4, eligible: 9 },
    ],
  });

  it('adds seats against the charter and flags overdue vacancies', () => {
    expect(health).toMatchObject({ seatsFilled: 31, charterSeats: 34, overdueVacancies: 3, bodiesBelowStrength: ['board'] });
  });

  it('lists class shortfalls with their body', () => {
    expect(health.classShortfalls).toEqual([{ bodyKey: 'board', seatClass: 'employee_representative', required: 1, filled: 0 }]);
  });

  it('counts decisions by outcome', () => {
    expect(health).toMatchObject({ decisionsPassed: 2, decisionsRejected: 1, decisionsFailedQuorum: 1, decisionsLapsed: 1 });
  });

  it('participation is ballots over eligible seats; notice coverage notified over seat holders', () => {
    expect(health.participationRate).toBeCloseTo(9 / 18);
    expect(health.noticeCoverage).toBeCloseTo(11 / 12);
  });

  it('rates are null when there is nothing to measure, and never above 1', () => {
    const empty = organizationHealth({ strengths: [], proposals: [{ phase: { kind: 'draft' } }], participation: [] });
    expect(empty).toMatchObject({ seatsFilled: 0, charterSeats: 0, participationRate: null, noticeCoverage: null });
    const odd = organizationHealth({
      strengths: [board],
      proposals: [{ phase: { kind: 'draft' }, noticeCoverage: { notified: 7, seatHolders: 6 } }],
      participation: [{ ballots: 3, eligible: 0 }],
    });
    expect(odd.noticeCoverage).toBe(1);
    expect(odd.participationRate).toBeNull();
  });

  it('accepts strengths as an array too', () => {
    expect(organizationHealth({ strengths: [board, members], proposals: [], participation: [] }).seatsFilled).toBe(31);
  });

  it('counts overdue petition answers (none when not given)', () => {
    expect(organizationHealth({ strengths: [board], proposals: [], participation: [] }).overduePetitionAnswers).toBe(0);
    expect(organizationHealth({ strengths: [board], proposals: [], participation: [], overduePetitionAnswers: 2 }).overduePetitionAnswers).toBe(2);
  });
});
