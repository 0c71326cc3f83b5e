'use server';

import { orgAction } from '@/lib/actions/action';
import {
  answerNominationOperation,
  backEmergencyMotionOperation,
  castBallotOperation,
  castChoiceBallotOperation,
  createProposalOperation,
  declareEligibilityOperation,
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
import { orgOperationAction } from '@/lib/actions/use-case-action';
import { requestTranslator } from '@/lib/i18n/refusals';
import type en from '@/messages/en.json';

type DoneKey = keyof (typeof en)['proposalPanels']['done'];

/** A success line in the request's language (English outside a request: tests and scripts). */
async function done(key: DoneKey, params?: Record<string, string | number>): Promise<string> {
  return (await requestTranslator())(`proposalPanels.done.${key}`, params);
}

// The API creates, revises, publishes and withdraws through the same operations (app/api/v1).
export const createProposalAction = orgAction(createProposalOperation.schema, createProposalOperation.minimumRole, async ({ input, user, membership }) => {
  const created = await performAsMember(createProposalOperation, { userId: user.id, role: membership.role }, input);
  return { ok: true, redirectTo: `/o/${membership.orgSlug}/proposals/${created.number}` };
});

export const reviseProposalAction = orgOperationAction(reviseProposalOperation, () => done('revised'));

export const publishProposalAction = orgOperationAction(publishProposalOperation, () => done('published'));

export const withdrawProposalAction = orgOperationAction(withdrawProposalOperation, () => done('withdrawn'));

// The API posts comments through the same operation (app/api/v1).
export const postCommentAction = orgOperationAction(postCommentOperation, (input) => done(input.asReply ? 'replyPosted' : 'commentPosted'));

// Edits share the comment allowance: each one is a log entry. The API edits and deletes through the same operations (app/api/v1).
export const editCommentAction = orgOperationAction(editCommentOperation, () => done('commentUpdated'));

export const deleteCommentAction = orgOperationAction(deleteCommentOperation, () => done('commentDeleted'));

// The API opens voting through the same operation.
export const openVotingAction = orgOperationAction(openVotingOperation, () => done('votingOpen'));

// The API casts ballots through the same operation (app/api/v1).
export const castBallotAction = orgOperationAction(
  castBallotOperation,
  (input) => done('voteRecorded', { choice: input.choice }),
  // The reply is the ballot alone (the form shows it and moves the stage's count), not the page re-rendered.
  { recorded: (input) => ({ choice: input.choice }) },
);

/** A secret ballot of a choice among options: what it chose is not repeated back, only that it is recorded. The API casts it through the same operation. */
export const castChoiceBallotAction = orgOperationAction(castChoiceBallotOperation, () => done('secretRecorded'));

// Decisions by consent: an objection is public at once, and limited like a ballot. The API raises and withdraws through the same operations.
export const raiseObjectionAction = orgOperationAction(raiseObjectionOperation, () => done('objectionRaised'));

export const withdrawObjectionAction = orgOperationAction(withdrawObjectionOperation, () => done('objectionWithdrawn'));

// Seat elections: nominations during the comment window; only the nominee answers their own. The API nominates and answers through the same operations.
export const nominateCandidateAction = orgOperationAction(nominateCandidateOperation, () => done('nominated'));

export const answerNominationAction = orgOperationAction(answerNominationOperation, (input) =>
  done(input.answer === 'accept' ? 'nominationAccepted' : input.answer === 'decline' ? 'nominationDeclined' : 'candidacyWithdrawn'),
);

// The API declares recusals through the same operation.
export const declareRecusalAction = orgOperationAction(declareRecusalOperation, () => done('recusalRecorded'));

// The API backs emergency motions through the same operation.
export const backEmergencyMotionAction = orgOperationAction(backEmergencyMotionOperation, (_input, result) =>
  result.approved ? done('emergencyPassed') : done('emergencyBacked', { backers: result.backers }),
);

// The appointee of a class seat declares in their own name that they qualify (the engine checks who the appointee is).
// The API declares through the same operation.
export const declareEligibilityAction = orgOperationAction(declareEligibilityOperation, () => done('declared'));

// Only accepted members follow (observers do not); the use case reads the role again. The API follows and unfollows through the same operation.
export const followProposalAction = orgOperationAction(followProposalOperation, (_input, result) => done(result.following ? 'following' : 'unfollowed'));
