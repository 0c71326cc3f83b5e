/**
 * Seat classes (independent director, employee representative, …): a class seat takes only a
 * candidate who qualifies for it, and the candidate's own declaration is what makes it so.
 *
 * Lesson: classes that were only flagged meant a board could list three "independent" seats held
 * by management. The appointee declares their eligibility in their own name before anyone votes,
 * and the declaration is in the public log.
 */
import { refused } from './refusal';
import { wordPart } from './rule-word-parts';
import type { RuleWordPart } from './rule-word-parts';
import type { Charter, RuleResult, SeatClassKey } from './types';

export const GENERAL_SEAT_CLASS = 'general';

export function isClassSeat(seatClass: SeatClassKey): boolean {
  return seatClass !== GENERAL_SEAT_CLASS;
}

/** 'independent' → 'independent', 'employee_representative' → 'employee representative'. */
export function seatClassLabel(seatClass: SeatClassKey): string {
  return seatClass.replace(/_/g, ' ');
}

/** The declaration an appointee makes for a class seat, unless the proposal words it otherwise. */
export function defaultDeclaration(seatClass: SeatClassKey): string {
  switch (seatClass) {
    case 'independent':
      return 'I am independent of management: I am not employed by the organization, I am not paid by it other than for serving on its bodies, and I have no business or family tie with its management.';
    case 'employee_representative':
      return 'I am an employee of the organization and I stand as a representative of its employees.';
    default:
      return `I meet the requirements the charter sets for a ${seatClassLabel(seatClass)} seat.`;
  }
}

/** The same declaration as a part, for a page to show in the reader's language (the English is `defaultDeclaration`, which is what is recorded). */
export function defaultDeclarationPart(seatClass: SeatClassKey): RuleWordPart {
  switch (seatClass) {
    case 'independent':
    case 'employee_representative':
    case 'member_elected':
      return wordPart(`declaration.${seatClass}`);
    default:
      return wordPart('declaration.other', { seatClass: seatClassLabel(seatClass) });
  }
}

/** The appointee's declaration as recorded: for which class, in what words, whether they made it. */
export type Attestation = { seatClass: SeatClassKey; declaration: string; declaredByAppointee: boolean };

/**
 * Is the appointee eligible for a seat of this class? A general seat takes anyone. A class seat
 * needs the appointee's own declaration for that class; for employee representatives, a
 * membership recorded in a stakeholder group other than employees also disqualifies.
 */
export function classEligibility({
  seatClass,
  attestation,
  stakeholderGroup,
}: {
  seatClass: SeatClassKey;
  attestation: Attestation | null;
  stakeholderGroup: string | null;
}): RuleResult {
  if (!isClassSeat(seatClass)) return { ok: true };
  const label = seatClassLabel(seatClass);
  if (!attestation || attestation.seatClass !== seatClass || attestation.declaration.trim() === '') {
    return refused('seat_class.declaration_missing', { seatClass: label });
  }
  if (seatClass === 'employee_representative' && stakeholderGroup !== null && !/^employees?$/i.test(stakeholderGroup)) {
    return refused('seat_class.not_employee', { group: stakeholderGroup });
  }
  if (!attestation.declaredByAppointee) {
    return refused('seat_class.declaration_pending', { seatClass: label });
  }
  return { ok: true };
}

/** Seat classes in charter order: the minimums first, the remaining seats 'general'. */
export function seatClassesFor(body: Charter['bodies'][number]): string[] {
  const classes: string[] = [];
  for (const [seatClass, minimum] of Object.entries(body.seatClassMinimums)) for (let i = 0; i < minimum; i++) classes.push(seatClass);
  while (classes.length < body.charterSeats) classes.push('general');
  return classes.slice(0, body.charterSeats);
}
