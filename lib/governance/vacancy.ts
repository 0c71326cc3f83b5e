/**
 * Who may fill a body's vacancies, and one person, one seat per body.
 *
 * Lessons behind the rules:
 * - A board of 6 of 9 appointed one of its members to a second seat, reached "7 of 9" and so
 *   unblocked a removal: one person holds at most one seat of a body, and strength counts people.
 * - A board of 4 of 9 could never refill itself (its appointments needed a quorum of 5): as
 *   statutes allow, the directors remaining in office fill vacancies by their own majority, and
 *   another body (the member assembly) fills them when nobody is left in office.
 * - If every body that could fill a vacancy is empty, nothing can ever be decided again: founding
 *   appointments by an admin then reopen for that body — and only for it — in the public log.
 */
import { findBody } from './lookup';
import { refused } from './refusal';
import { bodiesParam } from './refusal-facts';
import type { BodySpec, Charter, ProposalTypeSpec, RuleResult, SeatState, VacancyFilling } from './types';

/**
 * The body's vacancy-filling settings. Charters stored before the setting existed read as what
 * their appointment types already did: a body fills its own vacancies when some seat-appointment
 * type is decided by it, otherwise the first body that decides one fills them; and every body
 * may fill by remaining majority (the rule the documentation always promised).
 */
export function vacancyFillingOf(charter: Charter, body: BodySpec): VacancyFilling {
  if (body.vacancyFilling) return body.vacancyFilling;
  const appointing = charter.proposalTypes.filter(fillsSeats).map((t) => t.stages[0]?.bodyKey);
  const byOwnBody = appointing.includes(body.key);
  const other = appointing.find((key) => key !== undefined && key !== body.key) ?? null;
  return { byOwnBody, byRemainingMajority: true, byBodyKey: byOwnBody ? null : other };
}

/** Does a proposal of this type fill vacant seats (an appointment, or an election of several)? */
export function fillsSeats(type: ProposalTypeSpec): boolean {
  return type.effect === 'seat_appointment' || type.effect === 'seat_election';
}

/** How many different people hold a seat of the body (a person counts once, whatever the records say). */
export function holdersInOffice(seats: SeatState[], bodyKey: string): number {
  return new Set(seats.filter((s) => s.bodyKey === bodyKey && s.holderUserId !== null).map((s) => s.holderUserId)).size;
}

/** The body that decides a proposal type (its first stage). */
export function decidingBodyKey(type: ProposalTypeSpec): string | null {
  return type.stages[0]?.bodyKey ?? null;
}

/**
 * May a seat-appointment proposal of this type fill a vacancy of `seatBodyKey` now?
 * `seats` are the organization's current seats (all bodies).
 */
export function canAppointToBody({
  charter,
  type,
  seatBodyKey,
  seats,
}: {
  charter: Charter;
  type: ProposalTypeSpec;
  seatBodyKey: string;
  seats: SeatState[];
}): RuleResult {
  if (!fillsSeats(type)) return refused('vacancy.not_appointment');
  const seatBody = findBody(charter, seatBodyKey);
  const deciding = decidingBodyKey(type);
  const filling = vacancyFillingOf(charter, seatBody);
  const name = (key: string) => findBody(charter, key).name;
  if (deciding === seatBody.key) {
    if (filling.byOwnBody) return { ok: true };
    return filling.byBodyKey
      ? refused('vacancy.not_own_body_filled_by', { body: lower(seatBody.name), filler: lower(name(filling.byBodyKey)) })
      : refused('vacancy.not_own_body', { body: lower(seatBody.name) });
  }
  if (deciding !== null && deciding === filling.byBodyKey) {
    if (!filling.byOwnBody) return { ok: true };
    const inOffice = holdersInOffice(seats, seatBody.key);
    if (inOffice === 0) return { ok: true };
    return refused(inOffice === 1 ? 'vacancy.filler_while_empty_one' : 'vacancy.filler_while_empty_many', {
      filler: lower(name(deciding)),
      body: lower(seatBody.name),
      inOffice,
    });
  }
  const fillers = [filling.byOwnBody ? seatBody.name : null, filling.byBodyKey ? name(filling.byBodyKey) : null]
    .filter((n): n is string => n !== null)
    .map(lower);
  return refused('vacancy.wrong_filler', {
    body: lower(seatBody.name),
    ...bodiesParam('fillers', fillers.length ? fillers.map((n) => `the ${n}`).join(' or ') : 'no body under this charter', fillers),
    deciding: deciding ? lower(name(deciding)) : 'this proposal type',
  });
}

/**
 * One person, one seat per body: the appointee may not already hold another seat of the body.
 * The refusal names the person and the body in words, never by internal keys.
 */
export function oneSeatPerBody({
  seats,
  seat,
  appointeeUserId,
  appointeeName,
  bodyName,
}: {
  seats: (SeatState & { position?: number })[];
  seat: SeatState;
  appointeeUserId: string;
  appointeeName: string;
  bodyName: string;
}): RuleResult {
  const held = seats.find((s) => s.bodyKey === seat.bodyKey && s.holderUserId === appointeeUserId && s.seatId !== seat.seatId);
  if (!held) return { ok: true };
  return refused('vacancy.one_seat_per_body', { person: appointeeName, seat: held.position ? `seat ${held.position}` : 'a seat', body: lower(bodyName) });
}

/**
 * The seat-appointment vote's remaining-majority base to snapshot when voting opens: the number
 * of people holding a seat of the deciding body, when that body fills vacancies by remaining
 * majority; null otherwise (the normal quorum and threshold alone apply).
 */
export function remainingMajorityBase({
  charter,
  type,
  stageIndex,
  seats,
}: {
  charter: Charter;
  type: ProposalTypeSpec;
  stageIndex: number;
  seats: SeatState[];
}): number | null {
  if (type.effect !== 'seat_appointment') return null;
  const spec = type.stages[stageIndex];
  if (!spec) return null;
  const body = findBody(charter, spec.bodyKey);
  if (!vacancyFillingOf(charter, body).byRemainingMajority) return null;
  return holdersInOffice(seats, body.key);
}

/**
 * True when nobody in office may fill the body's vacancies: it has nobody in office itself and
 * the body named to fill its vacancies (if any) is empty too or decides no appointment type.
 * Only then do founding appointments reopen — for this body only.
 */
export function isStranded(charter: Charter, bodyKey: string, seats: SeatState[]): boolean {
  const body = findBody(charter, bodyKey);
  const filling = vacancyFillingOf(charter, body);
  const inOffice = holdersInOffice(seats, body.key);
  const decides = (key: string) =>
    charter.proposalTypes.some((t) => fillsSeats(t) && decidingBodyKey(t) === key && t.stages.every((s) => holdersInOffice(seats, s.bodyKey) > 0));
  if (filling.byOwnBody && inOffice > 0 && decides(body.key)) return false;
  if (filling.byBodyKey && (!filling.byOwnBody || inOffice === 0) && decides(filling.byBodyKey)) return false;
  return true;
}

/** Charter errors in the vacancy settings: every body must have someone who can fill its vacancies. */
export function vacancyFillingErrors(charter: Charter): string[] {
  const errors: string[] = [];
  const keys = new Set(charter.bodies.map((b) => b.key));
  const appointing = new Set(charter.proposalTypes.filter(fillsSeats).map((t) => decidingBodyKey(t)));
  for (const body of charter.bodies) {
    const label = `Body "${body.key}"`;
    if (body.classShortfallBlocksCriticalDecisions !== undefined && typeof body.classShortfallBlocksCriticalDecisions !== 'boolean') {
      errors.push(`${label}: whether a seat-class shortfall blocks critical decisions must be true or false.`);
    }
    const f = body.vacancyFilling;
    if (!f) continue;
    if (typeof f.byOwnBody !== 'boolean' || typeof f.byRemainingMajority !== 'boolean' || (f.byBodyKey !== null && typeof f.byBodyKey !== 'string')) {
      errors.push(
        `${label}: the vacancy-filling settings must say whether the body fills its own vacancies, whether by remaining majority, and which other body (or none) fills them.`,
      );
      continue;
    }
    if (f.byBodyKey !== null && !keys.has(f.byBodyKey))
      errors.push(`${label}: its vacancies are filled by body "${f.byBodyKey}", which the charter does not define.`);
    if (f.byBodyKey === body.key) errors.push(`${label}: the other body that fills its vacancies cannot be the body itself.`);
    if (!f.byOwnBody && f.byBodyKey === null) errors.push(`${label}: nobody fills its vacancies; it must fill them itself or name another body that does.`);
    if (f.byOwnBody && !appointing.has(body.key))
      errors.push(`${label} fills its own vacancies, so the charter needs a seat-appointment or seat-election proposal type decided by it.`);
    if (f.byBodyKey !== null && keys.has(f.byBodyKey) && !appointing.has(f.byBodyKey)) {
      errors.push(
        `${label}: its vacancies are filled by body "${f.byBodyKey}", so the charter needs a seat-appointment or seat-election proposal type decided by that body.`,
      );
    }
  }
  return errors;
}

function lower(s: string): string {
  return s.toLowerCase();
}
