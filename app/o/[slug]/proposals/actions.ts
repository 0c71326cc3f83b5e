'use server';

import { eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { organizations, proposals } from '@/db/schema';
import { orgAction } from '@/lib/actions/action';
import { refusalToState } from '@/lib/actions/refusal-state';
import { now } from '@/lib/clock';
import { consumeLimit } from '@/lib/rate-limit';
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

async function proposalPath(orgId: string, proposalId?: string): Promise<string> {
  const db = getDb();
  const [org] = await db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, orgId));
  if (!proposalId) return `/o/${org?.slug ?? ''}/proposals`;
  const [p] = await db.select({ number: proposals.number }).from(proposals).where(eq(proposals.id, proposalId));
  return `/o/${org?.slug ?? ''}/proposals/${p?.number ?? ''}`;
}

function refresh(): void {
  revalidatePath('/o/[slug]', 'layout');
}

export const createProposalAction = orgAction(createProposalSchema, 'member', async ({ input, user, membership, values }) => {
  let created: { number: number } | undefined;
  const state = await refusalToState(values, async () => {
    const effect: Record<string, unknown> = {};
    if (input.seatId) effect.seatId = input.seatId;
    if (input.appointeeUserId) effect.appointeeUserId = input.appointeeUserId;
    if (input.declaration) effect.declaration = input.declaration;
    if (input.proposedCharter) effect.proposedCharter = input.proposedCharter;
    if (input.ratifiesProposalId) effect.ratifies = input.ratifiesProposalId;
    created = await createDraft(
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
    return { ok: true };
  });
  if (!state.ok || !created) return state;
  refresh();
  const base = await proposalPath(input.orgId);
  redirect(`${base}/${created.number}`);
});

export const reviseProposalAction = orgAction(reviseProposalSchema, 'member', async ({ input, user, membership, values }) =>
  refusalToState(values, async () => {
    await reviseProposal(getDb(), { userId: user.id, role: membership.role }, input, now());
    refresh();
    return { ok: true, message: 'Revision saved.' };
  }),
);

export const publishProposalAction = orgAction(publishProposalSchema, 'member', async ({ input, user, membership, values }) =>
  refusalToState(values, async () => {
    await publishProposal(getDb(), { userId: user.id, role: membership.role }, input, now());
    refresh();
    return { ok: true, message: 'Published. The comment window is open and every seat holder has been given notice.' };
  }),
);

export const withdrawProposalAction = orgAction(withdrawProposalSchema, 'member', async ({ input, user, membership, values }) =>
  refusalToState(values, async () => {
    await withdrawProposal(getDb(), { userId: user.id, role: membership.role }, input, now());
    refresh();
    return { ok: true, message: 'Withdrawn.' };
  }),
);

// Observers may post only the right-of-reply statement when they are the subject; the pure
// permission rules decide that, so the minimum role here is observer.
export const commentAction = orgAction(commentSchema, 'observer', async ({ input, user, membership, values }) =>
  refusalToState(values, async () => {
    const limit = await consumeLimit(getDb(), 'comment', user.id);
    if (!limit.ok) return { ok: false, message: limit.message, values };
    await postComment(getDb(), { userId: user.id, role: membership.role }, input, now());
    refresh();
    return { ok: true, message: input.asReply ? 'Your reply is posted. Voting can now open when the window allows.' : 'Comment posted.' };
  }),
);

export const editCommentAction = orgAction(editCommentSchema, 'observer', async ({ input, user, membership, values }) =>
  refusalToState(values, async () => {
    // Edits share the comment allowance: each one is a log entry.
    const limit = await consumeLimit(getDb(), 'comment', user.id);
    if (!limit.ok) return { ok: false, message: limit.message, values };
    await editComment(getDb(), { userId: user.id, role: membership.role }, input, now());
    refresh();
    return { ok: true, message: 'Comment updated. Earlier versions stay visible in its history.' };
  }),
);

export const deleteCommentAction = orgAction(deleteCommentSchema, 'observer', async ({ input, user, membership, values }) =>
  refusalToState(values, async () => {
    await deleteComment(getDb(), { userId: user.id, role: membership.role }, input, now());
    refresh();
    return { ok: true, message: 'Comment deleted.' };
  }),
);

export const openVotingAction = orgAction(proposalRefSchema, 'secretary', async ({ input, user, membership, values }) =>
  refusalToState(values, async () => {
    await requestOpenVoting(getDb(), { userId: user.id, role: membership.role }, input, now());
    refresh();
    return { ok: true, message: 'Voting is open.' };
  }),
);

export const castBallotAction = orgAction(ballotSchema, 'observer', async ({ input, user, membership, values }) =>
  refusalToState(values, async () => {
    const limit = await consumeLimit(getDb(), 'ballot', user.id);
    if (!limit.ok) return { ok: false, message: limit.message, values };
    await castBallot(getDb(), { userId: user.id, role: membership.role }, input, now());
    refresh();
    return { ok: true, message: `Your vote (${input.choice}) is recorded. You can change it until voting closes.` };
  }),
);

export const recuseAction = orgAction(recusalSchema, 'observer', async ({ input, user, membership, values }) =>
  refusalToState(values, async () => {
    await declareRecusal(getDb(), { userId: user.id, role: membership.role }, input, now());
    refresh();
    return { ok: true, message: 'Recusal recorded. Your seat will not vote on this proposal.' };
  }),
);

export const backEmergencyAction = orgAction(proposalRefSchema, 'observer', async ({ input, user, membership, values }) =>
  refusalToState(values, async () => {
    const result = await backEmergencyMotion(getDb(), { userId: user.id, role: membership.role }, input, now());
    refresh();
    return {
      ok: true,
      message: result.approved ? 'The emergency motion has passed: the shortened window applies.' : `Your backing is recorded (${result.backers} so far).`,
    };
  }),
);

// The appointee of a class seat declares in their own name that they qualify; observers too can
// be appointees, so the minimum role is observer and the engine checks who the appointee is.
export const declareEligibilityAction = orgAction(proposalRefSchema, 'observer', async ({ input, user, membership, values }) =>
  refusalToState(values, async () => {
    await declareAppointeeEligibility(getDb(), { userId: user.id, role: membership.role }, input, now());
    refresh();
    return { ok: true, message: 'Your declaration is recorded in the public log. Voting can open when the window allows.' };
  }),
);
