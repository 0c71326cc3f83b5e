/**
 * Opening a stage's vote, casting ballots and declaring conflicts (DESIGN §3.1, §3.4, §3.6–3.8).
 * Every refusal says why in words a member can act on.
 */
import { findBody, findType } from './charter';
import { proposalPhase } from './phase';
import type { BodyStrength } from './strength';
import { addHours, formatHours, formatUtc } from './time';
import type { BodySpec, Charter, Phase, ProposalRecord, ProposalTypeSpec, RuleResult, SeatState, StageRecord } from './types';
import { minimumDiscussionClosesAt } from './windows';

export type OpenVotingInput = {
  record: ProposalRecord;
  charter: Charter;
  stageIndex: number;
  /** bodyStrength() of every deciding body, keyed by body key. */
  strengths: Record<string, BodyStrength>;
  now: Date;
};

export function canOpenVoting({ record, charter, stageIndex, strengths, now }: OpenVotingInput): RuleResult {
  const type = findType(charter, record.typeKey);
  const spec = type.stages[stageIndex];
  if (!spec) return no(`This proposal type has ${type.stages.length} voting stage(s); there is no stage ${stageIndex + 1}.`);
  const body = findBody(charter, spec.bodyKey);
  const phase = proposalPhase(record, charter, now);

  if (phase.kind !== 'ready_for_voting' || phase.stageIndex !== stageIndex) {
    return no(notReadyReason(phase, stageIndex, record, type, charter));
  }

  // DESIGN §3.4 — lesson: a board of 9 shrank to 6 and a handful decided. Critical decisions wait for the seats to be filled.
  if (type.critical) {
    const strength = strengths[body.key];
    if (!strength) return no(`The seat count of the ${bodyName(body)} is not known, so it cannot be checked that it is at strength for a critical decision.`);
    if (strength.isBelowStrength) {
      return no(
        `The ${bodyName(body)} is below strength: ${strength.filled} of ${body.charterSeats} charter seats filled; critical decisions need ${body.minSeatsForCriticalDecisions}. Fill the vacancies first.`,
      );
    }
    // A raised class minimum (independent directors, employee representatives) is part of the
    // body's strength where the charter says so: such a board is not "at strength" for this.
    const shortfall = strength.classShortfalls[0];
    if (body.classShortfallBlocksCriticalDecisions && shortfall) {
      return no(
        `The ${bodyName(body)} is short of ${shortfall.seatClass.replace(/_/g, ' ')} seats: ${shortfall.filled} filled, the charter requires ${shortfall.required}, and its shortfalls block critical decisions. Fill those seats first.`,
      );
    }
  }
  return { ok: true };
}

function notReadyReason(phase: Phase, stageIndex: number, record: ProposalRecord, type: ProposalTypeSpec, charter: Charter): string {
  switch (phase.kind) {
    case 'draft':
      return 'This proposal is still a draft. Publish it first: voting can open only after its comment window.';
    case 'withdrawn':
      return `This proposal was withdrawn on ${formatUtc(phase.at)}.`;
    case 'discussion':
      return `Voting opens on ${formatUtc(phase.closesAt)} — ${windowClause(record, type, phase.closesAt)}`;
    case 'awaiting_reply':
      return `Waiting for the subject’s reply until ${formatUtc(phase.dueAt)}: the person this proposal concerns is heard before anyone votes.`;
    case 'ready_for_voting':
      return phase.stageIndex < stageIndex
        ? `Stage ${stageIndex + 1} opens only after stage ${phase.stageIndex + 1} (${stageBodyName(type, charter, phase.stageIndex)}) has voted and passed.`
        : `Stage ${stageIndex + 1} has already been decided.`;
    case 'voting':
      return phase.stageIndex === stageIndex
        ? `Voting is already open for this stage, until ${formatUtc(phase.closesAt)}.`
        : phase.stageIndex < stageIndex
          ? `Stage ${phase.stageIndex + 1} (${stageBodyName(type, charter, phase.stageIndex)}) is still voting until ${formatUtc(phase.closesAt)}.`
          : `Stage ${stageIndex + 1} has already been decided.`;
    case 'passed':
    case 'rejected':
    case 'failed_quorum':
    case 'lapsed':
      return 'This proposal has been decided; its voting cannot be reopened.';
  }
}

/** 'the comment window is 7 days and cannot be shortened.' (or why it is longer). */
function windowClause(record: ProposalRecord, type: ProposalTypeSpec, closesAt: Date): string {
  const minimum = minimumDiscussionClosesAt(record, type);
  const emergency = record.emergencyApprovedAt ? type.emergency : null;
  const hours = emergency ? emergency.minCommentWindowHours : type.minCommentWindowHours;
  const base = `the ${emergency ? 'emergency ' : ''}comment window is ${formatHours(hours)} and cannot be shortened.`;
  if (minimum && closesAt.getTime() > minimum.getTime()) return `${base} It was extended after a late substantive revision.`;
  return base;
}

/** The voting window of a stage opened at `opensAt` (closesAt is exclusive). */
export function votingWindow(type: ProposalTypeSpec, stageIndex: number, opensAt: Date): { opensAt: Date; closesAt: Date } {
  const spec = type.stages[stageIndex];
  if (!spec) throw new Error(`Proposal type "${type.key}" has no stage ${stageIndex + 1}.`);
  return { opensAt: new Date(opensAt), closesAt: addHours(opensAt, spec.votingWindowHours) };
}

/**
 * The StageRecord to store when voting opens: window from votingWindow() and the body's charter
 * seats snapshotted from the charter (never the current headcount), so the count is fixed for this vote.
 */
export function openedStageRecord({
  charter,
  type,
  stageIndex,
  opensAt,
  recusedSeatIds = [],
}: {
  charter: Charter;
  type: ProposalTypeSpec;
  stageIndex: number;
  opensAt: Date;
  recusedSeatIds?: string[];
}): StageRecord {
  const window = votingWindow(type, stageIndex, opensAt);
  const spec = type.stages[stageIndex];
  if (!spec) throw new Error(`Proposal type "${type.key}" has no stage ${stageIndex + 1}.`);
  return { bodyKey: spec.bodyKey, ...window, ballots: [], recusedSeatIds: [...recusedSeatIds], charterSeats: findBody(charter, spec.bodyKey).charterSeats };
}

export type BallotInput = {
  record: ProposalRecord;
  charter: Charter;
  stageIndex: number;
  seat: SeatState;
  voterUserId: string;
  now: Date;
};

/**
 * May this person cast (or change) a ballot with this seat now? Changing a ballot before the
 * close is allowed: the latest one counts (tally.latestBallots).
 */
export function canCastBallot({ record, charter, stageIndex, seat, voterUserId, now }: BallotInput): RuleResult {
  const type = findType(charter, record.typeKey);
  const spec = type.stages[stageIndex];
  if (!spec) return no(`This proposal type has no stage ${stageIndex + 1}.`);
  const phase = proposalPhase(record, charter, now);
  if (phase.kind !== 'voting' || phase.stageIndex !== stageIndex) return no(notVotingReason(phase, stageIndex));
  const seatCheck = ownSeatOfStageBody(seat, voterUserId, spec.bodyKey, charter);
  if (!seatCheck.ok) return seatCheck;
  // DESIGN §3.6: a declared conflict removes the seat from this vote.
  if (isRecused(record, stageIndex, seat.seatId)) return no('You declared a conflict of interest on this proposal, so your seat does not vote on it.');
  return { ok: true };
}

function notVotingReason(phase: Phase, stageIndex: number): string {
  switch (phase.kind) {
    case 'draft':
      return 'This proposal is still a draft.';
    case 'withdrawn':
      return `This proposal was withdrawn on ${formatUtc(phase.at)}.`;
    case 'discussion':
      return `Voting has not opened: the comment window runs until ${formatUtc(phase.closesAt)}.`;
    case 'awaiting_reply':
      return `Voting has not opened: the subject may reply until ${formatUtc(phase.dueAt)}.`;
    case 'ready_for_voting':
      return phase.stageIndex <= stageIndex ? 'Voting on this stage has not been opened yet.' : 'Voting on this stage has closed.';
    case 'voting':
      return phase.stageIndex < stageIndex ? 'Voting on this stage has not opened yet.' : 'Voting on this stage has closed.';
    case 'passed':
    case 'rejected':
    case 'failed_quorum':
    case 'lapsed':
      return 'Voting has closed: this proposal has been decided.';
  }
}

/** The same shape as a ballot: the person declaring the conflict is `voterUserId`, so callers pass one object. */
export type RecusalInput = BallotInput;

/**
 * A seat holder may declare a conflict any time from publication until the stage closes —
 * the earlier the better, so members know before the vote — and only for their own seat.
 */
export function canRecuse({ record, charter, stageIndex, seat, voterUserId, now }: RecusalInput): RuleResult {
  const type = findType(charter, record.typeKey);
  const spec = type.stages[stageIndex];
  if (!spec) return no(`This proposal type has no stage ${stageIndex + 1}.`);
  const phase = proposalPhase(record, charter, now);
  switch (phase.kind) {
    case 'draft':
      return no('Conflicts are declared on published proposals; this one is still a draft.');
    case 'withdrawn':
      return no('This proposal was withdrawn.');
    case 'passed':
    case 'rejected':
    case 'failed_quorum':
    case 'lapsed':
      return no('This proposal has been decided; its votes are closed.');
    case 'ready_for_voting':
    case 'voting':
      if (phase.stageIndex > stageIndex) return no('Voting on this stage has closed.');
      break;
    case 'discussion':
    case 'awaiting_reply':
      break;
  }
  const seatCheck = ownSeatOfStageBody(seat, voterUserId, spec.bodyKey, charter);
  if (!seatCheck.ok) return seatCheck;
  if (isRecused(record, stageIndex, seat.seatId)) return no('You have already declared a conflict on this proposal.');
  return { ok: true };
}

function ownSeatOfStageBody(seat: SeatState, userId: string, bodyKey: string, charter: Charter): RuleResult {
  if (seat.bodyKey !== bodyKey) {
    return no(`This seat belongs to the ${bodyName(findBody(charter, seat.bodyKey))}; this stage is decided by the ${bodyName(findBody(charter, bodyKey))}.`);
  }
  if (seat.holderUserId === null) return no('This seat is vacant.');
  if (seat.holderUserId !== userId) return no('Only the holder of a seat can act with it.');
  return { ok: true };
}

function isRecused(record: ProposalRecord, stageIndex: number, seatId: string): boolean {
  return record.stages[stageIndex]?.recusedSeatIds.includes(seatId) ?? false;
}

function stageBodyName(type: ProposalTypeSpec, charter: Charter, stageIndex: number): string {
  const key = type.stages[stageIndex]?.bodyKey;
  return key ? bodyName(findBody(charter, key)) : `stage ${stageIndex + 1}`;
}

/** 'board', 'member assembly' — to read "The board is below strength". */
export function bodyName(body: BodySpec): string {
  return body.name.toLowerCase();
}

function no(reason: string): RuleResult {
  return { ok: false, reason };
}
