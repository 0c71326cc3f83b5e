import { describe, expect, it } from 'vitest';
import { findType } from './charter';
import { applyCharterAmendment, seatChangeAllowed } from './effects';
import { nonprofit, seatsOf } from './test-fixtures';

describe('applyCharterAmendment', () => {
  it('produces the next version from a valid amendment', () => {
    const current = nonprofit();
    const proposed = nonprofit();
    proposed.bodies[0]!.charterSeats = 11;
    const result = applyCharterAmendment(current, proposed);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.charter.version).toBe(2);
    expect(result.charter.bodies[0]?.charterSeats).toBe(11);
    // The inputs are untouched and not aliased.
    expect(current.version).toBe(1);
    expect(result.charter.bodies[0]).not.toBe(proposed.bodies[0]);
  });

  it('accepts a proposal already numbered current + 1', () => {
    const result = applyCharterAmendment(nonprofit(), { ...nonprofit(), version: 2 });
    expect(result.ok && result.charter.version).toBe(2);
  });

  it('refuses an amendment drafted against another version', () => {
    const current = { ...nonprofit(), version: 5 };
    expect(applyCharterAmendment(current, { ...nonprofit(), version: 3 })).toEqual({
      ok: false,
      errors: ['This amendment was drafted against charter version 3, but the charter is at version 5. Redraft it against the current charter.'],
    });
  });

  it('refuses an amendment that would remove the protections (invalid charter)', () => {
    const proposed = nonprofit();
    findType(proposed, 'officer_removal').stages[0]!.thresholdBase = 'votes_cast';
    const result = applyCharterAmendment(nonprofit(), proposed);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join(' ')).toMatch(/officer_removal/);
  });
});

describe('seatChangeAllowed', () => {
  const [held, , , , , , , , vacant] = seatsOf('board', 9, 8); // board-1 held by user-1; board-9 vacant

  it('an appointment fills a vacant seat', () => {
    expect(seatChangeAllowed({ effect: 'seat_appointment', seat: vacant!, subjectUserId: null, appointeeUserId: 'user-42', bodyKey: 'board' })).toEqual({
      ok: true,
    });
  });

  it('an appointment cannot take a held seat', () => {
    expect(seatChangeAllowed({ effect: 'seat_appointment', seat: held!, subjectUserId: null, appointeeUserId: 'user-42' }).ok).toBe(false);
  });

  it('an appointment must name the appointee', () => {
    expect(seatChangeAllowed({ effect: 'seat_appointment', seat: vacant!, subjectUserId: null, appointeeUserId: null }).ok).toBe(false);
  });

  it('an appointment must be to a seat of the named body', () => {
    expect(seatChangeAllowed({ effect: 'seat_appointment', seat: vacant!, subjectUserId: null, appointeeUserId: 'user-42', bodyKey: 'members' }).ok).toBe(
      false,
    );
  });

  it('one person, one seat: an appointee already seated in the body is refused', () => {
    const bodySeats = seatsOf('board', 9, 8);
    expect(seatChangeAllowed({ effect: 'seat_appointment', seat: vacant!, subjectUserId: null, appointeeUserId: 'user-3', bodySeats }).ok).toBe(false);
    expect(seatChangeAllowed({ effect: 'seat_appointment', seat: vacant!, subjectUserId: null, appointeeUserId: 'user-42', bodySeats }).ok).toBe(true);
  });

  it('a removal needs the seat held by the subject', () => {
    expect(seatChangeAllowed({ effect: 'seat_removal', seat: held!, subjectUserId: 'user-1', appointeeUserId: null })).toEqual({ ok: true });
    expect(seatChangeAllowed({ effect: 'seat_removal', seat: held!, subjectUserId: 'user-2', appointeeUserId: null }).ok).toBe(false);
    expect(seatChangeAllowed({ effect: 'seat_removal', seat: vacant!, subjectUserId: 'user-1', appointeeUserId: null }).ok).toBe(false);
    expect(seatChangeAllowed({ effect: 'seat_removal', seat: held!, subjectUserId: null, appointeeUserId: null }).ok).toBe(false);
  });

  it('other effects change no seats', () => {
    for (const effect of ['resolution', 'charter_amendment', 'sanction'] as const) {
      expect(seatChangeAllowed({ effect, seat: vacant!, subjectUserId: null, appointeeUserId: 'user-42' }).ok).toBe(false);
    }
  });
});
