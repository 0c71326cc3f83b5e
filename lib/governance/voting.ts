/**
 * Opening a stage's vote, casting ballots and declaring conflicts (docs/design.md §3.1, §3.4, §3.6–3.8).
 * Every refusal says why in words a member can act on.
 */
import { findBody, findType } from './charter';
import type { RefusalCode } from './messages';
import { proposalPhase } from './phase';
import { refused } from './refusal';
import type { Refused } from './refusal';
import type { BodyStrength } from './strength';
import { hoursParam, instantParam } from './refusal-facts';
import { addHours } from './time';
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
  if (!spec) return refused('voting.no_such_stage', { count: type.stages.length, stage: stageIndex + 1 });
  const body = findBody(charter, spec.bodyKey);
  const phase = proposalPhase(record, charter, now);

  if (phase.kind !== 'ready_for_voting' || phase.stageIndex !== stageIndex) {
    return notReadyRefusal(phase, stageIndex, record, type, charter);
  }

  // docs/design.md §3.4 — lesson: a board of 9 shrank to 6 and a handful decided. Critical decisions wait for the seats to be filled.
  if (type.critical) {
    const strength = strengths[body.key];
    if (!strength) return refused('voting.strength_unknown', { body: bodyName(body) });
    if (strength.isBelowStrength) {
      return refused('voting.below_strength', {
        body: bodyName(body),
        filled: strength.filled,
        charterSeats: body.charterSeats,
        needed: body.minSeatsForCriticalDecisions,
      });
    }
    // A raised class minimum (independent directors, employee representatives) is part of the
    // body's strength where the charter says so: such a board is not "at strength" for this.
    const shortfall = strength.classShortfalls[0];
    if (body.classShortfallBlocksCriticalDecisions && shortfall) {
      return refused('voting.class_shortfall', {
        body: bodyName(body),
        seatClass: shortfall.seatClass.replace(/_/g, ' '),
        filled: shortfall.filled,
        required: shortfall.required,
      });
    }
  }
  return { ok: true };
}

function notReadyRefusal(phase: Phase, stageIndex: number, record: ProposalRecord, type: ProposalTypeSpec, charter: Charter): Refused {
  const stage = stageIndex + 1;
  switch (phase.kind) {
    case 'discussion':
      return windowRefusal(record, type, phase.closesAt);
    case 'ready_for_voting':
      return phase.stageIndex < stageIndex
        ? refused('voting.earlier_stage_pending', { stage, previous: phase.stageIndex + 1, body: stageBodyName(type, charter, phase.stageIndex) })
        : refused('voting.stage_decided', { stage });
    case 'voting':
      return phase.stageIndex === stageIndex
        ? refused('voting.already_open', instantParam('at', phase.closesAt))
        : phase.stageIndex < stageIndex
          ? refused('voting.earlier_stage_voting', {
              stage: phase.stageIndex + 1,
              body: stageBodyName(type, charter, phase.stageIndex),
              ...instantParam('at', phase.closesAt),
            })
          : refused('voting.stage_decided', { stage });
    default:
      return outsideStagesRefusal(phase, {
        draft: 'voting.draft',
        awaitingReply: 'voting.awaiting_reply',
        awaitingAnswers: 'voting.awaiting_answers',
        decided: 'voting.decided',
      });
  }
}

type OutsideStagesPhase = Exclude<Phase, { kind: 'discussion' | 'ready_for_voting' | 'voting' }>;

/** Why neither voting nor ballots can happen while the proposal is a draft, withdrawn, awaiting its subject's reply or decided; `codes` words it for the action refused. */
function outsideStagesRefusal(
  phase: OutsideStagesPhase,
  codes: { draft: RefusalCode; awaitingReply: RefusalCode; awaitingAnswers: RefusalCode; decided: RefusalCode },
): Refused {
  switch (phase.kind) {
    case 'draft':
      return refused(codes.draft);
    case 'withdrawn':
      return refused('proposal.withdrawn_on', instantParam('at', phase.at));
    case 'awaiting_reply':
      return refused(codes.awaitingReply, instantParam('at', phase.dueAt));
    case 'awaiting_answers':
      return refused(codes.awaitingAnswers, { count: phase.unanswered });
    case 'passed':
    case 'rejected':
    case 'failed_quorum':
    case 'lapsed':
      return refused(codes.decided);
  }
}

/** 'Voting opens on … — the comment window is 7 days and cannot be shortened.' (or why it is longer). */
function windowRefusal(record: ProposalRecord, type: ProposalTypeSpec, closesAt: Date): Refused {
  const minimum = minimumDiscussionClosesAt(record, type);
  const emergency = record.emergencyApprovedAt ? type.emergency : null;
  const hours = emergency ? emergency.minCommentWindowHours : type.minCommentWindowHours;
  const extended = minimum !== null && closesAt.getTime() > minimum.getTime();
  const params = { ...instantParam('at', closesAt), ...hoursParam('hours', hours) };
  if (emergency) return refused(extended ? 'voting.emergency_window_extended' : 'voting.emergency_window', params);
  // Asked for the emergency procedure and not yet backed: its motion could still shorten the window, so no "cannot be shortened".
  if (type.emergency && record.emergencyRequested) return refused('voting.comment_window_motion', params);
  return refused(extended ? 'voting.comment_window_extended' : 'voting.comment_window', params);
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
  if (!spec) return refused('voting.no_stage', { stage: stageIndex + 1 });
  const phase = proposalPhase(record, charter, now);
  if (phase.kind !== 'voting' || phase.stageIndex !== stageIndex) return notVotingRefusal(phase, stageIndex);
  const seatCheck = ownSeatOfStageBody(seat, voterUserId, spec.bodyKey, charter);
  if (!seatCheck.ok) return seatCheck;
  // docs/design.md §3.6: a declared conflict removes the seat from this vote.
  if (isRecused(record, stageIndex, seat.seatId)) return refused('ballot.recused');
  return { ok: true };
}

function notVotingRefusal(phase: Phase, stageIndex: number): Refused {
  switch (phase.kind) {
    case 'discussion':
      return refused('ballot.comment_window', instantParam('at', phase.closesAt));
    case 'ready_for_voting':
      return refused(phase.stageIndex <= stageIndex ? 'ballot.stage_not_opened' : 'ballot.stage_closed');
    case 'voting':
      return refused(phase.stageIndex < stageIndex ? 'ballot.stage_not_open_yet' : 'ballot.stage_closed');
    default:
      return outsideStagesRefusal(phase, {
        draft: 'ballot.draft',
        awaitingReply: 'ballot.awaiting_reply',
        awaitingAnswers: 'ballot.awaiting_answers',
        decided: 'ballot.decided',
      });
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
  if (!spec) return refused('voting.no_stage', { stage: stageIndex + 1 });
  const phase = proposalPhase(record, charter, now);
  switch (phase.kind) {
    case 'draft':
      return refused('recusal.draft');
    case 'withdrawn':
      return refused('recusal.withdrawn');
    case 'passed':
    case 'rejected':
    case 'failed_quorum':
    case 'lapsed':
      return refused('recusal.decided');
    case 'ready_for_voting':
    case 'voting':
      if (phase.stageIndex > stageIndex) return refused('ballot.stage_closed');
      break;
    case 'discussion':
    case 'awaiting_reply':
    case 'awaiting_answers':
      break;
  }
  const seatCheck = ownSeatOfStageBody(seat, voterUserId, spec.bodyKey, charter);
  if (!seatCheck.ok) return seatCheck;
  if (isRecused(record, stageIndex, seat.seatId)) return refused('recusal.already_declared');
  return { ok: true };
}

function ownSeatOfStageBody(seat: SeatState, userId: string, bodyKey: string, charter: Charter): RuleResult {
  if (seat.bodyKey !== bodyKey) {
    return refused('seat.wrong_stage_body', { seatBody: bodyName(findBody(charter, seat.bodyKey)), stageBody: bodyName(findBody(charter, bodyKey)) });
  }
  if (seat.holderUserId === null) return refused('seat.vacant');
  if (seat.holderUserId !== userId) return refused('seat.not_holder_to_act');
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
