/**
 * A decision by consent: a proposal type with `consent: true` is decided without ballots.
 *
 * - During its one stage's voting window (opened after the comment window, as for any vote),
 *   each seat holder of the deciding body may raise an objection, with its reason, public at
 *   once; the objector may withdraw it, or raise again to replace its reason. A seat has at most
 *   one standing objection. A recused seat cannot object.
 * - At the close the proposal passes when no objection stands, and is rejected otherwise. No
 *   quorum applies: silence is consent.
 * - Only what happened inside the window counts: an objection raised before the window opens or
 *   at or after its close does not stand; a withdrawal at or after the close does not withdraw.
 * - The author may revise the text while the window is open, to meet an objection (permissions.ts).
 *   A revision withdraws nothing: each objection stands until its objector withdraws it. A revision
 *   within the type's lateRevisionWindowHours of the close moves the close to at least revision
 *   time + lateRevisionExtensionHours (consentCloseAfterRevision), so nobody decides by silence on
 *   a text changed at the last minute. The close moves once: after that, the text is fixed for the
 *   window's last lateRevisionWindowHours, so the author cannot put a rejection off forever.
 */
import { HOUR_MS, addHours, laterOf } from './time';
import type { BodySpec, ObjectionState, ProposalTypeSpec, StageSpec, TallyResult } from './types';

export const MIN_OBJECTION_REASON = 10;
export const MAX_OBJECTION_REASON = 2000;

/** The charter's rules for a consent type, as plain-English problems (empty when fine or not a consent type). */
export function consentTypeErrors(type: ProposalTypeSpec): string[] {
  if (type.consent === undefined) return [];
  const label = `Proposal type "${type.key}"`;
  const errors: string[] = [];
  if (type.consent !== true) errors.push(`${label}: the consent setting is either true or absent.`);
  if (type.stages.length !== 1) errors.push(`${label} decides by consent, so it has exactly one deciding stage (it has ${type.stages.length}).`);
  if (type.effect !== 'resolution') errors.push(`${label} decides by consent, so its effect must be resolution.`);
  if (type.requiresSubject) errors.push(`${label} decides by consent, so it cannot name a subject.`);
  if (type.emergency) errors.push(`${label} decides by consent, so it cannot have an emergency procedure.`);
  if (type.method) errors.push(`${label} decides by consent, so it cannot also choose among options.`);
  return errors;
}

/** Why this objection's reason cannot be recorded, or null (the reason as it will be stored: trimmed). */
export function objectionReasonProblem(reason: string): string | null {
  const length = [...reason.trim()].length;
  if (length < MIN_OBJECTION_REASON) return `Give the reason for your objection in at least ${MIN_OBJECTION_REASON} characters.`;
  if (length > MAX_OBJECTION_REASON) return `An objection is at most ${MAX_OBJECTION_REASON.toLocaleString('en')} characters.`;
  return null;
}

/**
 * The objections standing at the close of a window [opensAt, closesAt): raised inside the window,
 * by a seat that did not recuse, and not withdrawn before the close. One per seat at most (a
 * seat's later objection replaces its earlier one).
 */
export function standingObjections<T extends ObjectionState>(objections: readonly T[], opensAt: Date, closesAt: Date, recusedSeatIds: readonly string[]): T[] {
  const recused = new Set(recusedSeatIds);
  const open = opensAt.getTime();
  const close = closesAt.getTime();
  const bySeat = new Map<string, T>();
  for (const o of objections) {
    const raised = o.raisedAt.getTime();
    if (raised < open || raised >= close || recused.has(o.seatId)) continue;
    if (o.withdrawnAt && o.withdrawnAt.getTime() < close) continue;
    const held = bySeat.get(o.seatId);
    if (!held || raised > held.raisedAt.getTime()) bySeat.set(o.seatId, o);
  }
  return [...bySeat.values()];
}

/**
 * The consent window's close after the author revises at `revisedAt`, inside the window that now
 * closes at `closesAt` (the effective close, as proposalPhase derives it). A revision within the
 * type's lateRevisionWindowHours of the close extends it to at least revisedAt +
 * lateRevisionExtensionHours — whether the change is substantive or editorial: the text a seat
 * holder consents to by silence is the text itself. Never earlier than `closesAt`; `extended` says
 * whether it moved. Pure: the caller stores the new close (stored closes only ever move later).
 */
export function consentCloseAfterRevision(input: {
  closesAt: Date;
  revisedAt: Date;
  type: Pick<ProposalTypeSpec, 'lateRevisionWindowHours' | 'lateRevisionExtensionHours'>;
  /**
   * The window's close as scheduled when it opened (opening + voting window). When the close has
   * already been moved past it, a further late revision is refused (`tooLate`): the window is
   * extended once, so an author facing an objection cannot put the rejection off forever.
   */
  scheduledClose?: Date;
}): { closesAt: Date; extended: boolean; tooLate?: true } {
  const { closesAt, revisedAt, type, scheduledClose } = input;
  const late = revisedAt.getTime() >= closesAt.getTime() - type.lateRevisionWindowHours * HOUR_MS;
  if (!late || revisedAt.getTime() >= closesAt.getTime()) return { closesAt: new Date(closesAt), extended: false };
  if (scheduledClose && closesAt.getTime() > scheduledClose.getTime()) return { closesAt: new Date(closesAt), extended: false, tooLate: true };
  const next = laterOf(closesAt, addHours(revisedAt, type.lateRevisionExtensionHours));
  return { closesAt: next, extended: next.getTime() > closesAt.getTime() };
}

/** The tally of a consent stage at its close: passed when no objection stands; no quorum applies. */
export function consentStageTally(input: {
  standing: number;
  stage: StageSpec;
  body: BodySpec;
  charterSeats: number;
  recusedSeatIds: readonly string[];
}): TallyResult {
  const { standing, charterSeats, recusedSeatIds } = input;
  const passed = standing === 0;
  return {
    yes: 0,
    no: 0,
    abstain: 0,
    cast: 0,
    charterSeats,
    recused: Math.min(new Set(recusedSeatIds).size, charterSeats),
    quorumRequired: 0,
    quorumMet: true,
    thresholdBase: 0,
    yesRequired: 0,
    passed,
    outcome: passed ? 'passed' : 'rejected',
    consent: { objections: standing },
  };
}
