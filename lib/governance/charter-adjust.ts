import type { Charter } from './types';

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
