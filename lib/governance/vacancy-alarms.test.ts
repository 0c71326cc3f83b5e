import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alarmDay, overdueVacancies, vacancyAlarms } from './vacancy-alarms';

const T0 = new Date('2026-03-02T09:00:00Z');
const DAY = 86_400_000;
const bodies = [
  { key: 'board', name: 'Board', vacancyDeadlineDays: 60 },
  { key: 'members', name: 'Member assembly', vacancyDeadlineDays: 90 },
];
const seat = (bodyKey: string, position: number, vacatedDaysAfterT0 = 0) => ({
  seatId: `${bodyKey}-${position}`,
  bodyKey,
  position,
  vacatedAt: new Date(T0.getTime() + vacatedDaysAfterT0 * DAY),
});

describe('overdue vacancies', () => {
  it('a vacancy is overdue from the moment its deadline is reached, not a millisecond before', () => {
    const v = [seat('board', 1)];
    expect(overdueVacancies(bodies, v, new Date(T0.getTime() + 60 * DAY - 1))).toEqual([]);
    expect(overdueVacancies(bodies, v, new Date(T0.getTime() + 60 * DAY))).toMatchObject([{ seatId: 'board-1', daysVacant: 60 }]);
  });

  it('a seat of a body the charter no longer has is ignored', () => {
    expect(overdueVacancies(bodies, [seat('gone', 1)], new Date(T0.getTime() + 999 * DAY))).toEqual([]);
  });
});

describe('vacancy alarms', () => {
  it('an assembly of 25 empty seats gives one alarm listing all 25, not 25 alarms', () => {
    const vacant = Array.from({ length: 25 }, (_, i) => seat('members', i + 1));
    const overdue = overdueVacancies(bodies, vacant, new Date(T0.getTime() + 90 * DAY));
    const alarms = vacancyAlarms(bodies, overdue, () => false);
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.seats.map((s) => s.position)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('no alarm when every overdue seat has been alarmed; a new one brings the whole list again', () => {
    const overdue = overdueVacancies(bodies, [seat('board', 2), seat('board', 1), seat('board', 3, 5)], new Date(T0.getTime() + 70 * DAY));
    expect(vacancyAlarms(bodies, overdue, () => true)).toEqual([]);
    const alarms = vacancyAlarms(bodies, overdue, (v) => v.position !== 3);
    expect(alarms[0]!.seats.map((s) => s.position)).toEqual([1, 2, 3]);
    expect(alarms[0]!.newlyOverdue.map((s) => s.position)).toEqual([3]);
  });

  it('property: at most one alarm per body, and every newly overdue seat is in exactly one alarm', () => {
    const arb = fc.array(
      fc.record({
        body: fc.constantFrom('board', 'members'),
        position: fc.integer({ min: 1, max: 30 }),
        vacated: fc.integer({ min: 0, max: 200 }),
        alarmed: fc.boolean(),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 400 }), (rows, day) => {
        const unique = [...new Map(rows.map((r) => [`${r.body}-${r.position}`, r])).values()];
        const vacant = unique.map((r) => seat(r.body, r.position, r.vacated));
        const alarmed = new Set(unique.filter((r) => r.alarmed).map((r) => `${r.body}-${r.position}`));
        const overdue = overdueVacancies(bodies, vacant, new Date(T0.getTime() + day * DAY));
        const alarms = vacancyAlarms(bodies, overdue, (v) => alarmed.has(v.seatId));
        expect(new Set(alarms.map((a) => a.bodyKey)).size).toBe(alarms.length);
        const fresh = overdue
          .filter((v) => !alarmed.has(v.seatId))
          .map((v) => v.seatId)
          .sort();
        expect(alarms.flatMap((a) => a.newlyOverdue.map((v) => v.seatId)).sort()).toEqual(fresh);
      }),
    );
  });

  it('alarm days are UTC dates', () => {
    expect(alarmDay(new Date('2026-06-01T23:59:59Z'))).toBe('2026-06-01');
    expect(alarmDay(new Date('2026-06-02T00:00:00Z'))).toBe('2026-06-02');
  });
});
