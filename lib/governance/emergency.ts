/**
 * Emergency procedure (docs/design.md §3.9): a shortened comment window only by a supermajority motion
 * of the first deciding body's CHARTER seats, and the decision lapses unless a normal proposal
 * ratifies it in time. An emergency can never be the quiet way round the comment window.
 */
import { findType } from './charter';
import { ratioText } from './charter';
import { proposalPhase, stageOutcomes } from './phase';
import { refused } from './refusal';
import { minimumCount, meetsRatio } from './tally';
import { instantParam } from './refusal-facts';
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
  if (!type.emergency) return refused('emergency.not_available', { type: type.name.toLowerCase() });
  const first = type.stages[0];
  if (!first || first.bodyKey !== body.key) {
    return refused('emergency.wrong_body', { body: body.name.toLowerCase() });
  }
  const threshold = type.emergency.motionThreshold;
  if (!meetsRatio(yesVotes, charterSeats, threshold)) {
    const needed = minimumCount(charterSeats, threshold);
    return refused('emergency.motion_short', { needed, body: body.name.toLowerCase(), charterSeats, ratio: ratioText(threshold), yes: yesVotes });
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
    return refused('ratification.emergency_type', { type: type.name.toLowerCase() });
  }
  return { ok: true };
}

/** Whether `target` can still be ratified at `now`: a passed emergency decision, not lapsed, not ratified yet. */
export function canBeRatified(target: ProposalRecord, charter: Charter, now: Date): RuleResult {
  const type = findType(charter, target.typeKey);
  if (!type.emergency || !target.emergencyApprovedAt) {
    return refused('ratification.not_emergency');
  }
  const phase = proposalPhase(target, charter, now);
  if (phase.kind === 'lapsed') return refused('ratification.lapsed', instantParam('at', phase.at));
  if (phase.kind !== 'passed') return refused('ratification.not_passed');
  const status = emergencyStatus(target, charter, now);
  if (status.ratified || target.ratifiedAt) return refused('ratification.already_ratified');
  return { ok: true };
}

/** How many seat holders of the first deciding body must back the emergency motion (null: the type has no emergency procedure). */
export function emergencyMotionRequired(type: ProposalTypeSpec, charter: Charter): number | null {
  const first = type.stages[0];
  const body = first ? charter.bodies.find((b) => b.key === first.bodyKey) : undefined;
  if (!type.emergency || !body) return null;
  return minimumCount(body.charterSeats, type.emergency.motionThreshold);
}
