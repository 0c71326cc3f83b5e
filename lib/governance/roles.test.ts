import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvitationChange, checkInvite, checkLeave, checkRemoval, checkRoleChange, hasRole, membershipRoles } from './roles';
import type { Role } from './roles';

describe('hasRole', () => {
  it('orders observer < member < secretary < admin', () => {
    expect(hasRole('admin', 'secretary')).toBe(true);
    expect(hasRole('secretary', 'member')).toBe(true);
    expect(hasRole('member', 'secretary')).toBe(false);
    expect(hasRole('observer', 'member')).toBe(false);
    expect(hasRole('observer', 'observer')).toBe(true);
  });

  it('refuses a missing membership', () => {
    expect(hasRole(null, 'observer')).toBe(false);
    expect(hasRole(undefined, 'observer')).toBe(false);
  });
});

describe('checkRoleChange', () => {
  it('lets an admin change another member’s role', () => {
    expect(checkRoleChange({ actorRole: 'admin', targetRole: 'member', newRole: 'secretary', adminCount: 1 })).toEqual({ ok: true });
  });

  it.each<Role | null>(['secretary', 'member', 'observer', null])('refuses a %s', (actorRole) => {
    const result = checkRoleChange({ actorRole, targetRole: 'member', newRole: 'admin', adminCount: 1 });
    expect(result).toEqual({ ok: false, code: 'role.change_admin_only', reason: 'Only an admin of this organization can change roles.' });
  });

  it('refuses demoting the last admin, including oneself', () => {
    const result = checkRoleChange({ actorRole: 'admin', targetRole: 'admin', newRole: 'member', adminCount: 1 });
    expect(result).toMatchObject({ ok: false, code: 'role.last_admin' });
  });

  it('allows demoting an admin when another admin remains', () => {
    expect(checkRoleChange({ actorRole: 'admin', targetRole: 'admin', newRole: 'observer', adminCount: 2 }).ok).toBe(true);
  });

  it('refuses a change to the same role with a clear message', () => {
    const result = checkRoleChange({ actorRole: 'admin', targetRole: 'member', newRole: 'member', adminCount: 1 });
    expect(result).toMatchObject({ ok: false, code: 'role.unchanged', reason: 'This member is already a member.' });
  });

  it('never approves a change that leaves zero admins (property)', () => {
    const role = fc.constantFrom(...membershipRoles);
    fc.assert(
      fc.property(fc.option(role, { nil: null }), role, role, fc.integer({ min: 0, max: 5 }), (actorRole, targetRole, newRole, extra) => {
        const adminCount = (targetRole === 'admin' ? 1 : 0) + extra;
        // A consistent state: an acting admin is one of the admins counted.
        fc.pre(actorRole !== 'admin' || adminCount >= 1);
        const result = checkRoleChange({ actorRole, targetRole, newRole, adminCount });
        if (!result.ok) return;
        const after = adminCount - (targetRole === 'admin' ? 1 : 0) + (newRole === 'admin' ? 1 : 0);
        expect(actorRole).toBe('admin');
        expect(after).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});

describe('checkInvite', () => {
  it('never makes a seat holder an observer: observers never vote, so a body would be silenced without a vacancy', () => {
    expect(checkRoleChange({ actorRole: 'admin', targetRole: 'member', newRole: 'observer', adminCount: 1, seatsHeld: 1 })).toMatchObject({
      ok: false,
      code: 'role.seat_holder_to_observer',
    });
    expect(checkRoleChange({ actorRole: 'admin', targetRole: 'member', newRole: 'observer', adminCount: 1, seatsHeld: 0 })).toEqual({ ok: true });
    expect(checkRoleChange({ actorRole: 'admin', targetRole: 'member', newRole: 'secretary', adminCount: 1, seatsHeld: 2 })).toEqual({ ok: true });
  });

  it('only admins invite', () => {
    expect(checkInvite('admin')).toEqual({ ok: true });
    for (const r of ['secretary', 'member', 'observer', null] as const) expect(checkInvite(r).ok).toBe(false);
  });
});

describe('removing a member and leaving', () => {
  const base = { actorRole: 'admin' as const, targetRole: 'member' as const, adminCount: 1, seatsHeld: 0 };
  it('only an admin removes, never the last admin, never a seat holder, never themselves', () => {
    expect(checkRemoval({ ...base, isSelf: false })).toEqual({ ok: true });
    expect(checkRemoval({ ...base, actorRole: 'secretary', isSelf: false }).ok).toBe(false);
    expect(checkRemoval({ ...base, targetRole: 'admin', isSelf: false }).ok).toBe(false);
    expect(checkRemoval({ ...base, targetRole: 'admin', adminCount: 2, isSelf: false }).ok).toBe(true);
    expect(checkRemoval({ ...base, isSelf: true }).ok).toBe(false);
    const seated = checkRemoval({ ...base, seatsHeld: 2, isSelf: false });
    expect(seated).toMatchObject({ ok: false, code: 'membership.remove_seat_holder', reason: expect.stringContaining('holds 2 seats') });
  });
  it('anyone may leave except the last admin and a seat holder', () => {
    expect(checkLeave({ ...base, actorRole: 'observer', targetRole: 'observer' })).toEqual({ ok: true });
    expect(checkLeave({ ...base, actorRole: 'admin', targetRole: 'admin' }).ok).toBe(false);
    expect(checkLeave({ ...base, actorRole: 'admin', targetRole: 'admin', adminCount: 2 }).ok).toBe(true);
    expect(checkLeave({ ...base, actorRole: 'member', seatsHeld: 1 }).ok).toBe(false);
    expect(checkLeave({ ...base, actorRole: null }).ok).toBe(false);
  });
});

describe('checkInvitationChange (revoke, resend)', () => {
  it('lets an admin act on a pending invitation only', () => {
    expect(checkInvitationChange('admin', true)).toEqual({ ok: true });
    expect(checkInvitationChange('admin', false)).toMatchObject({ ok: false, code: 'invitation.not_pending' });
  });

  it('refuses everyone but an admin, pending or not', () => {
    fc.assert(
      fc.property(fc.constantFrom<Role | null>('secretary', 'member', 'observer', null), fc.boolean(), (role, pending) => {
        expect(checkInvitationChange(role, pending)).toMatchObject({ ok: false, code: 'invitation.manage_admin_only' });
      }),
    );
  });
});
