import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBody } from './charter';
import { T0, nonprofit, seatsOf } from './test-fixtures';
import { bodyStrength } from './strength';
import { DAY_MS, HOUR_MS } from './time';
import type { BodySpec, SeatState } from './types';

const board = findBody(nonprofit(), 'board'); // 9 seats, 7 for critical decisions, 60-day deadline
const later = (days: number, hours = 0) => new Date(T0.getTime() + days * DAY_MS + hours * HOUR_MS);

describe('bodyStrength', () => {
  it('the 9-seat board with 6 filled is below strength (critical decisions need 7)', () => {
    const s = bodyStrength(board, seatsOf('board', 9, 6), later(10));
    expect(s).toMatchObject({ bodyKey: 'board', charterSeats: 9, filled: 6, vacant: 3, isBelowStrength: true, overdueCount: 0, unrecordedSeats: 0 });
    expect(s.vacancies).toHaveLength(3);
  });

  it('7 of 9 filled is at strength', () => {
    expect(bodyStrength(board, seatsOf('board', 9, 7), T0).isBelowStrength).toBe(false);
  });

  it('floors vacancy age to whole days and dates the deadline', () => {
    const [v] = bodyStrength(board, seatsOf('board', 9, 8), later(59, 23)).vacancies;
    expect(v).toMatchObject({ seatId: 'board-9', ageDays: 59, overdue: false, dueAt: later(60) });
  });

  it('a vacancy is overdue from the moment its deadline is reached', () => {
    const seats = seatsOf('board', 9, 8);
    expect(bodyStrength(board, seats, new Date(later(60).getTime() - 1)).overdueCount).toBe(0);
    const s = bodyStrength(board, seats, later(60));
    expect(s.vacancies[0]).toMatchObject({ ageDays: 60, overdue: true });
    expect(s.overdueCount).toBe(1);
  });

  it('a vacancy with no recorded date cannot be shown to be within its deadline: overdue', () => {
    const seats = seatsOf('board', 9, 8).map((x) => (x.holderUserId ? x : { ...x, vacatedAt: null }));
    expect(bodyStrength(board, seats, T0).vacancies[0]).toMatchObject({ vacatedAt: null, ageDays: null, overdue: true, dueAt: null });
  });

  it('lists vacancies oldest first', () => {
    const seats = [...seatsOf('board', 7, 7), { ...seatsOf('board', 8, 7, later(5))[7]! }, { ...seatsOf('board', 9, 8, later(1))[8]! }];
    expect(bodyStrength(board, seats, later(10)).vacancies.map((v) => v.seatId)).toEqual(['board-9', 'board-8']);
  });

  it('counts only the body’s own seats', () => {
    const s = bodyStrength(board, [...seatsOf('board', 9, 6), ...seatsOf('members', 25, 25)], T0);
    expect(s).toMatchObject({ filled: 6, vacant: 3 });
  });

  it('seat records beyond the charter never add strength', () => {
    const twelveFilled = seatsOf('board', 12, 12);
    expect(bodyStrength(board, twelveFilled, T0)).toMatchObject({ filled: 9, vacant: 0, seatsBeyondCharter: 3, vacancies: [] });
  });

  it('surplus vacant records do not inflate vacancies', () => {
    expect(bodyStrength(board, seatsOf('board', 12, 9), T0)).toMatchObject({ filled: 9, vacant: 0, vacancies: [], seatsBeyondCharter: 3 });
  });

  it('a board whose seat records shrank to 6 is still a board of 9 with 3 vacancies (the lesson)', () => {
    const s = bodyStrength(board, seatsOf('board', 6, 6), T0);
    expect(s).toMatchObject({ filled: 6, vacant: 3, unrecordedSeats: 3, overdueCount: 3, isBelowStrength: true });
  });

  it('flags seat-class shortfalls against the charter minimums', () => {
    const seats: SeatState[] = seatsOf('board', 9, 9).map((x, i) => ({ ...x, seatClass: i < 2 ? 'independent' : 'general' }));
    expect(bodyStrength(board, seats, T0).classShortfalls).toEqual([
      { seatClass: 'employee_representative', required: 1, filled: 0 },
      { seatClass: 'independent', required: 3, filled: 2 },
    ]);
  });

  it('counts people, not seats: one person in two seats adds one to strength', () => {
    // A 6-of-9 board whose member was appointed to a second seat is still 6, not "7 of 9".
    const seats = seatsOf('board', 9, 6);
    seats[6] = { ...seats[6]!, holderUserId: 'user-1', vacatedAt: null };
    const s = bodyStrength(board, seats, T0);
    expect(s.filled).toBe(6);
    expect(s.isBelowStrength).toBe(true);
    expect(s.vacant).toBe(3);
  });

  it('is not at full strength beside a class shortfall', () => {
    const s = bodyStrength(board, seatsOf('board', 9, 9), T0);
    expect(s.filled).toBe(9);
    expect(s.isAtFullStrength).toBe(false);
    const classed = seatsOf('board', 9, 9).map((x, i) => ({ ...x, seatClass: i < 3 ? 'independent' : i === 3 ? 'employee_representative' : 'general' }));
    expect(bodyStrength(board, classed, T0).isAtFullStrength).toBe(true);
  });

  it('a vacant seat of a class does not count toward its minimum', () => {
    const seats: SeatState[] = seatsOf('board', 9, 8).map((x, i) => ({
      ...x,
      seatClass: i < 2 || i === 8 ? 'independent' : i === 2 ? 'employee_representative' : 'general',
    }));
    expect(bodyStrength(board, seats, T0).classShortfalls).toEqual([{ seatClass: 'independent', required: 3, filled: 2 }]);
  });

  it('(f) filled + vacant = charter seats considered; isBelowStrength ⇔ filled < minimum (property)', () => {
    const seatArb = fc.record({
      seatId: fc.integer({ min: 1, max: 30 }).map((n) => `s-${n}`),
      bodyKey: fc.constantFrom('board', 'members'),
      seatClass: fc.constantFrom('independent', 'employee_representative', 'general'),
      holder: fc.option(
        fc.integer({ min: 1, max: 40 }).map((n) => `u-${n}`),
        { nil: null },
      ),
      vacatedDay: fc.option(fc.integer({ min: -200, max: 0 }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 15 }).chain((charterSeats) => fc.tuple(fc.constant(charterSeats), fc.integer({ min: 1, max: charterSeats }))),
        fc.uniqueArray(seatArb, { selector: (s) => s.seatId, maxLength: 25 }),
        ([charterSeats, min], raw) => {
          const body: BodySpec = { ...board, charterSeats, minSeatsForCriticalDecisions: min };
          const seats: SeatState[] = raw.map((r) => ({
            seatId: r.seatId,
            bodyKey: r.bodyKey,
            seatClass: r.seatClass,
            holderUserId: r.holder,
            vacatedAt: r.holder === null && r.vacatedDay !== null ? later(r.vacatedDay) : null,
          }));
          const s = bodyStrength(body, seats, T0);
          const own = seats.filter((x) => x.bodyKey === 'board');
          expect(s.filled + s.vacant).toBe(charterSeats);
          // One person, one seat: a person in two seats of the body counts once.
          expect(s.filled).toBe(Math.min(charterSeats, new Set(own.filter((x) => x.holderUserId !== null).map((x) => x.holderUserId)).size));
          expect(s.vacancies.length + s.unrecordedSeats).toBe(s.vacant);
          expect(s.vacancies.length + s.filled + s.seatsBeyondCharter).toBe(own.length);
          expect(s.isBelowStrength).toBe(s.filled < min);
          expect(s.overdueCount).toBe(s.vacancies.filter((v) => v.overdue).length + s.unrecordedSeats);
          for (const c of s.classShortfalls) expect(c.filled).toBeLessThan(c.required);
          // Adding the other body's seats changes nothing.
          expect(bodyStrength(body, own, T0)).toEqual(s);
        },
      ),
    );
  });
});
