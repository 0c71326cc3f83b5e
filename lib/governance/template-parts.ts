/**
 * The parts templates are built from (templates.ts): ratios, stages, bodies and proposal types
 * with the defaults a real charter would choose.
 */
import type { BodySpec, Electorate, ProposalTypeSpec, Ratio, StageSpec, VacancyFilling } from './types';

export const DAY = 24;
export const half: Ratio = { num: 1, den: 2, inclusive: true }; // quorum: at least half
export const third: Ratio = { num: 1, den: 3, inclusive: true };
export const majority: Ratio = { num: 1, den: 2, inclusive: false }; // more than half
export const twoThirds: Ratio = { num: 2, den: 3, inclusive: true };
export const threeQuarters: Ratio = { num: 3, den: 4, inclusive: true };
export const fourFifths: Ratio = { num: 4, den: 5, inclusive: true };
export const quarter: Ratio = { num: 1, den: 4, inclusive: true };
export const tenth: Ratio = { num: 1, den: 10, inclusive: true }; // petitions: 10% of members

export function stage(bodyKey: string, votingWindowHours: number, quorum: Ratio, threshold: Ratio, thresholdBase: StageSpec['thresholdBase']): StageSpec {
  return { bodyKey, votingWindowHours, quorum, threshold, thresholdBase };
}

/** Defaults every type shares: 24 h late-revision rule, no subject, no emergency procedure. */
export function type(
  spec: Pick<ProposalTypeSpec, 'key' | 'name' | 'effect' | 'minCommentWindowHours' | 'stages' | 'critical' | 'consultationAudience'> &
    Partial<ProposalTypeSpec>,
): ProposalTypeSpec {
  return {
    lateRevisionWindowHours: 24,
    lateRevisionExtensionHours: 24,
    requiresSubject: false,
    replyWindowHours: 0,
    emergency: null,
    ...spec,
  };
}

export type Audience = ProposalTypeSpec['consultationAudience'];

/** An ordinary resolution: not critical, decided by one stage. */
export function resolution(key: string, name: string, commentDays: number, decidedBy: StageSpec, consultationAudience: Audience): ProposalTypeSpec {
  return type({ key, name, effect: 'resolution', minCommentWindowHours: commentDays * DAY, stages: [decidedBy], critical: false, consultationAudience });
}

/**
 * A choice among options the proposal lists (a venue, a supplier, a shortlist), decided by one
 * body with `method`; the ballots are secret and the count is published (choice.ts).
 */
export function choice(key: string, name: string, commentDays: number, decidedBy: StageSpec, method: ProposalTypeSpec['method']): ProposalTypeSpec {
  return { ...resolution(key, name, commentDays, decidedBy, 'members'), method };
}

/** One option chosen by instant-runoff; three by Scottish STV. */
export const rankedOne: ProposalTypeSpec['method'] = { key: 'irv', winners: 1 };
export const stvThree: ProposalTypeSpec['method'] = { key: 'scottish_stv', winners: 3 };

/**
 * A decision by consent, by one body: no ballots; it passes unless a seat holder's reasoned
 * objection stands when the window closes (consent.ts).
 */
export function consent(key: string, name: string, commentDays: number, decidedBy: StageSpec, consultationAudience: Audience): ProposalTypeSpec {
  return { ...resolution(key, name, commentDays, decidedBy, consultationAudience), consent: true };
}

/** The charter amendment: critical and public, decided by each of `stages` in turn. */
/**
 * A seat election: fills several vacant seats of one class at once by single transferable vote
 * among nominated candidates who accepted (election.ts). Not critical: a body must always be able to refill.
 */
export function election(key: string, name: string, commentDays: number, decidedBy: StageSpec, rule: 'scottish_stv' | 'meek_stv'): ProposalTypeSpec {
  return {
    ...type({
      key,
      name,
      effect: 'seat_election',
      minCommentWindowHours: commentDays * DAY,
      stages: [decidedBy],
      critical: false,
      consultationAudience: 'members',
    }),
    election: { rule },
  };
}

export function charterAmendment(commentDays: number, stages: StageSpec[]): ProposalTypeSpec {
  return type({
    key: 'charter_amendment',
    name: 'Charter amendment',
    effect: 'charter_amendment',
    minCommentWindowHours: commentDays * DAY,
    stages,
    critical: true,
    consultationAudience: 'public',
  });
}

/**
 * Removing a seat holder: critical and public; 2/3 of the body's charter seats and 72 hours for the subject's reply,
 * after `commentDays` of comment (14 by default) and a vote of `votingDays` (7 by default).
 */
export function removal(key: string, name: string, bodyKey: string, commentDays = 14, votingDays = 7): ProposalTypeSpec {
  return type({
    key,
    name,
    effect: 'seat_removal',
    minCommentWindowHours: commentDays * DAY,
    stages: [stage(bodyKey, votingDays * DAY, twoThirds, twoThirds, 'charter_seats')],
    critical: true,
    consultationAudience: 'public',
    requiresSubject: true,
    replyWindowHours: 72,
    // Nobody is removed over unanswered objections: each concern raised in the window gets the author's public answer first.
    answersRequired: true,
  });
}

/** Filling a seat, after `commentDays` of comment (7 by default). Not critical: a body below strength must always be able to refill itself. */
export function appointment(key: string, name: string, decidedBy: StageSpec, consultationAudience: Audience, commentDays = 7): ProposalTypeSpec {
  return type({ key, name, effect: 'seat_appointment', minCommentWindowHours: commentDays * DAY, stages: [decidedBy], critical: false, consultationAudience });
}

/** A critical resolution that an emergency motion may adopt before its comment window ends, to be ratified afterwards. */
export function emergencyResolution(
  key: string,
  name: string,
  commentDays: number,
  decidedBy: StageSpec,
  consultationAudience: Audience,
  emergency: NonNullable<ProposalTypeSpec['emergency']>,
): ProposalTypeSpec {
  return type({
    key,
    name,
    effect: 'resolution',
    minCommentWindowHours: commentDays * DAY,
    stages: [decidedBy],
    critical: true,
    consultationAudience,
    emergency,
  });
}

/**
 * A body of `charterSeats` seats, `minSeatsForCriticalDecisions` of them filled for critical decisions, a vacancy overdue
 * after `vacancyDeadlineDays`; its recused seats count toward the quorum base and its seat-class shortfalls block critical decisions.
 */
export function body(
  key: string,
  name: string,
  charterSeats: number,
  minSeatsForCriticalDecisions: number,
  vacancyDeadlineDays: number,
  seatClassMinimums: BodySpec['seatClassMinimums'],
  vacancyFilling: VacancyFilling,
): BodySpec {
  return {
    recusedSeatsCountTowardQuorumBase: true,
    key,
    name,
    charterSeats,
    minSeatsForCriticalDecisions,
    vacancyDeadlineDays,
    seatClassMinimums,
    vacancyFilling,
    classShortfallBlocksCriticalDecisions: true,
  };
}

/** The body fills its own vacancies, by a majority of those in office if fewer than a quorum remain; `whenEmpty` fills them when nobody is left. */
export function selfFilling(whenEmpty: string): VacancyFilling {
  return { byOwnBody: true, byRemainingMajority: true, byBodyKey: whenEmpty };
}

/** Another body fills this body's vacancies. */
export function filledBy(other: string): VacancyFilling {
  return { byOwnBody: false, byRemainingMajority: true, byBodyKey: other };
}

/** A member-wide body: no seats; the roll of `electorate` votes (electorate.ts). */
export function memberBody(key: string, name: string, electorate: Electorate): BodySpec {
  return {
    recusedSeatsCountTowardQuorumBase: true,
    key,
    name,
    charterSeats: 0,
    minSeatsForCriticalDecisions: 0,
    vacancyDeadlineDays: 90,
    seatClassMinimums: {},
    electorate,
  };
}

/** A resolution of a member-wide body, where members may delegate their vote along chains of at most `maxDepth`. */
export function memberResolution(key: string, name: string, commentDays: number, decidedBy: StageSpec, maxDepth: number | null): ProposalTypeSpec {
  return { ...resolution(key, name, commentDays, decidedBy, 'members'), delegation: { allowed: true, maxDepth } };
}
