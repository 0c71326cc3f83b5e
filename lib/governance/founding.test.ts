import { describe, expect, it } from 'vitest';
import { canFoundingAppoint, checkFoundingClose, foundingStatus } from './founding';

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

describe('foundingStatus and checkFoundingClose', () => {
  const seats = (held: number, vacant: number) => [
    ...Array.from({ length: held }, () => ({ holderUserId: 'someone' })),
    ...Array.from({ length: vacant }, () => ({ holderUserId: null })),
  ];
  it('is open until the first publication and counts the vacant seats', () => {
    expect(foundingStatus({ anyProposalPublished: false, seats: seats(2, 3) })).toEqual({ open: true, vacantSeats: 3 });
    expect(foundingStatus({ anyProposalPublished: true, seats: seats(2, 3) })).toEqual({ open: false, vacantSeats: 3 });
  });
  it('asks for a confirmation only when the first publication leaves seats vacant', () => {
    expect(checkFoundingClose({ founding: { open: true, vacantSeats: 3 }, confirmed: false })).toMatchObject({
      ok: false,
      code: 'founding.close_unconfirmed',
      params: { vacant: '3 seats are' },
    });
    expect(checkFoundingClose({ founding: { open: true, vacantSeats: 1 }, confirmed: false })).toMatchObject({ params: { vacant: '1 seat is' } });
    expect(checkFoundingClose({ founding: { open: true, vacantSeats: 3 }, confirmed: true })).toEqual({ ok: true });
    expect(checkFoundingClose({ founding: { open: true, vacantSeats: 0 }, confirmed: false })).toEqual({ ok: true });
    expect(checkFoundingClose({ founding: { open: false, vacantSeats: 3 }, confirmed: false })).toEqual({ ok: true });
  });
});
