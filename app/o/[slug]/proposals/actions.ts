'use server';

import { getDb } from '@/db/client';
import { orgAction } from '@/lib/actions/action';
import { spendLimit } from '@/lib/actions/limit';
import { now } from '@/lib/clock';
import { backEmergencyMotion } from '@/lib/use-cases/emergency';
import { castBallot } from '@/lib/use-cases/ballots';
import { createDraft, reviseProposal } from '@/lib/use-cases/drafts';
import { declareAppointeeEligibility } from '@/lib/use-cases/appointments';
import { declareRecusal } from '@/lib/use-cases/recusal';
import { deleteComment, editComment, postComment } from '@/lib/use-cases/comments';
import { publishProposal } from '@/lib/use-cases/publish';
import { requestOpenVoting } from '@/lib/use-cases/open-voting';
import { withdrawProposal } from '@/lib/use-cases/withdraw';
import {
  ballotSchema,
  commentSchema,
  createProposalSchema,
  deleteCommentSchema,
  editCommentSchema,
  proposalRefSchema,
  publishProposalSchema,
  recusalSchema,
  reviseProposalSchema,
  withdrawProposalSchema,
} from '@/lib/validation/proposal';

export const createProposalAction = orgAction(createProposalSchema, 'member', async ({ input, user, membership }) => {
  const effect: Record<string, unknown> = {};
  if (input.seatId) effect.seatId = input.seatId;
  if (input.appointeeUserId) effect.appointeeUserId = input.appointeeUserId;
  if (input.declaration) effect.declaration = input.declaration;
  if (input.proposedCharter) effect.proposedCharter = input.proposedCharter;
  if (input.ratifiesProposalId) effect.ratifies = input.ratifiesProposalId;
  const created = await createDraft(
    getDb(),
    { userId: user.id, role: membership.role },
    {
      orgId: input.orgId,
      typeKey: input.typeKey,
      title: input.title,
      body: input.body,
      subjectUserId: input.subjectUserId,
      effect,
      emergency: input.emergency,
    },
    now(),
  );
  return { ok: true, redirectTo: `/o/${membership.orgSlug}/proposals/${created.number}` };
});

export const reviseProposalAction = orgAction(reviseProposalSchema, 'member', async ({ input, user, membership }) => {
  await reviseProposal(getDb(), { userId: user.id, role: membership.role }, input, now());
  return { ok: true, message: 'Revision saved.' };
});

export const publishProposalAction = orgAction(publishProposalSchema, 'member', async ({ input, user, membership }) => {
  await publishProposal(getDb(), { userId: user.id, role: membership.role }, input, now());
  return { ok: true, message: 'Published. The comment window is open and every seat holder has been given notice.' };
});

export const withdrawProposalAction = orgAction(withdrawProposalSchema, 'member', async ({ input, user, membership }) => {
  await withdrawProposal(getDb(), { userId: user.id, role: membership.role }, input, now());
  return { ok: true, message: 'Withdrawn.' };
});

// Observers may post only the right-of-reply statement when they are the subject; the pure
// permission rules decide that, so the minimum role here is observer.
export const postCommentAction = orgAction(commentSchema, 'observer', async ({ input, user, membership }) => {
  await spendLimit('comment', user.id);
  await postComment(getDb(), { userId: user.id, role: membership.role }, input, now());
  return { ok: true, message: input.asReply ? 'Your reply is posted. Voting can now open when the window allows.' : 'Comment posted.' };
});

export const editCommentAction = orgAction(editCommentSchema, 'observer', async ({ input, user, membership }) => {
  // Edits share the comment allowance: each one is a log entry.
  await spendLimit('comment', user.id);
  await editComment(getDb(), { userId: user.id, role: membership.role }, input, now());
  return { ok: true, message: 'Comment updated. Earlier versions stay visible in its history.' };
});

export const deleteCommentAction = orgAction(deleteCommentSchema, 'observer', async ({ input, user, membership }) => {
  await deleteComment(getDb(), { userId: user.id, role: membership.role }, input, now());
  return { ok: true, message: 'Comment deleted.' };
});

export const openVotingAction = orgAction(proposalRefSchema, 'secretary', async ({ input, user, membership }) => {
  await requestOpenVoting(getDb(), { userId: user.id, role: membership.role }, input, now());
  return { ok: true, message: 'Voting is open.' };
});

export const castBallotAction = orgAction(ballotSchema, 'observer', async ({ input, user, membership }) => {
  await spendLimit('ballot', user.id);
  await castBallot(getDb(), { userId: user.id, role: membership.role }, input, now());
  return { ok: true, message: `Your vote (${input.choice}) is recorded. You can change it until voting closes.` };
});

export const declareRecusalAction = orgAction(recusalSchema, 'observer', async ({ input, user, membership }) => {
  await declareRecusal(getDb(), { userId: user.id, role: membership.role }, input, now());
  return { ok: true, message: 'Recusal recorded. Your seat will not vote on this proposal.' };
});

export const backEmergencyMotionAction = orgAction(proposalRefSchema, 'observer', async ({ input, user, membership }) => {
  const result = await backEmergencyMotion(getDb(), { userId: user.id, role: membership.role }, input, now());
  return {
    ok: true,
    message: result.approved ? 'The emergency motion has passed: the shortened window applies.' : `Your backing is recorded (${result.backers} so far).`,
  };
});

// The appointee of a class seat declares in their own name that they qualify; observers too can
// be appointees, so the minimum role is observer and the engine checks who the appointee is.
export const declareEligibilityAction = orgAction(proposalRefSchema, 'observer', async ({ input, user, membership }) => {
  await declareAppointeeEligibility(getDb(), { userId: user.id, role: membership.role }, input, now());
  return { ok: true, message: 'Your declaration is recorded in the public log. Voting can open when the window allows.' };
});
