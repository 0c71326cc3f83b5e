import { refused } from './refusal';
import type { Role } from './roles';
import type { RuleResult } from './types';

/**
 * Founding appointments bootstrap a new organization: its charter starts with every seat
 * vacant, and a body with no holders could never vote to fill itself. So an admin may seat the
 * founding holders — but only until the first proposal is published. From then on, seats change
 * only through appointment, election and removal proposals or a holder's own resignation, and
 * every founding appointment stays in the public log. The one exception: a body nobody in office
 * may refill (every body that could fill its vacancies is empty) reopens to founding appointments.
 */
export function canFoundingAppoint(input: {
  role: Role | null;
  anyProposalPublished: boolean;
  seatVacant: boolean;
  appointeeIsMember: boolean;
  appointeeHoldsSeatInBody: boolean;
  /**
   * Nobody in office may fill this body's vacancies (vacancy.isStranded): every body that could
   * has nobody in office. Founding appointments then reopen for this body alone, or nothing
   * could ever be decided again; each such appointment is logged as a reopened founding.
   */
  bodyStranded?: boolean;
}): RuleResult {
  if (input.role !== 'admin') return refused('founding.admin_only');
  if (input.anyProposalPublished && !input.bodyStranded) return refused('founding.closed');
  if (!input.seatVacant) return refused('founding.seat_held');
  if (!input.appointeeIsMember) return refused('founding.not_voting_member');
  if (input.appointeeHoldsSeatInBody) return refused('founding.one_seat_per_body');
  return { ok: true };
}

/** Where the founding period stands: open until the first proposal is published, and how many seats are still vacant. */
export type FoundingStatus = { open: boolean; vacantSeats: number };

export function foundingStatus(input: { anyProposalPublished: boolean; seats: readonly { holderUserId: string | null }[] }): FoundingStatus {
  return { open: !input.anyProposalPublished, vacantSeats: input.seats.filter((s) => s.holderUserId === null).length };
}

/** "1 seat is" / "3 seats are": the vacant seats, as the founding notices say them. */
export function vacantSeatsText(count: number): string {
  return count === 1 ? '1 seat is' : `${count} seats are`;
}

/**
 * Publishing the organization's first proposal closes founding appointments for good. While seats
 * are still vacant the publisher must say they understand that (`confirmed`); with every seat
 * filled, or after the first publication, there is nothing to confirm.
 */
export function checkFoundingClose(input: { founding: FoundingStatus; confirmed: boolean }): RuleResult {
  const { open, vacantSeats } = input.founding;
  if (open && vacantSeats > 0 && !input.confirmed) return refused('founding.close_unconfirmed', { vacant: vacantSeatsText(vacantSeats) });
  return { ok: true };
}
