/**
 * Shared test fixtures for the governance rules (imported by *.test.ts only): the nonprofit
 * board template — 9 charter seats, 7 needed for critical decisions — and record builders.
 */
import { charterFromTemplate } from './templates';
import { addHours } from './time';
import type { Ballot, BallotChoice, Charter, ProposalRecord, SeatState, StageRecord, TallyResult } from './types';

export const T0 = new Date('2026-11-26T14:00:00Z');

export function hoursAfter(at: Date, hours: number): Date {
  return addHours(at, hours);
}

export function nonprofit(): Charter {
  return charterFromTemplate('nonprofit_board');
}

/** `count` seats of a body; the first `filled` are held by user-1…, the rest vacant since `vacatedAt`. */
export function seatsOf(bodyKey: string, count: number, filled: number, vacatedAt: Date = T0, seatClass = 'general'): SeatState[] {
  return Array.from({ length: count }, (_, i) => ({
    seatId: `${bodyKey}-${i + 1}`,
    bodyKey,
    seatClass,
    holderUserId: i < filled ? `user-${i + 1}` : null,
    vacatedAt: i < filled ? null : vacatedAt,
  }));
}

export function ballot(seatNo: number, choice: BallotChoice, castAt: Date, bodyKey = 'board'): Ballot {
  return { seatId: `${bodyKey}-${seatNo}`, voterUserId: `user-${seatNo}`, choice, castAt };
}

/** yes × a, no × b, abstain × c from seats 1… in order. */
export function ballots(counts: { yes?: number; no?: number; abstain?: number }, castAt: Date, bodyKey = 'board'): Ballot[] {
  const out: Ballot[] = [];
  let seat = 1;
  for (const choice of ['yes', 'no', 'abstain'] as const) {
    for (let i = 0; i < (counts[choice] ?? 0); i++) out.push(ballot(seat++, choice, castAt, bodyKey));
  }
  return out;
}

export function stageRecord(overrides: Partial<StageRecord> = {}): StageRecord {
  return { bodyKey: 'board', opensAt: null, closesAt: null, ballots: [], recusedSeatIds: [], charterSeats: 9, ...overrides };
}

/** A proposal published at T0 with the stored window of its type (no emergency). */
export function published(charter: Charter, typeKey: string, overrides: Partial<ProposalRecord> = {}): ProposalRecord {
  const type = charter.proposalTypes.find((t) => t.key === typeKey);
  if (!type) throw new Error(`fixture: no type ${typeKey}`);
  return {
    status: 'published',
    typeKey,
    publishedAt: T0,
    discussionClosesAt: addHours(T0, type.minCommentWindowHours),
    withdrawnAt: null,
    subjectUserId: type.requiresSubject ? 'user-9' : null,
    replyPostedAt: null,
    emergencyApprovedAt: null,
    ratifiedAt: null,
    stages: [],
    ...overrides,
  };
}

/**
 * The template's emergency resolution adopted by emergency motion at T0: its 48 h window closes at
 * T0 + 48 h and the board passes it 6–0 in the 24 h vote that follows (closing at T0 + 72 h).
 */
export function passedEmergencyResolution(charter: Charter): ProposalRecord {
  return published(charter, 'emergency_resolution', {
    discussionClosesAt: addHours(T0, 48),
    emergencyApprovedAt: T0,
    stages: [stageRecord({ opensAt: addHours(T0, 48), closesAt: addHours(T0, 72), ballots: ballots({ yes: 6 }, addHours(T0, 50)) })],
  });
}

/** A consent stage's tally on a 3-seat board with `objections` standing: passed with none, rejected otherwise. */
export function consentTally(objections: number): TallyResult {
  return {
    yes: 0,
    no: 0,
    abstain: 0,
    cast: 0,
    charterSeats: 3,
    recused: 0,
    quorumRequired: 0,
    quorumMet: true,
    thresholdBase: 0,
    yesRequired: 0,
    passed: objections === 0,
    outcome: objections === 0 ? 'passed' : 'rejected',
    consent: { objections },
  };
}
