import { refused } from './refusal';
import type { Role } from './roles';
import type { RuleResult } from './types';

/** The words a person types to confirm deleting their account. */
export const deleteAccountPhrase = 'delete my account';

/** One organization the person belongs to, as the deletion rule needs it. */
export type DeletionMembership = { orgName: string; role: Role; accepted: boolean; seatsHeld: number; adminCount: number };

/**
 * Deleting an account ends every membership at once, so it obeys the rules of leaving in each
 * organization: a seat is never vacated around the charter (the holder resigns first, and the
 * charter's procedure for filling the seat applies), and an organization is never left without
 * an admin. Pending invitations do not count: they simply go.
 */
export function checkAccountDeletion(ms: readonly DeletionMembership[]): RuleResult {
  for (const m of ms) {
    if (!m.accepted) continue;
    if (m.seatsHeld > 0)
      return refused('account.delete_seat_holder', { seats: m.seatsHeld === 1 ? 'a seat' : `${m.seatsHeld} seats`, organization: m.orgName });
  }
  for (const m of ms) {
    if (m.accepted && m.role === 'admin' && m.adminCount <= 1) return refused('account.delete_last_admin', { organization: m.orgName });
  }
  return { ok: true };
}
