/**
 * Emergency procedure (DESIGN §3.9): a shortened comment window only by a supermajority motion
 * of the first deciding body's CHARTER seats, and the decision lapses unless a normal proposal
 * ratifies it in time. An emergency can never be the quiet way round the comment window.
 */
import { findType } from './charter';
import { ratioText } from './charter';
import { proposalPhase, stageOutcomes } from './phase';
import { minimumCount, meetsRatio } from './tally';
import { formatUtc } from './time';
import type { BodySpec, Charter, ProposalRecord, ProposalTypeSpec, RuleResult } from './types';
import { ratificationDeadline, ratifiedInTime } from './windows';

export type EmergencyMotionInput = {
  type: ProposalTypeSpec;
  /** The body deciding the type's first stage. */
  body: BodySpec;
  /** That body's charter seats (never its current headcount). */
  charterSeats: number;
  /** Seat holders backing the motion. */
  yesVotes: number;
};

export function checkEmergencyMotion({ type, body, charterSeats, yesVotes }: EmergencyMotionInput): RuleResult {
  if (!type.emergency) return { ok: false, reason: `A ${type.name.toLowerCase()} has no emergency procedure; its comment window cannot be shortened.` };
  const first = type.stages[0];
  if (!first || first.bodyKey !== body.key) {
    return { ok: false, reason: `An emergency motion for this type is decided by the body of its first stage, not the ${body.name.toLowerCase()}.` };
  }
  const threshold = type.emergency.motionThreshold;
  if (!meetsRatio(yesVotes, charterSeats, threshold)) {
    const needed = minimumCount(charterSeats, threshold);
    return {
      ok: false,
      reason: `The emergency motion needs ${needed} of the ${body.name.toLowerCase()}’s ${charterSeats} charter seats (${ratioText(threshold)}); it has ${yesVotes}.`,
    };
  }
  return { ok: true };
}

export type EmergencyStatus = {
  /** Ratify by this time (null: not an emergency decision, or not passed yet). */
  deadline: Date | null;
  ratified: boolean;
  lapsed: boolean;
};

export function emergencyStatus(record: ProposalRecord, charter: Charter, now: Date): EmergencyStatus {
  const type = findType(charter, record.typeKey);
  if (!record.emergencyApprovedAt || !type.emergency) return { deadline: null, ratified: false, lapsed: false };
  const outcomes = stageOutcomes(record, charter, now);
  const last = outcomes[outcomes.length - 1];
  const allPassed = outcomes.length > 0 && outcomes.every((o) => o.tally?.passed === true);
  if (!allPassed || !last?.closesAt) return { deadline: null, ratified: false, lapsed: false };
  const deadline = ratificationDeadline(last.closesAt, type.emergency);
  const ratified = ratifiedInTime(record.ratifiedAt, deadline, now);
  return { deadline, ratified, lapsed: !ratified && now.getTime() >= deadline.getTime() };
}

/**
 * Ratification is by a normal proposal: a type with no emergency procedure, not itself asking
 * for one — an emergency cannot be confirmed by another shortened debate.
 */
export function canRatifyWith(type: ProposalTypeSpec, emergencyRequested: boolean): RuleResult {
  if (type.emergency || emergencyRequested) {
    return {
      ok: false,
      reason: `An emergency decision is ratified by a normal proposal with the full comment window; a ${type.name.toLowerCase()} under the emergency procedure cannot ratify it.`,
    };
  }
  return { ok: true };
}

/** Whether `target` can still be ratified at `now`: a passed emergency decision, not lapsed, not ratified yet. */
export function canBeRatified(target: ProposalRecord, charter: Charter, now: Date): RuleResult {
  const type = findType(charter, target.typeKey);
  if (!type.emergency || !target.emergencyApprovedAt) {
    return { ok: false, reason: 'Only an emergency decision needs ratification; the proposal chosen was not decided under the emergency procedure.' };
  }
  const phase = proposalPhase(target, charter, now);
  if (phase.kind === 'lapsed')
    return { ok: false, reason: `That emergency decision lapsed on ${formatUtc(phase.at)}: it was not ratified in time and can no longer be ratified.` };
  if (phase.kind !== 'passed') return { ok: false, reason: 'Only an emergency decision that has passed can be ratified; the proposal chosen has not passed.' };
  const status = emergencyStatus(target, charter, now);
  if (status.ratified || target.ratifiedAt) return { ok: false, reason: 'That emergency decision has already been ratified.' };
  return { ok: true };
}

/** How many seat holders of the first deciding body must back the emergency motion (null: the type has no emergency procedure). */
export function emergencyMotionRequired(type: ProposalTypeSpec, charter: Charter): number | null {
  const first = type.stages[0];
  const body = first ? charter.bodies.find((b) => b.key === first.bodyKey) : undefined;
  if (!type.emergency || !body) return null;
  return minimumCount(body.charterSeats, type.emergency.motionThreshold);
}
