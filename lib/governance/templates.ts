/**
 * Ready-made charters an organization can start from (and then amend by proposal).
 * Every template passes validateCharter — tested in charter.test.ts.
 *
 * The templates are frozen: take a copy with `charterFromTemplate(key)` before storing or editing.
 */
import type { Charter, VacancyFilling } from './types';
import {
  DAY,
  appointment,
  body,
  charterAmendment,
  choice,
  consent,
  election,
  emergencyResolution,
  filledBy,
  fourFifths,
  half,
  majority,
  memberBody,
  quarter,
  memberResolution,
  rankedOne,
  removal,
  resolution,
  selfFilling,
  stage,
  stvThree,
  tenth,
  third,
  threeQuarters,
  twoThirds,
} from './template-parts';

export type CharterTemplateKey = 'nonprofit_board' | 'cooperative' | 'open_source_foundation' | 'informal_group' | 'small_board';
/** Every template key, in the order the creation page offers them (small groups first). */
export const charterTemplateKeys = [
  'informal_group',
  'small_board',
  'nonprofit_board',
  'cooperative',
  'open_source_foundation',
] as const satisfies readonly CharterTemplateKey[];
export type CharterTemplate = { key: CharterTemplateKey; name: string; description: string; charter: Charter };

const nonprofitBoard: Charter = {
  version: 1,
  // Directors get a week's notice of a regular board meeting and 48 hours of a special one (the usual bylaw minimums); a majority of the nine charter seats is a quorum.
  meetings: { regularNoticeHours: 7 * 24, specialNoticeHours: 48, quorum: majority, rollCallAnswerDays: 7 },
  // Staff and members can make the board hear them: 10% of members, or half of one stakeholder group (say the employees), and the board answers within 30 days; names stay private, so nobody signs at the risk of their job.
  petitions: { thresholdOfMembers: tenth, thresholdOfGroup: half, signingDays: 90, answerWithinDays: 30, signerNamesPublic: false, answeringBodyKey: 'board' },
  // Directors read and sign a resolution within two weeks, or it goes to a meeting: long enough for a board that meets monthly, short enough that nobody signs a stale text.
  writtenConsent: { expiresAfterDays: 14 },
  // A board's closed sessions are about people's jobs and lawsuits: their sealed minutes come out after a year, once a personnel case or a settlement is usually closed.
  minutes: { closedDisclosureDays: 365 },
  bodies: [
    // The directors in office fill board vacancies by their own majority; the member assembly fills them when none is left.
    body('board', 'Board', 9, 7, 60, { independent: 3, employee_representative: 1 }, selfFilling('members')),
    // The board admits members to the assembly.
    body('members', 'Member assembly', 25, 13, 90, {}, filledBy('board')),
  ],
  proposalTypes: [
    resolution('resolution', 'Board resolution', 7, stage('board', 3 * DAY, half, majority, 'votes_cast'), 'members'),
    choice('board_choice', 'Board choice among options (ranked)', 7, stage('board', 3 * DAY, half, majority, 'votes_cast'), rankedOne),
    charterAmendment(14, [stage('board', 7 * DAY, twoThirds, twoThirds, 'charter_seats'), stage('members', 7 * DAY, half, majority, 'votes_cast')]),
    removal('officer_removal', 'Removal of an officer or director', 'board'),
    appointment('seat_appointment', 'Seat appointment', stage('board', 3 * DAY, half, majority, 'charter_seats'), 'members'),
    // Several vacancies at once (e.g. at the annual meeting): nominations during 14 days, then the board ranks the candidates.
    election('board_election', 'Election of directors (single transferable vote)', 14, stage('board', 3 * DAY, half, majority, 'votes_cast'), 'scottish_stv'),
    // Usable only while nobody holds a board seat (see the board's vacancy settings).
    appointment('board_vacancy_by_members', 'Board vacancy filled by the member assembly', stage('members', 5 * DAY, third, majority, 'votes_cast'), 'members'),
    emergencyResolution('emergency_resolution', 'Emergency resolution', 7, stage('board', 1 * DAY, twoThirds, majority, 'charter_seats'), 'members', {
      minCommentWindowHours: 48,
      motionThreshold: threeQuarters,
      ratifyWithinDays: 30,
    }),
  ],
};

const cooperative: Charter = {
  version: 1,
  // Member-owners have jobs and farms: ten days for a regular meeting, three days for a special one; a majority of the body's charter seats is a quorum.
  meetings: { regularNoticeHours: 10 * 24, specialNoticeHours: 72, quorum: majority, rollCallAnswerDays: 10 },
  // Member-owners petition their board in the open: 10% of members or half of a group (the worker members), answered within 30 days, signers named as at an assembly.
  petitions: { thresholdOfMembers: tenth, thresholdOfGroup: half, signingDays: 60, answerWithinDays: 30, signerNamesPublic: true, answeringBodyKey: 'board' },
  // A cooperative's board acts between meetings only when every director agrees within two weeks; anything slower belongs in a meeting members can watch.
  writtenConsent: { expiresAfterDays: 14 },
  // Member-owners are entitled to know what their board did: a closed session's sealed minutes come out after 90 days, long enough for a hiring or a negotiation to conclude.
  minutes: { closedDisclosureDays: 90 },
  bodies: [
    // The member assembly is the primary body: it amends the charter, elects and removes directors.
    // The assembly admits its own members, by a majority of those in office if fewer than a quorum remain; the board when none is left.
    body('members', 'General assembly', 30, 20, 90, {}, selfFilling('board')),
    // The assembly elects the directors.
    body('board', 'Board of directors', 5, 4, 60, { worker_member: 2 }, filledBy('members')),
    // Every member votes in a referendum, and the worker members on what concerns them: no seats, the roll of members when voting opens.
    memberBody('membership', 'All members', { kind: 'all_members', weighted: false }),
    memberBody('workers', 'Worker members', { kind: 'stakeholder_group', group: 'workers', weighted: false }),
    // Capital decisions are voted by shares: each member with their membership weight.
    memberBody('shares', 'Members by shares', { kind: 'all_members', weighted: true }),
  ],
  proposalTypes: [
    resolution('assembly_resolution', 'Assembly resolution', 7, stage('members', 5 * DAY, third, majority, 'votes_cast'), 'members'),
    resolution('board_resolution', 'Board resolution', 5, stage('board', 3 * DAY, half, majority, 'votes_cast'), 'members'),
    // A member may give their vote to another member (who may pass it on, at most three times); their own ballot always overrides.
    memberResolution(
      'member_referendum',
      'Referendum of all members',
      14,
      stage('membership', 7 * DAY, { num: 1, den: 4, inclusive: true }, majority, 'votes_cast'),
      3,
    ),
    memberResolution('workers_vote', 'Vote of the worker members', 7, stage('workers', 5 * DAY, third, majority, 'votes_cast'), 1),
    memberResolution('capital_decision', 'Capital decision by share-weighted vote', 14, stage('shares', 7 * DAY, third, twoThirds, 'votes_cast'), 3),
    choice(
      'assembly_choice',
      'Assembly choice of several options (single transferable vote)',
      7,
      stage('members', 5 * DAY, third, majority, 'votes_cast'),
      stvThree,
    ),
    // Every member chooses among options by secret ranked ballot, with a receipt; a member may delegate, as in a referendum.
    {
      ...choice(
        'member_choice',
        'Choice of all members among options (secret ranked ballot)',
        14,
        stage('membership', 7 * DAY, { num: 1, den: 4, inclusive: true }, majority, 'votes_cast'),
        rankedOne,
      ),
      delegation: { allowed: true, maxDepth: 3 },
    },
    charterAmendment(21, [stage('members', 7 * DAY, twoThirds, twoThirds, 'charter_seats')]),
    removal('director_removal', 'Removal of a director', 'members'),
    // A member's shares (voting weight) change only by the assembly, naming the member, who is heard first (72 hours to reply).
    {
      ...removal('member_weight', 'Change of a member’s shares/voting weight', 'members'),
      effect: 'membership_weight',
      critical: false,
      consultationAudience: 'members',
      stages: [stage('members', 5 * DAY, third, twoThirds, 'votes_cast')],
    },
    appointment('seat_appointment', 'Election of a director', stage('members', 5 * DAY, third, majority, 'votes_cast'), 'members'),
    // The assembly elects several directors at once: nominations during 14 days, then a ranked secret ballot.
    election(
      'board_election',
      'Election of directors by the assembly (single transferable vote)',
      14,
      stage('members', 5 * DAY, third, majority, 'votes_cast'),
      'scottish_stv',
    ),
    // Usable only while nobody holds an assembly seat (see the assembly's vacancy settings).
    appointment(
      'assembly_vacancy_by_board',
      'Admission to an empty general assembly by the board',
      stage('board', 3 * DAY, half, majority, 'charter_seats'),
      'members',
    ),
    emergencyResolution('emergency_resolution', 'Emergency board resolution', 5, stage('board', 1 * DAY, fourFifths, majority, 'charter_seats'), 'members', {
      minCommentWindowHours: 24,
      motionThreshold: fourFifths,
      ratifyWithinDays: 30,
    }),
  ],
};

const openSourceFoundation: Charter = {
  version: 1,
  // Contributors span every time zone: a week for a regular meeting, 72 hours for a special one (a full working day everywhere); a majority of charter seats is a quorum.
  meetings: { regularNoticeHours: 7 * 24, specialNoticeHours: 72, quorum: majority, rollCallAnswerDays: 7 },
  // Contributors petition the governing board in public, as they would on an issue tracker: 10% of members or half of a group, answered within 30 days.
  petitions: { thresholdOfMembers: tenth, thresholdOfGroup: half, signingDays: 60, answerWithinDays: 30, signerNamesPublic: true, answeringBodyKey: 'board' },
  // A volunteer board across time zones and holidays: three weeks to collect every signature.
  writtenConsent: { expiresAfterDays: 21 },
  // Closed sessions are mostly security embargoes and legal advice: 180 days covers a coordinated disclosure (90 days) with margin for the legal matters.
  minutes: { closedDisclosureDays: 180 },
  bodies: [
    // The governing board appoints the committee.
    body('tsc', 'Technical steering committee', 7, 5, 45, { maintainer: 4 }, filledBy('board')),
    // The directors in office fill board vacancies by their own majority; the committee fills them when none is left.
    body('board', 'Governing board', 9, 7, 60, { community_elected: 3, independent: 2 }, selfFilling('tsc')),
  ],
  proposalTypes: [
    resolution('technical_decision', 'Technical decision', 7, stage('tsc', 5 * DAY, half, majority, 'votes_cast'), 'public'),
    resolution('board_resolution', 'Board resolution', 7, stage('board', 3 * DAY, half, majority, 'votes_cast'), 'members'),
    charterAmendment(14, [stage('board', 7 * DAY, twoThirds, twoThirds, 'charter_seats'), stage('tsc', 5 * DAY, half, twoThirds, 'votes_cast')]),
    removal('maintainer_removal', 'Removal from the technical steering committee', 'tsc'),
    appointment('seat_appointment', 'Seat appointment', stage('board', 3 * DAY, half, majority, 'charter_seats'), 'public'),
    // The board elects to its own seats and to the committee's, several at once, counted by Meek's method.
    election(
      'seat_election',
      'Election to several seats (Meek single transferable vote)',
      14,
      stage('board', 3 * DAY, half, majority, 'votes_cast'),
      'meek_stv',
    ),
    // Usable only while nobody holds a board seat (see the board's vacancy settings).
    appointment(
      'board_vacancy_by_tsc',
      'Board vacancy filled by the technical steering committee',
      stage('tsc', 5 * DAY, half, majority, 'charter_seats'),
      'public',
    ),
    emergencyResolution('security_emergency', 'Security emergency decision', 7, stage('tsc', 1 * DAY, half, majority, 'charter_seats'), 'public', {
      minCommentWindowHours: 24,
      motionThreshold: { num: 5, den: 7, inclusive: true },
      ratifyWithinDays: 14,
    }),
  ],
};

/** The body fills its own vacancies, by a majority of those in office if fewer than a quorum remain; no other body exists to fill them. */
const fillsItself: VacancyFilling = { byOwnBody: true, byRemainingMajority: true, byBodyKey: null };

/**
 * A few people deciding together (a garden group, a tenants' committee): 3 seats, quorum 2 of 3, 3 days of comment
 * and 2 of voting. Charter changes, appointments and removals need 2 of the 3 seats.
 */
const informalGroup: Charter = {
  version: 1,
  // Everyone knows everyone: three days for a regular meeting, 24 hours for a special one; half the seats is a quorum.
  meetings: { regularNoticeHours: 72, specialNoticeHours: 24, quorum: half, rollCallAnswerDays: 3 },
  // Everyone knows everyone: a quarter of the members (or half of a group) puts a question to the group, answered within 14 days, names shown.
  petitions: { thresholdOfMembers: quarter, thresholdOfGroup: half, signingDays: 30, answerWithinDays: 14, signerNamesPublic: true, answeringBodyKey: 'group' },
  // Everyone knows everyone: a week to sign, or talk it over instead.
  writtenConsent: { expiresAfterDays: 7 },
  // A group of friends has little to keep back: a closed session's sealed minutes come out after 30 days.
  minutes: { closedDisclosureDays: 30 },
  bodies: [body('group', 'Group', 3, 2, 30, {}, fillsItself)],
  proposalTypes: [
    resolution('decision', 'Group decision', 3, stage('group', 2 * DAY, half, majority, 'votes_cast'), 'members'),
    choice('group_choice', 'Group choice among options (ranked)', 3, stage('group', 2 * DAY, half, majority, 'votes_cast'), rankedOne),
    consent('group_consent', 'Group decision by consent', 3, stage('group', 2 * DAY, half, majority, 'votes_cast'), 'members'),
    charterAmendment(7, [stage('group', 3 * DAY, twoThirds, twoThirds, 'charter_seats')]),
    removal('member_removal', 'Removal from the group', 'group', 7, 3),
    appointment('seat_appointment', 'Appointment to the group', stage('group', 2 * DAY, half, majority, 'charter_seats'), 'members', 3),
  ],
};

/** A 5-seat board with no assembly: quorum 3 of 5, charter changes and removals 4 of 5, emergencies ratified within 30 days. */
const smallBoard: Charter = {
  version: 1,
  // A club board: a week for a regular meeting, 48 hours for a special one; a majority of the five charter seats (3) is a quorum.
  meetings: { regularNoticeHours: 7 * 24, specialNoticeHours: 48, quorum: majority, rollCallAnswerDays: 7 },
  // A club's members can make the board listen without an assembly: 10% of members or half of a group, answered within 21 days; names private between neighbours.
  petitions: { thresholdOfMembers: tenth, thresholdOfGroup: half, signingDays: 60, answerWithinDays: 21, signerNamesPublic: false, answeringBodyKey: 'board' },
  // A club's board of neighbours: ten days, so a consent never outlives the question it answers.
  writtenConsent: { expiresAfterDays: 10 },
  // A club board closes a session for a member's dispute or a contract: its sealed minutes come out after 180 days.
  minutes: { closedDisclosureDays: 180 },
  bodies: [body('board', 'Board', 5, 3, 45, {}, fillsItself)],
  proposalTypes: [
    resolution('resolution', 'Board resolution', 5, stage('board', 3 * DAY, half, majority, 'votes_cast'), 'members'),
    choice('board_choice', 'Board choice among options (ranked)', 5, stage('board', 3 * DAY, half, majority, 'votes_cast'), rankedOne),
    choice(
      'board_shortlist',
      'Board shortlist of several options (single transferable vote)',
      5,
      stage('board', 3 * DAY, half, majority, 'votes_cast'),
      stvThree,
    ),
    charterAmendment(7, [stage('board', 5 * DAY, twoThirds, twoThirds, 'charter_seats')]),
    removal('director_removal', 'Removal of a director', 'board', 7, 5),
    appointment('seat_appointment', 'Seat appointment', stage('board', 3 * DAY, half, majority, 'charter_seats'), 'members', 5),
    election('board_election', 'Election of directors (single transferable vote)', 7, stage('board', 3 * DAY, half, majority, 'votes_cast'), 'scottish_stv'),
    emergencyResolution('emergency_resolution', 'Emergency resolution', 5, stage('board', 1 * DAY, twoThirds, majority, 'charter_seats'), 'members', {
      minCommentWindowHours: 24,
      motionThreshold: fourFifths,
      ratifyWithinDays: 30,
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
  informal_group: {
    key: 'informal_group',
    name: 'Informal group',
    description:
      'Three people deciding together, such as a garden group or a tenants’ committee. Any two of the three make a quorum; decisions get 3 days of discussion and 2 days of voting. Changing the charter, appointing someone or removing someone needs 2 of the 3 seats.',
    charter: informalGroup,
  },
  small_board: {
    key: 'small_board',
    name: 'Small board',
    description:
      'A 5-seat board for a club or small association, with no member assembly. Three directors make a quorum; resolutions get 5 days of discussion and 3 days of voting. Charter changes and removing a director need 4 of the 5 seats.',
    charter: smallBoard,
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
