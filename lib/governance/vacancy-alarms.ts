/**
 * Vacancies past the charter's deadline, grouped for the alarm. Pure: no I/O, no clock.
 *
 * Lesson behind `vacancyAlarms`: an assembly nobody filled used to send one mail per seat — 25
 * mails to every member on the same morning. Members need to know which bodies are short and
 * by how many seats, once a day at most: one alarm per body, listing all its overdue seats.
 */

const DAY = 86_400_000;

export type VacantSeat = { seatId: string; bodyKey: string; position: number; vacatedAt: Date };
export type BodyDeadline = { key: string; name: string; vacancyDeadlineDays: number };
export type OverdueVacancy = VacantSeat & { dueAt: Date; daysVacant: number };

/** Seats whose vacancy has reached the body's deadline at `at` (the same rule as body strength). */
export function overdueVacancies(bodies: BodyDeadline[], vacant: VacantSeat[], at: Date): OverdueVacancy[] {
  const deadline = new Map(bodies.map((b) => [b.key, b.vacancyDeadlineDays]));
  const out: OverdueVacancy[] = [];
  for (const v of vacant) {
    const days = deadline.get(v.bodyKey);
    if (days === undefined) continue;
    const dueAt = new Date(v.vacatedAt.getTime() + days * DAY);
    if (at.getTime() < dueAt.getTime()) continue;
    out.push({ ...v, dueAt, daysVacant: Math.floor((at.getTime() - v.vacatedAt.getTime()) / DAY) });
  }
  return out;
}

/** The UTC day an alarm belongs to: at most one alarm per body per day. */
export function alarmDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export type BodyAlarm = { bodyKey: string; bodyName: string; deadlineDays: number; seats: OverdueVacancy[]; newlyOverdue: OverdueVacancy[] };

/**
 * One alarm per body that has at least one overdue seat members have not been alarmed about
 * yet; it lists every overdue seat of that body (already alarmed ones too), by position.
 */
export function vacancyAlarms(bodies: BodyDeadline[], overdue: OverdueVacancy[], alreadyAlarmed: (v: OverdueVacancy) => boolean): BodyAlarm[] {
  const alarms: BodyAlarm[] = [];
  for (const b of bodies) {
    const seats = overdue.filter((v) => v.bodyKey === b.key).sort((x, y) => x.position - y.position);
    const newlyOverdue = seats.filter((v) => !alreadyAlarmed(v));
    if (newlyOverdue.length > 0) alarms.push({ bodyKey: b.key, bodyName: b.name, deadlineDays: b.vacancyDeadlineDays, seats, newlyOverdue });
  }
  return alarms;
}
