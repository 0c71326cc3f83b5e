/**
 * Comment, reply and ratification windows (docs/design.md §3.1, §3.8, §3.9).
 *
 * The comment window can only ever move later. Whatever is stored, the effective close is never
 * earlier than publication + the type's minimum window: a wrong or tampered timestamp cannot
 * open a vote early.
 */
import { HOUR_MS, addDays, addHours, earlierOf, instantOf, laterOf, reached } from './time';
import type { Instant } from './time';
import type { EmergencySpec, ProposalRecord, ProposalTypeSpec } from './types';

/** When the comment window closes for a proposal published at `publishedAt`. */
export function discussionClosesAtOnPublish(type: ProposalTypeSpec, publishedAt: Date, emergencyApproved: boolean): Date {
  if (emergencyApproved && !type.emergency) {
    throw new Error(`Proposal type "${type.key}" has no emergency procedure; its comment window cannot be shortened.`);
  }
  const hours = emergencyApproved && type.emergency ? type.emergency.minCommentWindowHours : type.minCommentWindowHours;
  return addHours(publishedAt, hours);
}

export type RevisionInput = {
  discussionClosesAt: Date;
  revisedAt: Date;
  substantive: boolean;
  type: ProposalTypeSpec;
  /** When voting opened, if it has; a revision after that extends nothing. */
  votingOpenedAt?: Date | null;
};

/**
 * The comment window after a revision. A substantive change late in the window (or after it
 * closed but before voting opened) gives readers fresh time to respond: the window runs to at
 * least revisedAt + lateRevisionExtensionHours. Never returns a date earlier than the current close.
 */
export function extendForRevision({ discussionClosesAt, revisedAt, substantive, type, votingOpenedAt = null }: RevisionInput): Date {
  const close = discussionClosesAt.getTime();
  const at = revisedAt.getTime();
  const late = at >= close - type.lateRevisionWindowHours * HOUR_MS;
  const beforeVoting = at < close || votingOpenedAt === null || at < votingOpenedAt.getTime();
  if (!substantive || !late || !beforeVoting) return new Date(close);
  return laterOf(discussionClosesAt, addHours(revisedAt, type.lateRevisionExtensionHours));
}

/** Is the emergency (shortened) window in force for this record under this type? */
function emergencyInForce(record: ProposalRecord, type: ProposalTypeSpec): EmergencySpec | null {
  return record.emergencyApprovedAt && type.emergency ? type.emergency : null;
}

/** The earliest the comment window may close: publication + minimum window (emergency: never before the motion passed). */
export function minimumDiscussionClosesAt(record: ProposalRecord, type: ProposalTypeSpec): Date | null {
  if (!record.publishedAt) return null;
  const emergency = emergencyInForce(record, type);
  if (emergency && record.emergencyApprovedAt) {
    return laterOf(addHours(record.publishedAt, emergency.minCommentWindowHours), record.emergencyApprovedAt);
  }
  return addHours(record.publishedAt, type.minCommentWindowHours);
}

/** The comment window's close as enforced: the stored value, but never earlier than the minimum. */
export function effectiveDiscussionClosesAt(record: ProposalRecord, type: ProposalTypeSpec): Date | null {
  const minimum = minimumDiscussionClosesAt(record, type);
  if (!minimum) return null;
  return record.discussionClosesAt ? laterOf(record.discussionClosesAt, minimum) : minimum;
}

/** docs/design.md §3.8: the subject may reply until the comment window closes + replyWindowHours. Null when no subject is required. */
export function replyDeadline(record: ProposalRecord, type: ProposalTypeSpec): Date | null {
  if (!type.requiresSubject) return null;
  const close = effectiveDiscussionClosesAt(record, type);
  return close ? addHours(close, type.replyWindowHours) : null;
}

/**
 * When the first stage may open: the comment window has closed and, for a proposal with a
 * subject, the subject has replied or the reply deadline has passed. Null before publication.
 */
export function earliestVotingAt(record: ProposalRecord, type: ProposalTypeSpec): Date | null {
  const close = effectiveDiscussionClosesAt(record, type);
  if (!close) return null;
  const deadline = replyDeadline(record, type);
  if (!deadline) return close;
  const replyDone = record.replyPostedAt ? earlierOf(record.replyPostedAt, deadline) : deadline;
  return laterOf(close, replyDone);
}

/** docs/design.md §3.9: an emergency decision must be ratified by this time or it lapses. */
export function ratificationDeadline(passedAt: Date, emergency: EmergencySpec): Date {
  return addDays(passedAt, emergency.ratifyWithinDays);
}

/** Ratified in time: a ratification at or before the deadline (and already recorded by `now`). */
export function ratifiedInTime(ratifiedAt: Date | null, deadline: Date, now: Date | Instant): boolean {
  return ratifiedAt !== null && ratifiedAt.getTime() <= deadline.getTime() && reached(now instanceof Date ? instantOf(now) : now, ratifiedAt);
}
