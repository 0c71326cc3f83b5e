import { seatClassMinimumsText } from './charter';
import type { BodySpec, Charter } from './types';

export type CharterAdjustments = {
  /** Charter seats of the first (primary) body. */
  primarySeats?: number;
  /** Vacancy deadline for every body. */
  vacancyDeadlineDays?: number;
};

/**
 * Applies the founder's adjustments to a template before adoption. The critical-decision
 * minimum keeps the template's proportion (7 of 9 stays about 78%), never dropping below a
 * majority; the result still goes through validateCharter, which has the last word.
 */
export function adjustCharter(template: Charter, adjustments: CharterAdjustments): Charter {
  const charter: Charter = structuredClone(template);
  const primary = charter.bodies[0];
  if (primary && adjustments.primarySeats !== undefined && adjustments.primarySeats !== primary.charterSeats) {
    const seats = adjustments.primarySeats;
    const proportion = primary.minSeatsForCriticalDecisions / primary.charterSeats;
    primary.minSeatsForCriticalDecisions = Math.min(seats, Math.max(Math.floor(seats / 2) + 1, Math.ceil(proportion * seats)));
    primary.charterSeats = seats;
  }
  if (adjustments.vacancyDeadlineDays !== undefined) {
    for (const body of charter.bodies) body.vacancyDeadlineDays = adjustments.vacancyDeadlineDays;
  }
  return charter;
}

/** The founding form accepts 3 to 99 seats for the primary body (lib/validation/organization.ts). */
export const SEATS_RANGE = { min: 3, max: 99 } as const;

function classTotal(body: BodySpec): number {
  return Object.values(body.seatClassMinimums).reduce((sum, n) => sum + n, 0);
}

/** The fewest seats the founder may give a body: its seat-class minimums must fit, and the form asks for at least 3. */
export function minimumSeats(body: BodySpec): number {
  return Math.max(SEATS_RANGE.min, classTotal(body));
}

/**
 * Why the founder's seat count cannot work for the template's primary body, in words for the
 * creation form (`organization.too_few_seats`), or null when it can. validateCharter still has the last word.
 */
export function primarySeatsProblem(template: Charter, primarySeats: number | undefined): { body: string; minimum: number; classes: string } | null {
  const primary = template.bodies[0];
  if (!primary || primarySeats === undefined) return null;
  const minimum = classTotal(primary);
  if (primarySeats >= minimum) return null;
  return { body: primary.name, minimum, classes: seatClassMinimumsText(primary.seatClassMinimums) };
}
