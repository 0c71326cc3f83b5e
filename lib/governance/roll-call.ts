/**
 * Roll-call votes taken in a meeting of a body of seats (issue 15). Pure: no I/O; time is a
 * parameter.
 *
 * Once the meeting has started, the secretary (or an admin) records a roll call on a motion: each
 * seat holder of the body votes yes, no or abstains, or is absent. Only a seat holder recorded
 * present or remote may vote; the others are absent. The outcome counts against the body's
 * CHARTER seats, never its filled seats: a board of 9 that shrank to 5 still needs the quorum and
 * majority of 9. Each voter may confirm or dispute their own recorded vote within the charter's
 * answer period. A roll call is a resolution of the body: it changes no proposal, no seat and no
 * charter. A motion carried at an irregular meeting is held, not in effect, until a proposal
 * passed by the normal procedure ratifies it.
 */
import { mayScheduleMeetings, meetingIrregularity, meetingSpecOf } from './meeting';
import type { AttendanceStatus, MeetingState } from './meeting';
import { refused } from './refusal';
import { codeParam } from './refusal-facts';
import type { Role } from './roles';
import { part } from './rule-parts';
import type { RulePart } from './rule-parts';
import { meetsRatio, minimumCount } from './tally';
import type { Charter, MeetingSpec, Ratio, RuleResult } from './types';

export const rollCallVotes = ['yes', 'no', 'abstain', 'absent'] as const;
export type RollCallVote = (typeof rollCallVotes)[number];

const DAY_MS = 86_400_000;
/** Charters stored before roll calls existed: a week to confirm or dispute one's vote. */
export const defaultRollCallAnswerDays = 7;
/** No body rule for an ordinary resolution: more than half of the charter seats vote yes. */
export const defaultRollCallMajority: Ratio = { num: 1, den: 2, inclusive: false };

export function rollCallAnswerDaysOf(spec: MeetingSpec): number {
  return spec.rollCallAnswerDays ?? defaultRollCallAnswerDays;
}

/** The counting rules of a roll call of one body, copied onto the roll call when it is recorded. */
export type RollCallRules = { charterSeats: number; quorum: Ratio; majority: Ratio; answerDays: number };

/**
 * The body's rules from the charter: its charter seats, the charter's meeting quorum, the answer
 * period, and the majority of the body's ordinary resolution — the threshold of the first stage of
 * this body in the first plain resolution type (no emergency, no choice, no consent) — where the
 * charter has one; otherwise more than half. Both quorum and majority count charter seats.
 */
export function rollCallRulesOf(charter: Pick<Charter, 'meetings' | 'bodies' | 'proposalTypes'>, bodyKey: string): RollCallRules {
  const spec = meetingSpecOf(charter);
  const body = charter.bodies.find((b) => b.key === bodyKey);
  const resolution = charter.proposalTypes.find(
    (t) => t.effect === 'resolution' && !t.emergency && !t.method && !t.consent && t.stages[0]?.bodyKey === bodyKey,
  );
  return {
    charterSeats: body?.charterSeats ?? 0,
    quorum: spec.quorum,
    majority: resolution?.stages[0]?.threshold ?? defaultRollCallMajority,
    answerDays: rollCallAnswerDaysOf(spec),
  };
}

export type RollCallOutcome = {
  yes: number;
  no: number;
  abstain: number;
  absent: number;
  /** Voting seats (yes, no or abstain): present or remote, counted for the quorum. */
  voting: number;
  charterSeats: number;
  quorumNeeded: number;
  quorumMet: boolean;
  /** Yes votes needed: the majority of the CHARTER seats. */
  yesNeeded: number;
  carried: boolean;
};

/**
 * The outcome: the quorum is met when the voting seats meet the quorum of the charter seats; the
 * motion carries when the quorum is met and the yes votes meet the majority of the charter seats.
 * A body with no charter seats carries nothing.
 */
export function rollCallOutcome(votes: readonly RollCallVote[], rules: Pick<RollCallRules, 'charterSeats' | 'quorum' | 'majority'>): RollCallOutcome {
  const count = (v: RollCallVote) => votes.filter((x) => x === v).length;
  const yes = count('yes');
  const no = count('no');
  const abstain = count('abstain');
  const voting = yes + no + abstain;
  const seats = rules.charterSeats;
  const quorumMet = seats > 0 && meetsRatio(voting, seats, rules.quorum);
  return {
    yes,
    no,
    abstain,
    absent: count('absent'),
    voting,
    charterSeats: seats,
    quorumNeeded: seats > 0 ? minimumCount(seats, rules.quorum) : 0,
    quorumMet,
    yesNeeded: seats > 0 ? minimumCount(seats, rules.majority) : 0,
    carried: quorumMet && meetsRatio(yes, seats, rules.majority),
  };
}

export type VoteEntry = { userId: string; vote: RollCallVote };

/**
 * Recording a roll call: by a secretary or admin, once the meeting has started (not cancelled);
 * every vote for a seat holder of the body; yes, no or abstain only for one recorded present or
 * remote. `names` words the refusal.
 */
export function checkRecordRollCall(
  m: MeetingState,
  p: {
    role: Role | null;
    at: Date;
    votes: readonly VoteEntry[];
    seatHolders: readonly string[];
    attendance: ReadonlyMap<string, AttendanceStatus>;
    name: (userId: string) => string;
    bodyName: string;
  },
): RuleResult {
  if (!mayScheduleMeetings(p.role)) return refused('roll_call.not_authorized');
  if (m.cancelledAt !== null) return refused('meeting.cancelled');
  if (p.at.getTime() < m.startsAt.getTime()) return refused('roll_call.not_started');
  const seen = new Set<string>();
  for (const v of p.votes) {
    if (seen.has(v.userId)) return refused('roll_call.duplicate_voter', { name: p.name(v.userId) });
    seen.add(v.userId);
    if (!p.seatHolders.includes(v.userId)) return refused('roll_call.not_seat_holder', { name: p.name(v.userId), body: p.bodyName });
    const status = p.attendance.get(v.userId);
    if (v.vote !== 'absent' && status !== 'present' && status !== 'remote') {
      return refused('roll_call.not_attending', {
        name: p.name(v.userId),
        ...codeParam('status', 'attendance', status ?? 'not recorded', status ?? 'not_recorded'),
      });
    }
  }
  return { ok: true };
}

/** The end of the period in which a voter may confirm or dispute their recorded vote. */
export function answerDeadline(recordedAt: Date, answerDays: number): Date {
  return new Date(recordedAt.getTime() + answerDays * DAY_MS);
}

/** A voter confirms or disputes their OWN vote (the caller found it by their id), before the period ends. */
export function checkAnswerVote(p: { hasVote: boolean; recordedAt: Date; answerDays: number; at: Date }): RuleResult {
  if (!p.hasVote) return refused('roll_call.no_vote');
  if (p.at.getTime() > answerDeadline(p.recordedAt, p.answerDays).getTime()) return refused('roll_call.answer_closed');
  return { ok: true };
}

/**
 * Where a roll call stands: not carried; carried and in effect (a regular meeting, or ratified);
 * or carried and held, not in effect until ratified (an irregular meeting).
 */
export type RollCallStanding = 'not_carried' | 'in_effect' | 'held' | 'ratified';

export function rollCallStanding(p: { carried: boolean; meetingIrregular: boolean; ratifiedAt: Date | null }): RollCallStanding {
  if (!p.carried) return 'not_carried';
  if (p.ratifiedAt) return 'ratified';
  return p.meetingIrregular ? 'held' : 'in_effect';
}

export function standingText(s: RollCallStanding): string {
  switch (s) {
    case 'not_carried':
      return 'Not carried';
    case 'in_effect':
      return 'Carried: in effect';
    case 'held':
      return 'Carried at an irregular meeting: held — not in effect until ratified';
    case 'ratified':
      return 'Carried and ratified: in effect';
  }
}

/** Where a roll call stands, as a part (the English is `standingText`). */
export function standingPart(s: RollCallStanding): RulePart {
  return part('standing', { standing: s });
}

/** A proposal may ratify a roll call only while it is held: carried at an irregular meeting and not yet ratified. */
export function canRatifyRollCall(p: { carried: boolean; meetingIrregular: boolean; ratifiedAt: Date | null }): RuleResult {
  if (!p.carried) return refused('roll_call.ratify_not_carried');
  if (p.ratifiedAt) return refused('roll_call.ratify_already');
  if (!p.meetingIrregular) return refused('roll_call.ratify_not_held');
  return { ok: true };
}

/** The charter check of the answer period: [] when sound. */
export function rollCallSpecErrors(spec: MeetingSpec): string[] {
  const d = spec.rollCallAnswerDays;
  if (d === undefined) return [];
  if (!Number.isInteger(d) || d < 1 || d > 90) return [`Meetings: the roll-call answer period must be a whole number of days from 1 to 90 (it is ${d}).`];
  return [];
}

/** "Yes 3, no 1, abstain 0, absent 1: quorum met (4 of 5 charter seats voting; 3 needed); 3 yes needed of 5 charter seats." */
export function outcomeText(o: RollCallOutcome): string {
  return `Yes ${o.yes}, no ${o.no}, abstain ${o.abstain}, absent ${o.absent}. Quorum ${o.quorumMet ? 'met' : 'not met'}: ${o.voting} of ${o.charterSeats} charter seats voting, ${o.quorumNeeded} needed. ${o.yesNeeded} yes votes of ${o.charterSeats} charter seats needed to carry.`;
}

/** The outcome as a part (the English is `outcomeText`). */
export function outcomePart(o: RollCallOutcome): RulePart {
  return part('outcome', {
    yes: o.yes,
    no: o.no,
    abstain: o.abstain,
    absent: o.absent,
    met: String(o.quorumMet),
    voting: o.voting,
    charterSeats: o.charterSeats,
    quorumNeeded: o.quorumNeeded,
    yesNeeded: o.yesNeeded,
  });
}

/** Whether a meeting (its stored notice figures and its notices' fate from the outbox) is irregular now (meeting.ts). */
export function irregularNow(
  m: { shortestNoticeHours: number; requiredNoticeHours: number; seatHolders: number; noticed: number },
  fate: { delivered: number; failed: number } | undefined,
): boolean {
  return meetingIrregularity({
    shortestNoticeHours: m.shortestNoticeHours,
    requiredNoticeHours: m.requiredNoticeHours,
    coverage: { seatHolders: m.seatHolders, noticed: m.noticed, ...(fate ?? { delivered: 0, failed: 0 }) },
  }).irregular;
}
