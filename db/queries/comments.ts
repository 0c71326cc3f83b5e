import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { commentRevisions, comments } from '@/db/schema';
import { highestWhere } from './scalars';

export type CommentRow = typeof comments.$inferSelect;

/** Whether the comment exists on this proposal. */
export async function commentIsOnProposal(tx: Executor, proposalId: string, commentId: string): Promise<boolean> {
  const [parent] = await tx
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.id, commentId), eq(comments.proposalId, proposalId)));
  return Boolean(parent);
}

/** The comment, locked for this transaction, if it is on this proposal of this organization. */
export async function lockComment(tx: Executor, orgId: string, proposalId: string, commentId: string): Promise<CommentRow | null> {
  const [row] = await tx
    .select()
    .from(comments)
    .where(and(eq(comments.id, commentId), eq(comments.proposalId, proposalId), eq(comments.orgId, orgId)))
    .for('update');
  return row ?? null;
}

export async function insertComment(
  tx: Executor,
  c: {
    orgId: string;
    proposalId: string;
    parentId: string | null;
    authorId: string;
    body: string;
    stance: CommentRow['stance'];
    isSubjectReply: boolean;
    at: Date;
  },
): Promise<{ id: string }> {
  const [row] = await tx
    .insert(comments)
    .values({
      orgId: c.orgId,
      proposalId: c.proposalId,
      parentId: c.parentId,
      authorId: c.authorId,
      body: c.body,
      stance: c.stance,
      isSubjectReply: c.isSubjectReply,
      createdAt: c.at,
    })
    .returning({ id: comments.id });
  return row!;
}

/** The number of the comment's latest stored revision (0 when it was never edited). */
export async function latestCommentRevision(tx: Executor, commentId: string): Promise<number> {
  return highestWhere(tx, commentRevisions.revision, eq(commentRevisions.commentId, commentId));
}

export async function insertCommentRevision(tx: Executor, r: { commentId: string; revision: number; body: string; at: Date }): Promise<void> {
  await tx.insert(commentRevisions).values({ commentId: r.commentId, revision: r.revision, body: r.body, createdAt: r.at });
}

export async function updateCommentBody(tx: Executor, commentId: string, body: string, at: Date): Promise<void> {
  await tx.update(comments).set({ body, editedAt: at }).where(eq(comments.id, commentId));
}

/** A tombstone: the row stays, marked deleted. */
export async function markCommentDeleted(tx: Executor, commentId: string, at: Date): Promise<void> {
  await tx.update(comments).set({ deletedAt: at }).where(eq(comments.id, commentId));
}
