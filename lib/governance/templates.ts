/**
 * Ready-made charters an organization can start from (and then amend by proposal).
 * Every template passes validateCharter — tested in charter.test.ts.
 *
 * The templates are frozen: take a copy with `charterFromTemplate(key)` before storing or editing.
 */
import type { BodySpec, Charter, ProposalTypeSpec, Ratio, StageSpec } from './types';

export type CharterTemplateKey = 'nonprofit_board' | 'cooperative' | 'open_source_foundation';
export type CharterTemplate = { key: CharterTemplateKey; name: string; description: string; charter: Charter };

const DAY = 24;
const half: Ratio = { num: 1, den: 2, inclusive: true }; // quorum: at least half
const third: Ratio = { num: 1, den: 3, inclusive: true };
const majority: Ratio = { num: 1, den: 2, inclusive: false }; // more than half
const twoThirds: Ratio = { num: 2, den: 3, inclusive: true };
const threeQuarters: Ratio = { num: 3, den: 4, inclusive: true };

function stage(bodyKey: string, votingWindowHours: number, quorum: Ratio, threshold: Ratio, thresholdBase: StageSpec['thresholdBase']): StageSpec {
  return { bodyKey, votingWindowHours, quorum, threshold, thresholdBase };
}

/** Defaults every type shares: 24 h late-revision rule, no subject, no emergency procedure. */
function type(
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

function body(spec: Omit<BodySpec, 'recusedSeatsCountTowardQuorumBase'> & Partial<BodySpec>): BodySpec {
  return { recusedSeatsCountTowardQuorumBase: true, ...spec };
}

const nonprofitBoard: Charter = {
  version: 1,
  bodies: [
    body({
      key: 'board',
      name: 'Board',
      charterSeats: 9,
      minSeatsForCriticalDecisions: 7,
      vacancyDeadlineDays: 60,
      seatClassMinimums: { independent: 3, employee_representative: 1 },
      // The directors in office fill board vacancies by their own majority; the member assembly fills them when none is left.
      vacancyFilling: { byOwnBody: true, byRemainingMajority: true, byBodyKey: 'members' },
      classShortfallBlocksCriticalDecisions: true,
    }),
    body({
      key: 'members',
      name: 'Member assembly',
      charterSeats: 25,
      minSeatsForCriticalDecisions: 13,
      vacancyDeadlineDays: 90,
      seatClassMinimums: {},
      // The board admits members to the assembly.
      vacancyFilling: { byOwnBody: false, byRemainingMajority: true, byBodyKey: 'board' },
      classShortfallBlocksCriticalDecisions: true,
    }),
  ],
  proposalTypes: [
    type({
      key: 'resolution',
      name: 'Board resolution',
      effect: 'resolution',
      minCommentWindowHours: 7 * DAY,
      stages: [stage('board', 3 * DAY, half, majority, 'votes_cast')],
      critical: false,
      consultationAudience: 'members',
    }),
    type({
      key: 'charter_amendment',
      name: 'Charter amendment',
      effect: 'charter_amendment',
      minCommentWindowHours: 14 * DAY,
      stages: [stage('board', 7 * DAY, twoThirds, twoThirds, 'charter_seats'), stage('members', 7 * DAY, half, majority, 'votes_cast')],
      critical: true,
      consultationAudience: 'public',
    }),
    type({
      key: 'officer_removal',
      name: 'Removal of an officer or director',
      effect: 'seat_removal',
      minCommentWindowHours: 14 * DAY,
      stages: [stage('board', 7 * DAY, twoThirds, twoThirds, 'charter_seats')],
      critical: true,
      consultationAudience: 'public',
      requiresSubject: true,
      replyWindowHours: 72,
    }),
    type({
      key: 'seat_appointment',
      name: 'Seat appointment',
      effect: 'seat_appointment',
      minCommentWindowHours: 7 * DAY,
      stages: [stage('board', 3 * DAY, half, majority, 'charter_seats')],
      // Not critical: a board below strength must always be able to refill itself.
      critical: false,
      consultationAudience: 'members',
    }),
    type({
      key: 'board_vacancy_by_members',
      name: 'Board vacancy filled by the member assembly',
      effect: 'seat_appointment',
      minCommentWindowHours: 7 * DAY,
      // Usable only while nobody holds a board seat (see the board's vacancy settings).
      stages: [stage('members', 5 * DAY, third, majority, 'votes_cast')],
      critical: false,
      consultationAudience: 'members',
    }),
    type({
      key: 'emergency_resolution',
      name: 'Emergency resolution',
      effect: 'resolution',
      minCommentWindowHours: 7 * DAY,
      stages: [stage('board', 1 * DAY, twoThirds, majority, 'charter_seats')],
      critical: true,
      consultationAudience: 'members',
      emergency: { minCommentWindowHours: 48, motionThreshold: threeQuarters, ratifyWithinDays: 30 },
    }),
  ],
};

const cooperative: Charter = {
  version: 1,
  bodies: [
    // The member assembly is the primary body: it amends the charter, elects and removes directors.
    body({
      key: 'members',
      name: 'General assembly',
      charterSeats: 30,
      minSeatsForCriticalDecisions: 20,
      vacancyDeadlineDays: 90,
      seatClassMinimums: {},
      // The assembly admits its own members, by a majority of those in office if fewer than a quorum remain; the board when none is left.
      vacancyFilling: { byOwnBody: true, byRemainingMajority: true, byBodyKey: 'board' },
      classShortfallBlocksCriticalDecisions: true,
    }),
    body({
      key: 'board',
      name: 'Board of directors',
      charterSeats: 5,
      minSeatsForCriticalDecisions: 4,
      vacancyDeadlineDays: 60,
      seatClassMinimums: { worker_member: 2 },
      // The assembly elects the directors.
      vacancyFilling: { byOwnBody: false, byRemainingMajority: true, byBodyKey: 'members' },
      classShortfallBlocksCriticalDecisions: true,
    }),
  ],
  proposalTypes: [
    type({
      key: 'assembly_resolution',
      name: 'Assembly resolution',
      effect: 'resolution',
      minCommentWindowHours: 7 * DAY,
      stages: [stage('members', 5 * DAY, third, majority, 'votes_cast')],
      critical: false,
      consultationAudience: 'members',
    }),
    type({
      key: 'board_resolution',
      name: 'Board resolution',
      effect: 'resolution',
      minCommentWindowHours: 5 * DAY,
      stages: [stage('board', 3 * DAY, half, majority, 'votes_cast')],
      critical: false,
      consultationAudience: 'members',
    }),
    type({
      key: 'charter_amendment',
      name: 'Charter amendment',
      effect: 'charter_amendment',
      minCommentWindowHours: 21 * DAY,
      stages: [stage('members', 7 * DAY, twoThirds, twoThirds, 'charter_seats')],
      critical: true,
      consultationAudience: 'public',
    }),
    type({
      key: 'director_removal',
      name: 'Removal of a director',
      effect: 'seat_removal',
      minCommentWindowHours: 14 * DAY,
      stages: [stage('members', 7 * DAY, twoThirds, twoThirds, 'charter_seats')],
      critical: true,
      consultationAudience: 'public',
      requiresSubject: true,
      replyWindowHours: 72,
    }),
    type({
      key: 'seat_appointment',
      name: 'Election of a director',
      effect: 'seat_appointment',
      minCommentWindowHours: 7 * DAY,
      stages: [stage('members', 5 * DAY, third, majority, 'votes_cast')],
      critical: false,
      consultationAudience: 'members',
    }),
    type({
      key: 'assembly_vacancy_by_board',
      name: 'Admission to an empty general assembly by the board',
      effect: 'seat_appointment',
      minCommentWindowHours: 7 * DAY,
      // Usable only while nobody holds an assembly seat (see the assembly's vacancy settings).
      stages: [stage('board', 3 * DAY, half, majority, 'charter_seats')],
      critical: false,
      consultationAudience: 'members',
    }),
    type({
      key: 'emergency_resolution',
      name: 'Emergency board resolution',
      effect: 'resolution',
      minCommentWindowHours: 5 * DAY,
      stages: [stage('board', 1 * DAY, { num: 4, den: 5, inclusive: true }, majority, 'charter_seats')],
      critical: true,
      consultationAudience: 'members',
      emergency: { minCommentWindowHours: 24, motionThreshold: { num: 4, den: 5, inclusive: true }, ratifyWithinDays: 30 },
    }),
  ],
};

const openSourceFoundation: Charter = {
  version: 1,
  bodies: [
    body({
      key: 'tsc',
      name: 'Technical steering committee',
      charterSeats: 7,
      minSeatsForCriticalDecisions: 5,
      vacancyDeadlineDays: 45,
      seatClassMinimums: { maintainer: 4 },
      // The governing board appoints the committee.
      vacancyFilling: { byOwnBody: false, byRemainingMajority: true, byBodyKey: 'board' },
      classShortfallBlocksCriticalDecisions: true,
    }),
    body({
      key: 'board',
      name: 'Governing board',
      charterSeats: 9,
      minSeatsForCriticalDecisions: 7,
      vacancyDeadlineDays: 60,
      seatClassMinimums: { community_elected: 3, independent: 2 },
      // The directors in office fill board vacancies by their own majority; the committee fills them when none is left.
      vacancyFilling: { byOwnBody: true, byRemainingMajority: true, byBodyKey: 'tsc' },
      classShortfallBlocksCriticalDecisions: true,
    }),
  ],
  proposalTypes: [
    type({
      key: 'technical_decision',
      name: 'Technical decision',
      effect: 'resolution',
      minCommentWindowHours: 7 * DAY,
      stages: [stage('tsc', 5 * DAY, half, majority, 'votes_cast')],
      critical: false,
      consultationAudience: 'public',
    }),
    type({
      key: 'board_resolution',
      name: 'Board resolution',
      effect: 'resolution',
      minCommentWindowHours: 7 * DAY,
      stages: [stage('board', 3 * DAY, half, majority, 'votes_cast')],
      critical: false,
      consultationAudience: 'members',
    }),
    type({
      key: 'charter_amendment',
      name: 'Charter amendment',
      effect: 'charter_amendment',
      minCommentWindowHours: 14 * DAY,
      stages: [stage('board', 7 * DAY, twoThirds, twoThirds, 'charter_seats'), stage('tsc', 5 * DAY, half, twoThirds, 'votes_cast')],
      critical: true,
      consultationAudience: 'public',
    }),
    type({
      key: 'maintainer_removal',
      name: 'Removal from the technical steering committee',
      effect: 'seat_removal',
      minCommentWindowHours: 14 * DAY,
      stages: [stage('tsc', 7 * DAY, twoThirds, twoThirds, 'charter_seats')],
      critical: true,
      consultationAudience: 'public',
      requiresSubject: true,
      replyWindowHours: 72,
    }),
    type({
      key: 'seat_appointment',
      name: 'Seat appointment',
      effect: 'seat_appointment',
      minCommentWindowHours: 7 * DAY,
      stages: [stage('board', 3 * DAY, half, majority, 'charter_seats')],
      critical: false,
      consultationAudience: 'public',
    }),
    type({
      key: 'board_vacancy_by_tsc',
      name: 'Board vacancy filled by the technical steering committee',
      effect: 'seat_appointment',
      minCommentWindowHours: 7 * DAY,
      // Usable only while nobody holds a board seat (see the board's vacancy settings).
      stages: [stage('tsc', 5 * DAY, half, majority, 'charter_seats')],
      critical: false,
      consultationAudience: 'public',
    }),
    type({
      key: 'security_emergency',
      name: 'Security emergency decision',
      effect: 'resolution',
      minCommentWindowHours: 7 * DAY,
      stages: [stage('tsc', 1 * DAY, half, majority, 'charter_seats')],
      critical: true,
      consultationAudience: 'public',
      emergency: { minCommentWindowHours: 24, motionThreshold: { num: 5, den: 7, inclusive: true }, ratifyWithinDays: 14 },
    }),
  ],
};

export const charterTemplates: Readonly<Record<CharterTemplateKey, CharterTemplate>> = deepFreeze({
  nonprofit_board: {
    key: 'nonprofit_board',
    name: 'Nonprofit board',
    description:
      'A 9-seat board (at least 3 independent directors and 1 employee representative) answerable to a 25-seat member assembly. Charter changes need 2/3 of the board’s charter seats and member ratification; removing an officer needs 2/3 of charter seats after a 14-day window and a right of reply.',
    charter: nonprofitBoard,
  },
  cooperative: {
    key: 'cooperative',
    name: 'Cooperative',
    description:
      'The general assembly of members decides: it amends the charter, elects and removes directors. A 5-seat board (at least 2 worker-members) handles day-to-day resolutions and emergencies, which the assembly must ratify within 30 days.',
    charter: cooperative,
  },
  open_source_foundation: {
    key: 'open_source_foundation',
    name: 'Open-source foundation',
    description:
      'A 7-seat technical steering committee (at least 4 maintainers) owns technical decisions; a 9-seat governing board owns the charter, budget and appointments. Charter changes need 2/3 of the board’s charter seats and the committee’s agreement.',
    charter: openSourceFoundation,
  },
});

/** A fresh, mutable copy of a template's charter (version 1), ready to store. */
export function charterFromTemplate(key: CharterTemplateKey): Charter {
  return structuredClone(charterTemplates[key].charter);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
