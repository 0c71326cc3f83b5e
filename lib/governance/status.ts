/**
 * What a proposal's status line says, from the same rule functions that decide it: the phase
 * (proposalPhase), whether voting can open (canOpenVoting, with the bodies' real strengths), the
 * reply deadline and the emergency status. The proposal page and the list both show this, so a
 * page can never promise a vote the engine would refuse. Pure: no I/O, no clock.
 */
import { findBody, findType } from './charter';
import type { MessageParams } from './messages';
import { emergencyStatus } from './emergency';
import { proposalPhase } from './phase';
import type { BodyStrength } from './strength';
import { formatHours, formatUtc } from './time';
import type { BodySpec, Charter, Phase, ProposalRecord } from './types';
import { canOpenVoting } from './voting';
import { earliestVotingAt, replyDeadline } from './windows';

export type ProposalStatus = {
  phase: Phase;
  /** Short badge text, e.g. 'In discussion', 'Blocked: board below strength'. */
  label: string;
  /** The status line: what is happening, until when, and what comes next. */
  explanation: string;
  /** Voting cannot open when the proposal is ready for it: why (null when nothing blocks it). */
  blocked: string | null;
  /** For an emergency decision that passed: ratify by this time or it lapses (null otherwise). */
  ratifyBy: Date | null;
  tone: 'neutral' | 'active' | 'waiting' | 'blocked' | 'passed' | 'failed';
  /**
   * What blocks voting, by its refusal code and parameters, so a page can say it in the reader's language (null when
   * nothing blocks it, or when the reason came without a code).
   */
  blockedRefusal: { code: string; params?: MessageParams } | null;
  /**
   * The explanation as data, for the phases before a vote (discussion, awaiting a reply or answers, blocked), a consent
   * window and an emergency pass, so a page can compose it in the reader's language; empty for the other phases, which a
   * page words from `phase` itself. The English is `explanation`.
   */
  parts: StatusPart[];
};

/** One sentence of a status line before the vote (the English of each is in `proposalStatus`). */
export type StatusPart =
  | { kind: 'comment_window'; closes: Date; minimumHours: number; emergency: boolean; motionPending: boolean }
  | { kind: 'replied' }
  | { kind: 'reply_by'; until: Date }
  | { kind: 'awaiting_reply'; until: Date }
  | { kind: 'answers_required' }
  | { kind: 'awaiting_answers'; count: number }
  /** Voting cannot open once the window allows it (`then`), or now: why is `blockedRefusal` (or `blocked`). */
  | { kind: 'blocked'; then: boolean }
  /** A decision by consent open for objections until `closes`; `body` is the deciding body's name as the charter writes it. */
  | { kind: 'consent_window'; closes: Date; body: string }
  /** Passed under the emergency procedure: to be ratified by `ratifyBy`, or ratified (`ratifyBy` null). */
  | { kind: 'passed_emergency'; at: Date; ratifyBy: Date | null };

export type StatusInput = {
  record: ProposalRecord;
  charter: Charter;
  /** bodyStrength() of every body, keyed by body key. */
  strengths: Record<string, BodyStrength>;
  now: Date;
};

/** Why voting will not open once the window (and reply) allow it, asked of canOpenVoting at that moment. */
function blockerAt(
  record: ProposalRecord,
  charter: Charter,
  stageIndex: number,
  strengths: Record<string, BodyStrength>,
  at: Date,
): { reason: string; refusal: { code: string; params?: MessageParams } } | null {
  const rule = canOpenVoting({ record, charter, stageIndex, strengths, now: at });
  return rule.ok ? null : { reason: rule.reason, refusal: { code: rule.code, ...(rule.params ? { params: rule.params } : {}) } };
}

function blockedLabel(charter: Charter, bodyKey: string | undefined, strengths: Record<string, BodyStrength>): string {
  if (!bodyKey) return 'Blocked';
  const body = findBody(charter, bodyKey);
  return strengths[bodyKey]?.isBelowStrength ? `Blocked: ${body.name.toLowerCase()} below strength` : 'Blocked';
}

export function proposalStatus({ record, charter, strengths, now }: StatusInput): ProposalStatus {
  const type = findType(charter, record.typeKey);
  const phase = proposalPhase(record, charter, now);
  const base = { phase, blocked: null, ratifyBy: null, blockedRefusal: null, parts: [] };
  const firstBody = type.stages[0]?.bodyKey;

  switch (phase.kind) {
    case 'draft':
      return { ...base, label: 'Draft', explanation: 'A private draft: only its author can see it until it is published.', tone: 'neutral' };

    case 'discussion':
    case 'awaiting_reply': {
      const votingFrom = earliestVotingAt(record, type);
      // Asked at the moment the window and reply allow a vote: the only thing left to refuse it is the rules on strength.
      const blocker = votingFrom ? blockerAt(record, charter, 0, strengths, votingFrom) : null;
      const parts: string[] = [];
      const data: StatusPart[] = [];
      if (phase.kind === 'discussion') {
        const emergencyApproved = Boolean(record.emergencyApprovedAt && type.emergency);
        const minimumHours = emergencyApproved && type.emergency ? type.emergency.minCommentWindowHours : type.minCommentWindowHours;
        const minimum = emergencyApproved ? `the emergency minimum of ${formatHours(minimumHours)}` : `the minimum of ${formatHours(minimumHours)}`;
        // Asked for the emergency procedure and not yet backed: its motion could still shorten the window.
        const motionPending = !emergencyApproved && Boolean(type.emergency) && record.emergencyRequested === true;
        parts.push(
          `Comment window open until ${formatUtc(phase.closesAt)} (${minimum}; ${motionPending ? 'only the emergency motion asked for on this proposal can shorten it' : 'it cannot be shortened'}).`,
        );
        data.push({ kind: 'comment_window', closes: phase.closesAt, minimumHours, emergency: emergencyApproved, motionPending });
        const reply = replyDeadline(record, type);
        if (reply) {
          parts.push(
            record.replyPostedAt
              ? 'The person concerned has replied.'
              : `Then the person concerned has until ${formatUtc(reply)} to reply; voting waits for the reply or that time.`,
          );
          data.push(record.replyPostedAt ? { kind: 'replied' } : { kind: 'reply_by', until: reply });
        }
      } else {
        parts.push(`Waiting for the reply of the person concerned until ${formatUtc(phase.dueAt)}: they are heard before anyone votes.`);
        data.push({ kind: 'awaiting_reply', until: phase.dueAt });
      }
      if (type.answersRequired) {
        parts.push('Every concern or objection raised in the comment window needs a public answer from the author before voting opens.');
        data.push({ kind: 'answers_required' });
      }
      if (blocker) {
        parts.push(`Voting cannot open then: ${blocker.reason}`);
        data.push({ kind: 'blocked', then: true });
      }
      return {
        ...base,
        blocked: blocker?.reason ?? null,
        blockedRefusal: blocker?.refusal ?? null,
        parts: data,
        label: blocker ? blockedLabel(charter, firstBody, strengths) : phase.kind === 'discussion' ? 'In discussion' : 'Awaiting reply',
        explanation: parts.join(' '),
        tone: blocker ? 'blocked' : phase.kind === 'discussion' ? 'active' : 'waiting',
      };
    }

    case 'awaiting_answers':
      return {
        ...base,
        label: 'Awaiting answers',
        explanation: `The comment window has closed. ${phase.unanswered} ${phase.unanswered === 1 ? 'concern or objection still needs' : 'concerns or objections still need'} a public answer from the author; voting opens once every one is answered.`,
        parts: [{ kind: 'awaiting_answers', count: phase.unanswered }],
        tone: 'waiting',
      };

    case 'ready_for_voting': {
      const blocker = blockerAt(record, charter, phase.stageIndex, strengths, now);
      if (blocker)
        return {
          ...base,
          blocked: blocker.reason,
          blockedRefusal: blocker.refusal,
          parts: [{ kind: 'blocked', then: false }],
          label: blockedLabel(charter, type.stages[phase.stageIndex]?.bodyKey, strengths),
          explanation: `Voting cannot open: ${blocker.reason}`,
          tone: 'blocked',
        };
      return { ...base, label: 'Ready for voting', explanation: 'The comment window has closed; voting opens automatically within a minute.', tone: 'waiting' };
    }

    case 'voting': {
      const body = findBody(charter, type.stages[phase.stageIndex]!.bodyKey);
      // A decision by consent has no ballots: its window is for objections (consent.ts).
      if (type.consent) {
        return {
          ...base,
          label: 'Open for objections',
          explanation: `Open for objections until ${formatUtc(phase.closesAt)}: any ${body.name.toLowerCase()} seat holder may object, with a reason; it passes if no objection stands then.`,
          parts: [{ kind: 'consent_window', closes: phase.closesAt, body: body.name }],
          tone: 'active',
        };
      }
      const stage = type.stages.length > 1 ? ` (stage ${phase.stageIndex + 1} of ${type.stages.length})` : '';
      return {
        ...base,
        label: 'Voting open',
        explanation: `Voting open until ${formatUtc(phase.closesAt)}: ${whoVotes(body)}${stage}.`,
        tone: 'active',
      };
    }

    case 'passed': {
      const emergency = emergencyStatus(record, charter, now);
      if (emergency.deadline && !emergency.ratified) {
        return {
          ...base,
          ratifyBy: emergency.deadline,
          label: 'Passed: awaiting ratification',
          explanation: `Passed on ${formatUtc(phase.at)} under the emergency procedure. Must be ratified by ${formatUtc(emergency.deadline)} or it lapses.`,
          parts: [{ kind: 'passed_emergency', at: phase.at, ratifyBy: emergency.deadline }],
          tone: 'waiting',
        };
      }
      if (emergency.ratified)
        return {
          ...base,
          label: 'Passed and ratified',
          explanation: `Passed on ${formatUtc(phase.at)} under the emergency procedure, and ratified.`,
          parts: [{ kind: 'passed_emergency', at: phase.at, ratifyBy: null }],
          tone: 'passed',
        };
      return { ...base, label: 'Passed', explanation: `Passed on ${formatUtc(phase.at)}.`, tone: 'passed' };
    }
    case 'rejected':
      return { ...base, label: 'Rejected', explanation: `Rejected at stage ${phase.stageIndex + 1} on ${formatUtc(phase.at)}.`, tone: 'failed' };
    case 'failed_quorum':
      return { ...base, label: 'Failed quorum', explanation: `Failed for lack of quorum on ${formatUtc(phase.at)}.`, tone: 'failed' };
    case 'lapsed':
      return { ...base, label: 'Lapsed', explanation: `Lapsed on ${formatUtc(phase.at)}: the emergency decision was not ratified in time.`, tone: 'failed' };
    case 'withdrawn':
      return { ...base, label: 'Withdrawn', explanation: `Withdrawn on ${formatUtc(phase.at)}.`, tone: 'neutral' };
  }
}

/**
 * The status when a check outside the pure rules — a seat appointment's own (one seat per body,
 * the appointee's declaration, who may fill the seat), which the worker asks before opening a
 * vote — stops a ready vote from opening: shown as blocked, with its reason, so no page promises
 * a vote that will not open.
 */
export function blockedBy(status: ProposalStatus, refusal: { reason: string; code?: string; params?: MessageParams }): ProposalStatus {
  if (status.phase.kind !== 'ready_for_voting' || status.blocked) return status;
  return {
    ...status,
    label: 'Blocked',
    blocked: refusal.reason,
    blockedRefusal: refusal.code ? { code: refusal.code, ...(refusal.params ? { params: refusal.params } : {}) } : null,
    parts: [{ kind: 'blocked', then: false }],
    explanation: `Voting cannot open: ${refusal.reason}`,
    tone: 'blocked',
  };
}

/** "the board votes"; for a member-wide body, its electorate: "all members vote", "the members of the workers group vote". */
function whoVotes(body: BodySpec): string {
  if (!body.electorate) return `the ${body.name.toLowerCase()} votes`;
  return body.electorate.kind === 'all_members' ? 'all members vote' : `the members of the ${body.electorate.group} group vote`;
}
