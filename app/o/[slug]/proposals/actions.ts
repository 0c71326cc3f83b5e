'use server';

import { orgAction } from '@/lib/actions/action';
import {
  answerNominationOperation,
  castBallotOperation,
  castChoiceBallotOperation,
  createProposalOperation,
  declareRecusalOperation,
  deleteCommentOperation,
  editCommentOperation,
  followProposalOperation,
  nominateCandidateOperation,
  openVotingOperation,
  performAsMember,
  postCommentOperation,
  publishProposalOperation,
  raiseObjectionOperation,
  reviseProposalOperation,
  withdrawObjectionOperation,
  withdrawProposalOperation,
} from '@/lib/actions/operations';
import { orgOperationAction, orgUseCaseAction } from '@/lib/actions/use-case-action';
import { backEmergencyMotion } from '@/lib/use-cases/emergency';
import { declareAppointeeEligibility } from '@/lib/use-cases/appointments';
import { proposalRefSchema } from '@/lib/validation/proposal';

// The API creates, revises, publishes and withdraws through the same operations (app/api/v1).
export const createProposalAction = orgAction(createProposalOperation.schema, createProposalOperation.minimumRole, async ({ input, user, membership }) => {
  const created = await performAsMember(createProposalOperation, { userId: user.id, role: membership.role }, input);
  return { ok: true, redirectTo: `/o/${membership.orgSlug}/proposals/${created.number}` };
});

export const reviseProposalAction = orgOperationAction(reviseProposalOperation, 'Revision saved.');

export const publishProposalAction = orgOperationAction(
  publishProposalOperation,
  'Published. The comment window is open and every seat holder has been given notice.',
);

export const withdrawProposalAction = orgOperationAction(withdrawProposalOperation, 'Withdrawn.');

// The API posts comments through the same operation (app/api/v1).
export const postCommentAction = orgOperationAction(postCommentOperation, (input) =>
  input.asReply ? 'Your reply is posted. Voting can now open when the window allows.' : 'Comment posted.',
);

// Edits share the comment allowance: each one is a log entry. The API edits and deletes through the same operations (app/api/v1).
export const editCommentAction = orgOperationAction(editCommentOperation, 'Comment updated. Earlier versions stay visible in its history.');

export const deleteCommentAction = orgOperationAction(deleteCommentOperation, 'Comment deleted.');

// The API opens voting through the same operation.
export const openVotingAction = orgOperationAction(openVotingOperation, 'Voting is open.');

// The API casts ballots through the same operation (app/api/v1).
export const castBallotAction = orgOperationAction(
  castBallotOperation,
  (input) => `Your vote (${input.choice}) is recorded. You can change it until voting closes.`,
  // The reply is the ballot alone (the form shows it and moves the stage's count), not the page re-rendered.
  { recorded: (input) => ({ choice: input.choice }) },
);

/** A secret ballot of a choice among options: what it chose is not repeated back, only that it is recorded. The API casts it through the same operation. */
export const castChoiceBallotAction = orgOperationAction(
  castChoiceBallotOperation,
  'Your secret ballot is recorded. You can change it until voting closes; how you voted is never shown with your name.',
);

// Decisions by consent: an objection is public at once, and limited like a ballot. The API raises and withdraws through the same operations.
export const raiseObjectionAction = orgOperationAction(
  raiseObjectionOperation,
  'Your objection is recorded and public. Unless you withdraw it, the proposal is rejected when the window closes.',
);

export const withdrawObjectionAction = orgOperationAction(withdrawObjectionOperation, 'Your objection is withdrawn.');

// Seat elections: nominations during the comment window; only the nominee answers their own. The API nominates and answers through the same operations.
export const nominateCandidateAction = orgOperationAction(
  nominateCandidateOperation,
  'Nomination recorded. The nominee is told and becomes a candidate only if they accept before the comment window closes.',
);

export const answerNominationAction = orgOperationAction(answerNominationOperation, (input) =>
  input.answer === 'accept'
    ? 'You have accepted: you are a candidate. You can withdraw until the comment window closes.'
    : input.answer === 'decline'
      ? 'You have declined the nomination.'
      : 'You have withdrawn: you are no longer a candidate.',
);

// The API declares recusals through the same operation.
export const declareRecusalAction = orgOperationAction(declareRecusalOperation, 'Recusal recorded. Your seat will not vote on this proposal.');

export const backEmergencyMotionAction = orgUseCaseAction(proposalRefSchema, 'observer', backEmergencyMotion, (_input, result) =>
  result.approved ? 'The emergency motion has passed: the shortened window applies.' : `Your backing is recorded (${result.backers} so far).`,
);

// The appointee of a class seat declares in their own name that they qualify; observers too can
// be appointees, so the minimum role is observer and the engine checks who the appointee is.
export const declareEligibilityAction = orgUseCaseAction(
  proposalRefSchema,
  'observer',
  declareAppointeeEligibility,
  'Your declaration is recorded in the public log. Voting can open when the window allows.',
);

// Only accepted members follow (observers do not); the use case reads the role again. The API follows and unfollows through the same operation.
export const followProposalAction = orgOperationAction(followProposalOperation, (_input, result) =>
  result.following
    ? 'You follow this proposal: you will get an e-mail for new comments and replies, revisions, voting opening and the decision.'
    : 'You no longer follow this proposal.',
);
