import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBody, findType, validateCharter } from './charter';
import { canFoundingAppoint } from './founding';
import { classEligibility, defaultDeclaration } from './seat-class';
import { bodyStrength } from './strength';
import { tallyStage } from './tally';
import { T0, nonprofit, seatsOf } from './test-fixtures';
import { charterFromTemplate, charterTemplates } from './templates';
import type { CharterTemplateKey } from './templates';
import type { Ballot, Charter, SeatState } from './types';
import { canAppointToBody, holdersInOffice, isStranded, oneSeatPerBody, remainingMajorityBase, vacancyFillingOf } from './vacancy';

/** Seat classes as an organization's seats are created: the class minimums first, then general. */
function classesOf(charter: Charter, bodyKey: string): string[] {
  const body = findBody(charter, bodyKey);
  const out: string[] = [];
  for (const [c, n] of Object.entries(body.seatClassMinimums)) for (let i = 0; i < n; i++) out.push(c);
  while (out.length < body.charterSeats) out.push('general');
  return out;
}

/** Every seat of every body, the first `filled[body]` held by distinct people. */
function orgSeats(charter: Charter, filled: Record<string, number>): SeatState[] {
  return charter.bodies.flatMap((b) =>
    classesOf(charter, b.key).map((seatClass, i) => ({
      seatId: `${b.key}-${i + 1}`,
      bodyKey: b.key,
      seatClass,
      holderUserId: i < (filled[b.key] ?? b.charterSeats) ? `${b.key}-holder-${i + 1}` : null,
      vacatedAt: i < (filled[b.key] ?? b.charterSeats) ? null : T0,
    })),
  );
}

/**
 * Would this seat-appointment type pass if every person in office in its deciding bodies voted
 * yes, under the pure rules (quorum, threshold, remaining majority snapshotted at open)?
 */
function passesWithAllYes(charter: Charter, typeKey: string, seats: SeatState[]): boolean {
  const type = findType(charter, typeKey);
  return type.stages.every((spec, stageIndex) => {
    const body = findBody(charter, spec.bodyKey);
    const seen = new Set<string>();
    const ballots: Ballot[] = seats
      .filter((s) => s.bodyKey === body.key && s.holderUserId !== null && !seen.has(s.holderUserId) && seen.add(s.holderUserId))
      .map((s) => ({ seatId: s.seatId, voterUserId: s.holderUserId!, choice: 'yes', castAt: T0 }));
    const holders = remainingMajorityBase({ charter, type, stageIndex, seats });
    return tallyStage({ ballots, stage: spec, body, charterSeats: body.charterSeats, recusedSeatIds: [], holdersInOffice: holders }).passed;
  });
}

/**
 * Greedy refill by allowed decisions only: for each vacancy, a seat-appointment type that may
 * fill it now, passing with the holders in office voting yes, naming a fresh eligible person who
 * holds no seat of that body. Filling a seat never makes another decision harder, so if greedy
 * gets stuck, no order succeeds. When nobody in office may fill a body, founding reopens for it.
 */
function refill(charter: Charter, start: SeatState[]): { ok: boolean; seats: SeatState[]; stuck?: string } {
  const seats = start.map((s) => ({ ...s }));
  let fresh = 0;
  for (let guard = 0; guard < 200; guard++) {
    const vacant = seats.filter((s) => s.holderUserId === null);
    if (vacant.length === 0) return { ok: true, seats };
    let progress = false;
    for (const seat of vacant) {
      const appointee = `new-${++fresh}`;
      const eligible = classEligibility({
        seatClass: seat.seatClass,
        attestation: { seatClass: seat.seatClass, declaration: defaultDeclaration(seat.seatClass), declaredByAppointee: true },
        stakeholderGroup: null,
      }).ok;
      const oneSeat = oneSeatPerBody({ seats, seat, appointeeUserId: appointee, appointeeName: appointee, bodyName: seat.bodyKey }).ok;
      const type = charter.proposalTypes.find(
        (t) =>
          t.effect === 'seat_appointment' &&
          canAppointToBody({ charter, type: t, seatBodyKey: seat.bodyKey, seats }).ok &&
          passesWithAllYes(charter, t.key, seats),
      );
      if (type && eligible && oneSeat) {
        seat.holderUserId = appointee;
        seat.vacatedAt = null;
        progress = true;
      }
    }
    if (progress) continue;
    // Total wipe-out of every body that could fill these vacancies: founding appointments reopen.
    for (const seat of vacant) {
      const rule = canFoundingAppoint({
        role: 'admin',
        anyProposalPublished: true,
        seatVacant: true,
        appointeeIsMember: true,
        appointeeHoldsSeatInBody: false,
        bodyStranded: isStranded(charter, seat.bodyKey, seats),
      });
      if (rule.ok) {
        seat.holderUserId = `founder-${++fresh}`;
        seat.vacatedAt = null;
        progress = true;
        break;
      }
    }
    if (!progress) return { ok: false, seats, stuck: vacant.map((s) => s.seatId).join(', ') };
  }
  return { ok: false, seats, stuck: 'no end' };
}

const templateKeys = Object.keys(charterTemplates) as CharterTemplateKey[];

describe('remaining-majority vacancy filling (tally)', () => {
  const charter = nonprofit();
  const board = findBody(charter, 'board');
  const stage = findType(charter, 'seat_appointment').stages[0]!;
  const yes = (n: number): Ballot[] =>
    Array.from({ length: n }, (_, i) => ({ seatId: `board-${i + 1}`, voterUserId: `user-${i + 1}`, choice: 'yes', castAt: T0 }));

  it('a board of 4 of 9 fills a vacancy with 3 yes votes (more than half of those in office)', () => {
    const t = tallyStage({ ballots: yes(3), stage, body: board, charterSeats: 9, recusedSeatIds: [], holdersInOffice: 4 });
    expect(t.quorumMet).toBe(false);
    expect(t.remainingMajority).toEqual({ holdersInOffice: 4, yesRequired: 3, met: true });
    expect(t.outcome).toBe('passed');
  });
  it('but not with 2 of 4, nor without the snapshot (the normal quorum of 5 applies)', () => {
    expect(tallyStage({ ballots: yes(2), stage, body: board, charterSeats: 9, recusedSeatIds: [], holdersInOffice: 4 }).outcome).toBe('failed_quorum');
    expect(tallyStage({ ballots: yes(4), stage, body: board, charterSeats: 9, recusedSeatIds: [] }).outcome).toBe('failed_quorum');
  });
  it('a board of 5 no longer needs unanimity: 3 of 5 suffice', () => {
    expect(tallyStage({ ballots: yes(3), stage, body: board, charterSeats: 9, recusedSeatIds: [], holdersInOffice: 5 }).passed).toBe(true);
  });
  it('the snapshot is taken only for seat appointments of a body that fills by remaining majority', () => {
    const seats = orgSeats(charter, { board: 4 });
    expect(remainingMajorityBase({ charter, type: findType(charter, 'seat_appointment'), stageIndex: 0, seats })).toBe(4);
    expect(remainingMajorityBase({ charter, type: findType(charter, 'resolution'), stageIndex: 0, seats })).toBeNull();
    const off = structuredClone(charter);
    off.bodies[0]!.vacancyFilling = { byOwnBody: true, byRemainingMajority: false, byBodyKey: 'members' };
    expect(remainingMajorityBase({ charter: off, type: findType(off, 'seat_appointment'), stageIndex: 0, seats })).toBeNull();
  });
});

describe('who fills a vacancy', () => {
  const charter = nonprofit();
  const byMembers = findType(charter, 'board_vacancy_by_members');
  const byBoard = findType(charter, 'seat_appointment');

  it('the board fills its own vacancies; the assembly only while nobody holds a board seat', () => {
    const four = orgSeats(charter, { board: 4 });
    expect(canAppointToBody({ charter, type: byBoard, seatBodyKey: 'board', seats: four })).toEqual({ ok: true });
    expect(canAppointToBody({ charter, type: byMembers, seatBodyKey: 'board', seats: four })).toMatchObject({
      ok: false,
      code: 'vacancy.filler_while_empty_many',
      reason: 'The member assembly fills vacancies of the board only while nobody holds a seat of it; 4 people hold one and the board fills its own vacancies.',
    });
    expect(canAppointToBody({ charter, type: byMembers, seatBodyKey: 'board', seats: orgSeats(charter, { board: 0 }) })).toEqual({ ok: true });
  });
  it('the assembly does not admit its own members; the board does', () => {
    const seats = orgSeats(charter, {});
    expect(canAppointToBody({ charter, type: byMembers, seatBodyKey: 'members', seats })).toMatchObject({
      ok: false,
      code: 'vacancy.not_own_body_filled_by',
      reason: 'The member assembly does not fill its own vacancies; the board does.',
    });
    expect(canAppointToBody({ charter, type: byBoard, seatBodyKey: 'members', seats })).toEqual({ ok: true });
  });
  it('one person, one seat per body — named in words', () => {
    const seats = orgSeats(charter, { board: 6 }).map((s, i) => ({ ...s, position: i + 1 }));
    const r = oneSeatPerBody({ seats, seat: seats[7]!, appointeeUserId: 'board-holder-3', appointeeName: 'Dana Reyes', bodyName: 'Board' });
    expect(r).toMatchObject({
      ok: false,
      code: 'vacancy.one_seat_per_body',
      reason: 'Dana Reyes already holds seat 3 of the board; one person holds one seat per body.',
    });
    expect(oneSeatPerBody({ seats, seat: seats[7]!, appointeeUserId: 'someone-else', appointeeName: 'X', bodyName: 'Board' })).toEqual({ ok: true });
  });
  it('counts people in office, not seats', () => {
    const seats = seatsOf('board', 9, 3);
    seats[5] = { ...seats[5]!, holderUserId: 'user-1', vacatedAt: null };
    expect(holdersInOffice(seats, 'board')).toBe(3);
  });
  it('charters stored without the setting read as what their appointment types did', () => {
    const legacy = nonprofit();
    for (const b of legacy.bodies) delete b.vacancyFilling;
    legacy.proposalTypes = legacy.proposalTypes.filter((t) => t.key !== 'board_vacancy_by_members');
    expect(validateCharter(legacy)).toEqual({ ok: true });
    expect(vacancyFillingOf(legacy, findBody(legacy, 'board'))).toEqual({ byOwnBody: true, byRemainingMajority: true, byBodyKey: null });
    expect(vacancyFillingOf(legacy, findBody(legacy, 'members'))).toEqual({ byOwnBody: false, byRemainingMajority: true, byBodyKey: 'board' });
  });
  it('validateCharter refuses a body nobody may refill, or a filling body that decides no appointments', () => {
    const c = nonprofit();
    c.bodies[1]!.vacancyFilling = { byOwnBody: false, byRemainingMajority: true, byBodyKey: null };
    c.bodies[0]!.vacancyFilling = { byOwnBody: true, byRemainingMajority: true, byBodyKey: 'nowhere' };
    const v = validateCharter(c);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.errors).toEqual(
      expect.arrayContaining([
        'Body "members": nobody fills its vacancies; it must fill them itself or name another body that does.',
        'Body "board": its vacancies are filled by body "nowhere", which the charter does not define.',
      ]),
    );
    const noType = nonprofit();
    noType.proposalTypes = noType.proposalTypes.filter((t) => t.key !== 'board_vacancy_by_members');
    expect(validateCharter(noType)).toMatchObject({
      ok: false,
      errors: [
        'Body "board": its vacancies are filled by body "members", so the charter needs a seat-appointment or seat-election proposal type decided by that body.',
      ],
    });
  });
  it('every template says, for every body, who fills its vacancies and whether class shortfalls block', () => {
    for (const key of templateKeys) {
      // A member-wide body has no seats, so no vacancies (electorate.ts).
      for (const b of charterTemplates[key].charter.bodies.filter((x) => !x.electorate)) {
        expect(b.vacancyFilling, `${key}/${b.key}`).toBeDefined();
        expect(b.classShortfallBlocksCriticalDecisions, `${key}/${b.key}`).toBe(true);
      }
    }
  });
});

describe('founding appointments after a total wipe-out', () => {
  const charter = nonprofit();
  it('reopen only for a body nobody in office may fill', () => {
    expect(isStranded(charter, 'board', orgSeats(charter, { board: 0, members: 0 }))).toBe(true);
    expect(isStranded(charter, 'board', orgSeats(charter, { board: 0, members: 3 }))).toBe(false);
    expect(isStranded(charter, 'members', orgSeats(charter, { board: 1, members: 0 }))).toBe(false);
    const args = { role: 'admin' as const, anyProposalPublished: true, seatVacant: true, appointeeIsMember: true, appointeeHoldsSeatInBody: false };
    expect(canFoundingAppoint({ ...args, bodyStranded: false }).ok).toBe(false);
    expect(canFoundingAppoint({ ...args, bodyStranded: true }).ok).toBe(true);
  });
});

describe('every body can always return to full strength (property)', () => {
  it('the old rules fail it: a 4-of-9 nonprofit board without remaining majority or a fallback body is stuck', () => {
    const old = nonprofit();
    old.bodies[0]!.vacancyFilling = { byOwnBody: true, byRemainingMajority: false, byBodyKey: null };
    old.bodies[1]!.vacancyFilling = { byOwnBody: false, byRemainingMajority: false, byBodyKey: 'board' };
    const r = refill(old, orgSeats(old, { board: 4 }));
    expect(r.ok).toBe(false);
    expect(refill(nonprofit(), orgSeats(nonprofit(), { board: 4 })).ok).toBe(true);
  });

  it('from random reachable seat states of every template, allowed appointments bring every body to full strength', () => {
    const op = fc.record({ kind: fc.constantFrom('vacate', 'vacate', 'appoint'), seat: fc.nat(), person: fc.integer({ min: 1, max: 60 }) });
    fc.assert(
      fc.property(fc.constantFrom(...templateKeys), fc.array(op, { maxLength: 120 }), fc.boolean(), (key, ops, startEmpty) => {
        const charter = charterFromTemplate(key);
        const seats = orgSeats(charter, startEmpty ? Object.fromEntries(charter.bodies.map((b) => [b.key, 0])) : {});
        for (const o of ops) {
          const seat = seats[o.seat % seats.length]!;
          if (o.kind === 'vacate' && seat.holderUserId !== null) {
            seat.holderUserId = null; // a resignation or a removal
            seat.vacatedAt = T0;
          } else if (o.kind === 'appoint' && seat.holderUserId === null) {
            const person = `p-${o.person}`;
            // Any appointment the rules could have made: one person, one seat per body.
            if (!seats.some((s) => s.bodyKey === seat.bodyKey && s.holderUserId === person)) {
              seat.holderUserId = person;
              seat.vacatedAt = null;
            }
          }
        }
        const result = refill(charter, seats);
        expect(result.ok, `${key}: stuck at ${result.stuck}`).toBe(true);
        for (const body of charter.bodies) {
          const strength = bodyStrength(body, result.seats, T0);
          expect(strength.isAtFullStrength, `${key}/${body.key}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
