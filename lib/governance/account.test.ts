import { describe, expect, it } from 'vitest';
import { checkAccountDeletion } from './account';
import type { DeletionMembership } from './account';

const m = (over: Partial<DeletionMembership> = {}): DeletionMembership => ({
  orgName: 'Garden',
  role: 'member',
  accepted: true,
  seatsHeld: 0,
  adminCount: 1,
  ...over,
});

describe('checkAccountDeletion', () => {
  it('allows a person with no memberships, or plain memberships', () => {
    expect(checkAccountDeletion([])).toEqual({ ok: true });
    expect(checkAccountDeletion([m(), m({ role: 'observer' })])).toEqual({ ok: true });
  });
  it('refuses a seat holder, naming the organization', () => {
    const r = checkAccountDeletion([m(), m({ orgName: 'Board Co', seatsHeld: 2 })]);
    expect(r).toMatchObject({ ok: false, code: 'account.delete_seat_holder', params: { seats: '2 seats', organization: 'Board Co' } });
  });
  it('refuses the last admin, but not one of two admins', () => {
    expect(checkAccountDeletion([m({ role: 'admin', adminCount: 1 })])).toMatchObject({ ok: false, code: 'account.delete_last_admin' });
    expect(checkAccountDeletion([m({ role: 'admin', adminCount: 2 })])).toEqual({ ok: true });
  });
  it('ignores pending invitations', () => {
    expect(checkAccountDeletion([m({ accepted: false, role: 'admin', seatsHeld: 1 })])).toEqual({ ok: true });
  });
});
