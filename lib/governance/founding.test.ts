import { describe, expect, it } from 'vitest';
import { canFoundingAppoint } from './founding';

const ok = { role: 'admin' as const, anyProposalPublished: false, seatVacant: true, appointeeIsMember: true, appointeeHoldsSeatInBody: false };

describe('canFoundingAppoint', () => {
  it('lets an admin seat a member in a vacant seat before any publication', () => {
    expect(canFoundingAppoint(ok)).toEqual({ ok: true });
  });
  it('closes for good once a proposal has been published', () => {
    expect(canFoundingAppoint({ ...ok, anyProposalPublished: true })).toMatchObject({
      ok: false,
      code: 'founding.closed',
    });
  });
  it.each(['secretary', 'member', 'observer', null] as const)('refuses a %s', (role) => {
    expect(canFoundingAppoint({ ...ok, role }).ok).toBe(false);
  });
  it('refuses held seats, non-members and second seats in one body', () => {
    expect(canFoundingAppoint({ ...ok, seatVacant: false }).ok).toBe(false);
    expect(canFoundingAppoint({ ...ok, appointeeIsMember: false }).ok).toBe(false);
    expect(canFoundingAppoint({ ...ok, appointeeHoldsSeatInBody: true }).ok).toBe(false);
  });
});
