import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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

describe('organizationHealth with settled decisions counted and notice coverage summed elsewhere', () => {
  const kinds = ['passed', 'rejected', 'failed_quorum', 'lapsed', 'discussion', 'voting'] as const;
  const decided = ['passed', 'rejected', 'failed_quorum', 'lapsed'] as const;
  const coverage = fc.option(fc.record({ notified: fc.nat(50), seatHolders: fc.nat(50) }), { nil: undefined });
  const proposal = fc.record({ kind: fc.constantFrom(...kinds), coverage });

  it('gives what the whole list gives, however the list is split into listed and settled', () => {
    fc.assert(
      fc.property(fc.array(proposal, { maxLength: 40 }), fc.array(fc.boolean(), { maxLength: 40 }), (all, split) => {
        const asInput = (p: (typeof all)[number]) => ({ phase: { kind: p.kind }, noticeCoverage: p.coverage });
        const whole = organizationHealth({ strengths: { board, members }, proposals: all.map(asInput), participation: [] });
        // Decided proposals marked by `split` are settled: counted by outcome, their coverage summed.
        const isSettled = (p: (typeof all)[number], i: number) => Boolean(split[i]) && (decided as readonly string[]).includes(p.kind);
        const listed = all.filter((p, i) => !isSettled(p, i));
        const settledOnes = all.filter((p, i) => isSettled(p, i));
        const settled = Object.fromEntries(decided.map((k) => [k, settledOnes.filter((p) => p.kind === k).length]));
        const sum = (f: (c: { notified: number; seatHolders: number }) => number) => all.reduce((a, p) => a + (p.coverage ? f(p.coverage) : 0), 0);
        const split_ = organizationHealth({
          strengths: { board, members },
          proposals: listed.map((p) => ({ phase: { kind: p.kind } })),
          settled,
          noticeTotals: { notified: sum((c) => c.notified), seatHolders: sum((c) => c.seatHolders) },
          participation: [],
        });
        expect(split_).toEqual(whole);
      }),
    );
  });

  it('adds settled counts to the listed ones', () => {
    const h = organizationHealth({ strengths: [], proposals: [{ phase: { kind: 'passed' } }], settled: { passed: 2, lapsed: 1 }, participation: [] });
    expect([h.decisionsPassed, h.decisionsRejected, h.decisionsLapsed]).toEqual([3, 0, 1]);
    expect(h.noticeCoverage).toBeNull();
  });
});
