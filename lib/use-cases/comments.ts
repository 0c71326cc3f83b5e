import 'server-only';
import type { Database, Executor } from '@/db/client';
import {
  commentIsOnProposal,
  insertComment,
  insertCommentRevision,
  latestCommentRevision,
  lockComment,
  markCommentDeleted,
  updateCommentBody,
} from '@/db/queries/comments';
import { insertFollow } from '@/db/queries/follows';
import { updateProposal } from '@/db/queries/proposal-changes';
import { proposalContext } from '@/db/queries/proposal-context';
import { checkCommentChange } from '@/lib/governance/comments';
import { mayAct } from '@/lib/governance/permissions';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import { hasRole } from '@/lib/governance/roles';
import { enqueueFollowerNotice } from '@/lib/notify/follow-notices';
import { loadOrRefuse, logProposalAct, textHash } from './actor';
import type { Actor } from './actor';
import { requireOrganizationWritable } from './writable';

/** A comment (or the subject's reply) on a published proposal, logged with a hash of its text. */
export async function postComment(
  db: Database,
  actor: Actor,
  input: { orgId: string; proposalId: string; parentId: string | null; body: string; stance: 'support' | 'concern' | 'object' | 'none'; asReply: boolean },
  at: Date,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    // Archived organizations take no new writes (organizationWritable).
    await requireOrganizationWritable(tx, input.orgId);
    const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
    const context = await proposalContext(tx, input.orgId, p, p.charter, actor, at);
    const permitted = mayAct(context.actor, input.asReply ? 'reply' : 'comment');
    if (!permitted.ok) refuseRule(permitted);
    if (input.parentId && !(await commentIsOnProposal(tx, p.row.id, input.parentId))) refuse('comment.parent_not_on_proposal');
    const row = await insertComment(tx, {
      orgId: input.orgId,
      proposalId: p.row.id,
      parentId: input.parentId,
      authorId: actor.userId,
      body: input.body,
      stance: input.asReply ? 'none' : input.stance,
      isSubjectReply: input.asReply,
      at,
    });
    if (input.asReply) await updateProposal(tx, p.row.id, { replyPostedAt: p.row.replyPostedAt ?? at, updatedAt: at });
    await logProposalAct(tx, actor, p.row, input.asReply ? 'proposal.subject_replied' : 'comment.posted', at, {
      commentId: row.id,
      parentId: input.parentId,
      stance: input.asReply ? 'none' : input.stance,
      bodyHash: textHash(input.body),
    });
    // Following: the proposal's followers hear of it; the author (a member) now follows it, so they hear of replies.
    const activity = input.asReply ? 'subject_reply' : input.parentId ? 'reply' : 'comment';
    await enqueueFollowerNotice(tx, { proposal: p.row, activity, ref: row.id, actorId: actor.userId, at });
    if (hasRole(actor.role, 'member')) await insertFollow(tx, { orgId: input.orgId, proposalId: p.row.id, userId: actor.userId, at });
    return row;
  });
}

/** The comment, locked for this transaction; refused when it is not on this proposal. */
async function lockCommentOrRefuse(tx: Executor, orgId: string, proposalId: string, commentId: string) {
  const row = await lockComment(tx, orgId, proposalId, commentId);
  if (!row) refuse('comment.not_on_proposal');
  return row!;
}

/**
 * The proposal and the comment, locked, once the rules let the actor make this change to it (an
 * edit names its new text); refused otherwise.
 */
async function commentToChange(
  tx: Executor,
  actor: Actor,
  input: { orgId: string; proposalId: string; commentId: string },
  at: Date,
  change: { change: 'edit'; body: string } | { change: 'delete' },
) {
  // Archived organizations take no new writes (organizationWritable).
  await requireOrganizationWritable(tx, input.orgId);
  const p = await loadOrRefuse(tx, input.orgId, input.proposalId);
  const { actions } = await proposalContext(tx, input.orgId, p, p.charter, actor, at);
  const c = await lockCommentOrRefuse(tx, input.orgId, p.row.id, input.commentId);
  const rule = checkCommentChange({
    change: change.change,
    isAuthor: c.authorId === actor.userId,
    commentsOpen: actions.has(c.isSubjectReply ? 'reply' : 'comment'),
    deleted: c.deletedAt !== null,
    isSubjectReply: c.isSubjectReply,
    ...(change.change === 'edit' ? { unchanged: c.body === change.body } : {}),
  });
  if (!rule.ok) refuseRule(rule);
  return { p, c };
}

/** The author rewrites their comment while comments are open; every version is kept (the original is revision 1) and the edit logged. */
export async function editComment(
  db: Database,
  actor: Actor,
  input: { orgId: string; proposalId: string; commentId: string; body: string },
  at: Date,
): Promise<{ revision: number }> {
  return db.transaction(async (tx) => {
    const { p, c } = await commentToChange(tx, actor, input, at, { change: 'edit', body: input.body });
    let revision = await latestCommentRevision(tx, c.id);
    if (revision === 0) await insertCommentRevision(tx, { commentId: c.id, revision: ++revision, body: c.body, at: c.createdAt });
    await insertCommentRevision(tx, { commentId: c.id, revision: ++revision, body: input.body, at });
    await updateCommentBody(tx, c.id, input.body, at);
    await logProposalAct(tx, actor, p.row, 'comment.edited', at, { commentId: c.id, revision, bodyHash: textHash(input.body) });
    return { revision };
  });
}

/**
 * The author deletes their comment while comments are open: a tombstone. The row stays (replies
 * keep their place; the log entries that name it keep their subject) and the page shows that it
 * was deleted and when, not its text.
 */
export async function deleteComment(db: Database, actor: Actor, input: { orgId: string; proposalId: string; commentId: string }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const { p, c } = await commentToChange(tx, actor, input, at, { change: 'delete' });
    await markCommentDeleted(tx, c.id, at);
    await logProposalAct(tx, actor, p.row, 'comment.deleted', at, { commentId: c.id });
  });
}
