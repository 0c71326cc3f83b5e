/**
 * A proposal's phase at any instant, derived purely from its timestamps and ballots
 * (docs/design.md §3.11: time is derived). Pages are right even when the worker that records
 * transitions lags; the worker uses the same function to know what to record.
 *
 * Defence in depth: a stage's opening is never taken as earlier than the rules allow (end of the
 * comment window and reply, or the previous stage's close), its voting window never shorter than
 * the type's, and ballots outside the window never count — whatever the stored timestamps say.
 */
import { consultationGate } from './consultation-gate';
import { choiceStageTally, countedChoiceBallots } from './choice';
import { findBody, findType } from './charter';
import { consentStageTally, standingObjections } from './consent';
import { countingMethodOf } from './election';
import { tallyStage } from './tally';
import { addHours, instantOf, laterOf, reached } from './time';
import type { Instant } from './time';
import { delegationDepth, memberChoiceTally, memberStageTally } from './member-vote';
import type { Charter, Phase, ProposalRecord, ProposalTypeSpec, StageRecord, StageSpec, TallyResult } from './types';
import { earliestVotingAt, effectiveDiscussionClosesAt, ratificationDeadline, ratifiedInTime, replyDeadline } from './windows';

export type StageOutcome = {
  stageIndex: number;
  bodyKey: string;
  /** Effective opening and closing (null: not opened by `now`). */
  opensAt: Date | null;
  closesAt: Date | null;
  /** The count, once the stage has closed; null before. */
  tally: TallyResult | null;
};

type Derivation = { phase: Phase; outcomes: StageOutcome[] };

export function proposalPhase(record: ProposalRecord, charter: Charter, now: Date): Phase {
  return derive(record, charter, instantOf(now)).phase;
}

/**
 * The phase at `now` (proposalPhase's) and `until`, the earliest later instant at which it may change
 * by time alone, the record unchanged (a window closing, a stage opening or closing, a deadline): the
 * phase is the same at every instant from `now` up to, not including, `until`; null when no later
 * instant changes it. Not a second reading of the rules: the same derivation, noting each instant at
 * which one of its comparisons with `now` would turn (time.ts reached) — so `until` may be an instant
 * at which the phase turns out the same (a comment posted after the window: it never gates).
 */
export function proposalPhaseUntil(record: ProposalRecord, charter: Charter, now: Date): { phase: Phase; until: Date | null } {
  const turns: number[] = [];
  const { phase } = derive(record, charter, instantOf(now, turns));
  return { phase, until: turns.length === 0 ? null : new Date(Math.min(...turns)) };
}

/** Every stage of the proposal's type, with its count once closed. Stages never reached have null dates and tally. */
export function stageOutcomes(record: ProposalRecord, charter: Charter, now: Date): StageOutcome[] {
  return derive(record, charter, instantOf(now)).outcomes;
}

const terminal = new Set<Phase['kind']>(['passed', 'rejected', 'failed_quorum', 'lapsed']);

export function isDecided(phase: Phase): boolean {
  return terminal.has(phase.kind);
}

// `now` is read only through reached(): proposalPhaseUntil relies on it.
function derive(record: ProposalRecord, charter: Charter, now: Instant): Derivation {
  if (record.status === 'withdrawn') {
    const at = record.withdrawnAt ?? record.publishedAt ?? new Date(0);
    if (reached(now, at)) {
      // A decision already taken stands: withdrawal after the outcome changes nothing.
      const before = deriveActive(record, charter, instantOf(at));
      if (terminal.has(before.phase.kind)) return deriveActive(record, charter, now);
      return { phase: { kind: 'withdrawn', at: new Date(at) }, outcomes: before.outcomes };
    }
  }
  return deriveActive(record, charter, now);
}

function deriveActive(record: ProposalRecord, charter: Charter, now: Instant): Derivation {
  const type = findType(charter, record.typeKey);
  const outcomes: StageOutcome[] = type.stages.map((s, stageIndex) => ({ stageIndex, bodyKey: s.bodyKey, opensAt: null, closesAt: null, tally: null }));
  const result = (phase: Phase): Derivation => ({ phase, outcomes });

  if (record.status === 'draft' || !record.publishedAt || !reached(now, record.publishedAt)) return result({ kind: 'draft' });

  const discussionClosesAt = effectiveDiscussionClosesAt(record, type);
  const votingFrom = earliestVotingAt(record, type);
  if (!discussionClosesAt || !votingFrom) return result({ kind: 'draft' });
  if (!reached(now, discussionClosesAt)) return result({ kind: 'discussion', closesAt: discussionClosesAt });
  if (!reached(now, votingFrom)) {
    // Only a proposal with a subject waits past the comment window: until the reply or its deadline.
    return result({ kind: 'awaiting_reply', dueAt: replyDeadline(record, type) ?? votingFrom });
  }

  let since = votingFrom;
  // The consultation gate, until voting opens: every concern raised in the window answered by the author (consultation-gate.ts).
  if (type.answersRequired && !record.stages[0]?.opensAt) {
    const gate = consultationGate(record.consultation ?? { authorId: '', comments: [] }, discussionClosesAt, now);
    if (gate.unanswered.length > 0) return result({ kind: 'awaiting_answers', unanswered: gate.unanswered.length });
    if (gate.answeredAt) since = laterOf(gate.answeredAt, since);
  }
  for (const [i, spec] of type.stages.entries()) {
    const stageRecord = record.stages[i];
    const outcome = outcomes[i];
    if (!outcome) break; // unreachable: one outcome per stage
    if (!stageRecord?.opensAt) {
      // A seat election with no more candidates than seats: elected unopposed when voting would have opened (election.ts).
      const unopposed = i === 0 && record.decidedUnopposedAt ? laterOf(record.decidedUnopposedAt, since) : null;
      if (unopposed && reached(now, unopposed)) return result({ kind: 'passed', at: unopposed });
      return result({ kind: 'ready_for_voting', stageIndex: i, since });
    }
    const opensAt = laterOf(stageRecord.opensAt, since);
    const minimumClose = addHours(opensAt, spec.votingWindowHours);
    const closesAt = stageRecord.closesAt ? laterOf(stageRecord.closesAt, minimumClose) : minimumClose;
    if (!reached(now, opensAt)) return result({ kind: 'ready_for_voting', stageIndex: i, since });
    outcome.opensAt = opensAt;
    outcome.closesAt = closesAt;
    if (!reached(now, closesAt)) return result({ kind: 'voting', stageIndex: i, closesAt });

    // A member-wide stage counts its roll (member-vote.ts); until its close is counted it reads as voting.
    if (stageRecord.roll) {
      const counted = memberTally(stageRecord.roll, stageRecord, spec, type, { opensAt, closesAt });
      if (!counted) return result({ kind: 'voting', stageIndex: i, closesAt });
      outcome.tally = counted;
      if (counted.outcome === 'failed_quorum') return result({ kind: 'failed_quorum', stageIndex: i, at: closesAt });
      if (counted.outcome === 'rejected') return result({ kind: 'rejected', stageIndex: i, at: closesAt });
      since = closesAt;
      continue;
    }
    const body = findBody(charter, spec.bodyKey);
    const inWindow = stageRecord.ballots.filter((b) => b.castAt.getTime() >= opensAt.getTime() && b.castAt.getTime() < closesAt.getTime());
    // The seat count recorded when voting opened, so a later charter change cannot rewrite a past vote;
    // a missing snapshot falls back to the charter rather than to zero.
    const charterSeats = stageRecord.charterSeats >= 1 ? stageRecord.charterSeats : body.charterSeats;
    // A choice among options counts its secret ballots (choice.ts); the count itself is recorded at the close.
    // A decision by consent counts the objections standing at the close, not ballots (consent.ts).
    const method = countingMethodOf(type, null);
    const tally = type.consent
      ? consentStageTally({
          standing: standingObjections(stageRecord.objections ?? [], opensAt, closesAt, stageRecord.recusedSeatIds).length,
          stage: spec,
          body,
          charterSeats,
          recusedSeatIds: stageRecord.recusedSeatIds,
        })
      : method
        ? choiceStageTally({
            ballots: countedChoiceBallots(stageRecord.choiceBallots ?? [], stageRecord.recusedSeatIds, { opensAt, closesAt }),
            stage: spec,
            body,
            charterSeats,
            recusedSeatIds: stageRecord.recusedSeatIds,
            method,
          })
        : tallyStage({
            ballots: inWindow,
            stage: spec,
            body,
            charterSeats,
            recusedSeatIds: stageRecord.recusedSeatIds,
            holdersInOffice: stageRecord.holdersInOffice ?? null,
          });
    outcome.tally = tally;
    if (tally.outcome === 'failed_quorum') return result({ kind: 'failed_quorum', stageIndex: i, at: closesAt });
    if (tally.outcome === 'rejected') return result({ kind: 'rejected', stageIndex: i, at: closesAt });
    since = closesAt;
  }

  // Every stage passed. An emergency decision lapses unless ratified in time (docs/design.md §3.9).
  const passedAt = since;
  if (record.emergencyApprovedAt && type.emergency) {
    const deadline = ratificationDeadline(passedAt, type.emergency);
    if (reached(now, deadline) && !ratifiedInTime(record.ratifiedAt, deadline, now)) return result({ kind: 'lapsed', at: deadline });
  }
  return result({ kind: 'passed', at: passedAt });
}

/**
 * A closed member-wide stage's tally: counted from its roll when the roll is in hand (the worker
 * loads it to record the close), else the tally recorded at the close; null while neither is.
 */
function memberTally(
  roll: NonNullable<StageRecord['roll']>,
  stage: StageRecord,
  spec: StageSpec,
  type: ProposalTypeSpec,
  window: { opensAt: Date; closesAt: Date },
): TallyResult | null {
  if (!roll.entries) return roll.recordedTally ?? null;
  const maxDepth = delegationDepth(type);
  const method = countingMethodOf(type, null);
  if (method) return memberChoiceTally({ roll: roll.entries, ballots: stage.choiceBallots ?? [], window, stage: spec, maxDepth, methodKey: method.key }).tally;
  return memberStageTally({ roll: roll.entries, ballots: stage.ballots, window, stage: spec, maxDepth });
}

const underWay = new Set<Phase['kind']>(['discussion', 'awaiting_reply', 'awaiting_answers', 'ready_for_voting', 'voting']);

/** Published and still open: in discussion, awaiting the subject's reply, ready for or in voting. */
export function isUnderWay(phase: Pick<Phase, 'kind'>): boolean {
  return underWay.has(phase.kind);
}

/**
 * The next deadline a phase runs to, with its name ('Voting closes', …); null when the phase has none.
 * A decision by consent (`consent`) has no vote: its window closes for objections.
 */
export function phaseDeadline(
  phase: Phase,
  opts: { consent?: boolean } = {},
): { label: string; kind: 'discussion' | 'awaiting_reply' | 'voting' | 'consent'; at: Date } | null {
  // `kind` names the deadline for the message catalogues (`proposalList.deadline.<kind>`).
  if (phase.kind === 'discussion') return { label: 'Comment window closes', kind: 'discussion', at: phase.closesAt };
  if (phase.kind === 'awaiting_reply') return { label: 'Reply due', kind: 'awaiting_reply', at: phase.dueAt };
  // Awaiting the author's answers has no deadline: voting opens once every concern is answered.
  if (phase.kind === 'voting')
    return opts.consent ? { label: 'Objections close', kind: 'consent', at: phase.closesAt } : { label: 'Voting closes', kind: 'voting', at: phase.closesAt };
  return null;
}
