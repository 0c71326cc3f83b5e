/**
 * Which actions a person may take on a proposal in a given phase — what the UI offers and what
 * every server action re-checks (with the finer rules in voting.ts, e.g. canCastBallot).
 */
import { refused } from './refusal';
import { phaseParam } from './refusal-facts';
import type { RefusalCode } from './messages';
import { hasRole } from './roles';
import type { Role } from './roles';
import type { Phase, RuleResult } from './types';

export const proposalActions = ['edit', 'publish', 'withdraw', 'comment', 'reply', 'vote', 'recuse', 'open_voting', 'back_emergency'] as const;
export type ProposalAction = (typeof proposalActions)[number];

export type ProposalActor = {
  /** The person's role in the organization; null for a non-member (or a visitor). */
  role: Role | null;
  isAuthor: boolean;
  /** The person the proposal concerns (removal, sanction). */
  isSubject: boolean;
  /** Holds a seat in the body deciding the current (or next) stage. */
  holdsSeatInStageBody: boolean;
  /** Has declared a conflict on this proposal. */
  isRecused: boolean;
  phase: Phase;
  /** The proposal asked for the emergency procedure and its motion has not passed yet. */
  emergencyMotionOpen?: boolean;
  /** The proposal's type decides by consent (consent.ts): its voting window is a window for objections. */
  decidesByConsent?: boolean;
};

const openForComment = new Set<Phase['kind']>(['discussion', 'awaiting_reply', 'awaiting_answers', 'ready_for_voting', 'voting']);
const beforeVoting = new Set<Phase['kind']>(['draft', 'discussion', 'awaiting_reply', 'awaiting_answers', 'ready_for_voting']);

export function allowedProposalActions({
  role,
  isAuthor,
  isSubject,
  holdsSeatInStageBody,
  isRecused,
  phase,
  emergencyMotionOpen = false,
  decidesByConsent = false,
}: ProposalActor): Set<ProposalAction> {
  const allowed = new Set<ProposalAction>();
  const kind = phase.kind;
  const isMember = hasRole(role, 'member');

  // Right of reply (docs/design.md §3.8) belongs to the person the proposal concerns, whatever their role —
  // an observer, or someone no longer a member, is still heard before anyone votes on them.
  if (isSubject && (kind === 'discussion' || kind === 'awaiting_reply')) allowed.add('reply');

  // Observers read; non-members see public pages only. Neither proposes, comments, votes, recuses
  // nor backs an emergency motion — not even an observer who holds a seat: the seat does not
  // lift the role's limits, and every path (pages, actions, engine) asks this function.
  if (!isMember) return allowed;

  // Members take part in the deliberation for as long as it can still change minds.
  if (openForComment.has(kind)) allowed.add('comment');

  if (isAuthor) {
    // A draft is the author's own; publishing starts the mandatory comment window (docs/design.md §3.1).
    if (kind === 'draft') {
      allowed.add('edit');
      allowed.add('publish');
    }
    // Revisions during discussion are visible and versioned; a late substantive one extends the window.
    if (kind === 'discussion') allowed.add('edit');
    // A decision by consent: the author may revise while objections are open, to meet one. Objections
    // stand until their objectors withdraw them, and a late revision extends the window (consent.ts).
    // A yes/no or choice vote's text is fixed once voting opens: ballots were cast on it.
    if (kind === 'voting' && decidesByConsent) allowed.add('edit');
    // Once a vote has opened the question belongs to the body: it can no longer be pulled to dodge the result.
    if (beforeVoting.has(kind)) allowed.add('withdraw');
  }

  if (holdsSeatInStageBody && !isRecused) {
    // Seat holders vote while their stage is open (canCastBallot checks the exact seat and window).
    if (kind === 'voting') allowed.add('vote');
    // A conflict should be declared as early as possible, so members know before the vote; until the stage closes.
    if (openForComment.has(kind)) allowed.add('recuse');
    // Seat holders of the first deciding body back the emergency motion in person, during discussion only.
    if (kind === 'discussion' && emergencyMotionOpen) allowed.add('back_emergency');
  }

  // The secretary (or an admin) opens the vote once the window and reply are done; canOpenVoting has the last word
  // (e.g. a critical decision of a body below strength).
  if (hasRole(role, 'secretary') && kind === 'ready_for_voting') allowed.add('open_voting');

  return allowed;
}

const refusals: Record<ProposalAction, RefusalCode> = {
  edit: 'proposal.edit_not_allowed',
  publish: 'proposal.publish_not_allowed',
  withdraw: 'proposal.withdraw_not_allowed',
  comment: 'proposal.comment_not_allowed',
  reply: 'proposal.reply_not_allowed',
  vote: 'proposal.vote_not_allowed',
  recuse: 'proposal.recuse_not_allowed',
  open_voting: 'proposal.open_voting_not_allowed',
  back_emergency: 'proposal.back_emergency_not_allowed',
};

/**
 * The one question every path asks: may this person take this action now? Pages (which buttons
 * show), server actions and the engine's use cases all come here, so what one offers the others allow.
 */
export function mayAct(actor: ProposalActor, action: ProposalAction): RuleResult {
  if (allowedProposalActions(actor).has(action)) return { ok: true };
  // An observer's seat gives no vote: say so plainly rather than pointing at the phase.
  if (
    actor.role === 'observer' &&
    actor.holdsSeatInStageBody &&
    (action === 'vote' || action === 'recuse' || action === 'back_emergency' || action === 'comment')
  ) {
    return refused('proposal.observer_cannot_act');
  }
  return refused(refusals[action], phaseParam(actor.phase));
}
