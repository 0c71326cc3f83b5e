/**
 * Body strength: filled seats, vacancies and their clocks, seat-class shortfalls (docs/design.md §3.4, §3.5).
 *
 * Lesson: a board shrank from 9 to 6 seats and nobody refilled them. Strength is therefore always
 * measured against the CHARTER's seat count: a missing seat record is a vacancy, not a smaller
 * board, and surplus seat records beyond the charter never add strength.
 */
import { DAY_MS, addDays } from './time';
import type { BodySpec, SeatClassKey, SeatState } from './types';

export type Vacancy = {
  seatId: string;
  seatClass: SeatClassKey;
  /** Null only when the record lacks it (then the vacancy cannot be shown to be within its deadline: overdue). */
  vacatedAt: Date | null;
  /** Whole days vacant (floored); null when vacatedAt is unknown. */
  ageDays: number | null;
  /** True once `now` has reached `dueAt` (the vacancy deadline), or when the vacancy cannot be dated. */
  overdue: boolean;
  dueAt: Date | null;
};

export type ClassShortfall = { seatClass: SeatClassKey; required: number; filled: number };

export type BodyStrength = {
  bodyKey: string;
  charterSeats: number;
  /** Filled seats, counting each person once, never more than charterSeats. */
  filled: number;
  /** charterSeats − filled: recorded vacant seats plus charter seats with no seat record at all. */
  vacant: number;
  /** Recorded vacant seats, oldest first. */
  vacancies: Vacancy[];
  /** Charter seats with no seat record: counted as vacant and overdue (they cannot be dated). */
  unrecordedSeats: number;
  /** Seat records beyond the charter's count (ignored; shown so the data can be repaired). */
  seatsBeyondCharter: number;
  classShortfalls: ClassShortfall[];
  /** filled < minSeatsForCriticalDecisions: critical types cannot open voting (docs/design.md §3.4). */
  isBelowStrength: boolean;
  /** Full strength: every charter seat filled (by different people) and every class minimum met. */
  isAtFullStrength: boolean;
  /** Overdue recorded vacancies plus unrecorded seats. */
  overdueCount: number;
};

export function bodyStrength(body: BodySpec, seats: SeatState[], now: Date): BodyStrength {
  const own = seats.filter((s) => s.bodyKey === body.key);
  // Deterministic choice when there are more records than charter seats: filled seats first
  // (by id), then the oldest vacancies, so surplus records can hide neither strength nor delay.
  // One person, one seat: a person recorded in two seats of the body counts once (their
  // lowest-id seat); the other record adds no strength, so doubling up cannot unblock anything.
  const seen = new Set<string>();
  const filledRows = own
    .filter((s) => s.holderUserId !== null)
    .sort(bySeatId)
    .filter((s) => (seen.has(s.holderUserId!) ? false : (seen.add(s.holderUserId!), true)))
    .slice(0, body.charterSeats);
  const room = body.charterSeats - filledRows.length;
  const vacantRows = own
    .filter((s) => s.holderUserId === null)
    .sort((a, b) => vacatedMs(a) - vacatedMs(b) || bySeatId(a, b))
    .slice(0, room);
  const unrecordedSeats = room - vacantRows.length;

  const vacancies = vacantRows.map((s): Vacancy => {
    if (!s.vacatedAt) return { seatId: s.seatId, seatClass: s.seatClass, vacatedAt: null, ageDays: null, overdue: true, dueAt: null };
    const dueAt = addDays(s.vacatedAt, body.vacancyDeadlineDays);
    return {
      seatId: s.seatId,
      seatClass: s.seatClass,
      vacatedAt: s.vacatedAt,
      ageDays: Math.max(0, Math.floor((now.getTime() - s.vacatedAt.getTime()) / DAY_MS)),
      overdue: now.getTime() >= dueAt.getTime(),
      dueAt,
    };
  });

  const classShortfalls: ClassShortfall[] = Object.entries(body.seatClassMinimums)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([seatClass, required]) => ({ seatClass, required, filled: filledRows.filter((s) => s.seatClass === seatClass).length }))
    .filter((c) => c.filled < c.required);

  const filled = filledRows.length;
  return {
    bodyKey: body.key,
    charterSeats: body.charterSeats,
    filled,
    vacant: body.charterSeats - filled,
    vacancies,
    unrecordedSeats,
    seatsBeyondCharter: own.length - filledRows.length - vacantRows.length,
    classShortfalls,
    isBelowStrength: filled < body.minSeatsForCriticalDecisions,
    isAtFullStrength: filled === body.charterSeats && classShortfalls.length === 0,
    overdueCount: vacancies.filter((v) => v.overdue).length + unrecordedSeats,
  };
}

function bySeatId(a: SeatState, b: SeatState): number {
  return a.seatId < b.seatId ? -1 : a.seatId > b.seatId ? 1 : 0;
}

/** Undated vacancies sort first: they are treated as the oldest. */
function vacatedMs(s: SeatState): number {
  return s.vacatedAt ? s.vacatedAt.getTime() : Number.NEGATIVE_INFINITY;
}

/** The strength of every body of the charter, keyed by body key: what voting, status lines and the overview ask. */
export function bodyStrengths(charter: { bodies: BodySpec[] }, seats: SeatState[], now: Date): Record<string, BodyStrength> {
  return Object.fromEntries(charter.bodies.map((b) => [b.key, bodyStrength(b, seats, now)]));
}
