import { describe, expect, it } from 'vitest';
import { findBody, findType } from './charter';
import { checkEmergencyMotion, emergencyStatus } from './emergency';
import { T0, ballots, hoursAfter, nonprofit, passedEmergencyResolution, stageRecord } from './test-fixtures';

const charter = nonprofit();
const board = findBody(charter, 'board');
const emergencyType = findType(charter, 'emergency_resolution'); // motion 3/4 of charter seats
const H = (h: number) => hoursAfter(T0, h);

describe('checkEmergencyMotion', () => {
  it('needs 3/4 of the board’s 9 charter seats: 7, whatever the headcount', () => {
    expect(checkEmergencyMotion({ type: emergencyType, body: board, charterSeats: 9, yesVotes: 7 })).toEqual({ ok: true });
    expect(checkEmergencyMotion({ type: emergencyType, body: board, charterSeats: 9, yesVotes: 6 })).toMatchObject({
      ok: false,
      code: 'emergency.motion_short',
      reason: 'The emergency motion needs 7 of the board’s 9 charter seats (3/4 or more); it has 6.',
    });
  });

  it('refuses a type without an emergency procedure', () => {
    const result = checkEmergencyMotion({ type: findType(charter, 'officer_removal'), body: board, charterSeats: 9, yesVotes: 9 });
    expect(result).toMatchObject({ ok: false, code: 'emergency.not_available' });
  });

  it('refuses a motion by a body other than the first stage’s', () => {
    expect(checkEmergencyMotion({ type: emergencyType, body: findBody(charter, 'members'), charterSeats: 25, yesVotes: 25 }).ok).toBe(false);
  });
});

describe('emergencyStatus', () => {
  const passed = passedEmergencyResolution(charter);
  const deadline = H(72 + 30 * 24);

  it('gives the ratification deadline once passed', () => {
    expect(emergencyStatus(passed, charter, H(100))).toEqual({ deadline, ratified: false, lapsed: false });
  });

  it('lapsed at the deadline without ratification', () => {
    expect(emergencyStatus(passed, charter, deadline)).toEqual({ deadline, ratified: false, lapsed: true });
  });

  it('ratified in time', () => {
    expect(emergencyStatus({ ...passed, ratifiedAt: H(200) }, charter, H(2000))).toEqual({ deadline, ratified: true, lapsed: false });
  });

  it('ratified too late: lapsed', () => {
    expect(emergencyStatus({ ...passed, ratifiedAt: hoursAfter(deadline, 1) }, charter, H(2000))).toEqual({ deadline, ratified: false, lapsed: true });
  });

  it('no deadline before passing, for a rejected decision, or without an emergency', () => {
    expect(emergencyStatus(passed, charter, H(60))).toEqual({ deadline: null, ratified: false, lapsed: false });
    const rejected = { ...passed, stages: [stageRecord({ opensAt: H(48), closesAt: H(72), ballots: ballots({ no: 6 }, H(50)) })] };
    expect(emergencyStatus(rejected, charter, H(2000)).deadline).toBeNull();
    expect(emergencyStatus({ ...passed, emergencyApprovedAt: null }, charter, H(2000)).deadline).toBeNull();
  });
});
