import 'server-only';
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { AnyPgColumn, SelectedFields } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { commentRevisions, comments, proposalRevisions, proposals, users } from '@/db/schema';
import { highestWhere } from './scalars';

/** What the proposal pages list and show: the proposals of an organization, a proposal's revisions and its comments, with their authors' names. */
export type ProposalListItem = {
  id: string;
  number: number;
  title: string;
  typeKey: string;
  status: 'draft' | 'published' | 'withdrawn';
  authorId: string;
  authorName: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
};

/** Published and withdrawn proposals for everyone; drafts only for their author. */
export async function listProposals(db: Executor, orgId: string, viewerId: string | null): Promise<ProposalListItem[]> {
  const visible = viewerId
    ? or(inArray(proposals.status, ['published', 'withdrawn']), and(eq(proposals.status, 'draft'), eq(proposals.authorId, viewerId)))
    : inArray(proposals.status, ['published', 'withdrawn']);
  return db
    .select({
      id: proposals.id,
      number: proposals.number,
      title: proposals.title,
      typeKey: proposals.typeKey,
      status: proposals.status,
      authorId: proposals.authorId,
      authorName: users.name,
      publishedAt: proposals.publishedAt,
      updatedAt: proposals.updatedAt,
    })
    .from(proposals)
    .innerJoin(users, eq(users.id, proposals.authorId))
    .where(and(eq(proposals.orgId, orgId), visible))
    .orderBy(desc(proposals.number));
}

/** A proposal's revisions or its comments: the given columns and each author's name, in `order`. */
function withAuthorNames<S extends SelectedFields>(
  db: Executor,
  table: typeof proposalRevisions | typeof comments,
  columns: S,
  proposalId: string,
  order: AnyPgColumn,
) {
  return db
    .select({ ...columns, authorName: users.name })
    .from(table)
    .innerJoin(users, eq(users.id, table.authorId))
    .where(eq(table.proposalId, proposalId))
    .orderBy(asc(order));
}

export async function listRevisions(db: Executor, proposalId: string) {
  const columns = {
    revision: proposalRevisions.revision,
    title: proposalRevisions.title,
    body: proposalRevisions.body,
    changeNote: proposalRevisions.changeNote,
    substantive: proposalRevisions.substantive,
    substantiveReasons: proposalRevisions.substantiveReasons,
    authorMarkedEditorial: proposalRevisions.authorMarkedEditorial,
    createdAt: proposalRevisions.createdAt,
  };
  return withAuthorNames(db, proposalRevisions, columns, proposalId, proposalRevisions.revision);
}

export async function latestRevisionNumber(tx: Executor, proposalId: string): Promise<number> {
  return highestWhere(tx, proposalRevisions.revision, eq(proposalRevisions.proposalId, proposalId));
}

export type CommentView = {
  id: string;
  parentId: string | null;
  authorId: string;
  authorName: string | null;
  /** Empty for a deleted comment: the page shows a tombstone, not the text. */
  body: string;
  stance: 'support' | 'concern' | 'object' | 'none';
  isSubjectReply: boolean;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  /** Every version of an edited comment, oldest first; empty when never edited or deleted. */
  history: { revision: number; body: string; createdAt: Date }[];
};

export async function listComments(db: Executor, proposalId: string): Promise<CommentView[]> {
  const columns = {
    id: comments.id,
    parentId: comments.parentId,
    authorId: comments.authorId,
    body: comments.body,
    stance: comments.stance,
    isSubjectReply: comments.isSubjectReply,
    createdAt: comments.createdAt,
    editedAt: comments.editedAt,
    deletedAt: comments.deletedAt,
  };
  const rows = await withAuthorNames(db, comments, columns, proposalId, comments.createdAt);
  const edited = rows.filter((r) => r.editedAt && !r.deletedAt).map((r) => r.id);
  const revisions = edited.length
    ? await db.select().from(commentRevisions).where(inArray(commentRevisions.commentId, edited)).orderBy(asc(commentRevisions.revision))
    : [];
  return rows.map((r) => ({
    ...r,
    body: r.deletedAt ? '' : r.body,
    history: r.deletedAt ? [] : revisions.filter((v) => v.commentId === r.id).map(({ revision, body, createdAt }) => ({ revision, body, createdAt })),
  }));
}

/** Published proposals whose outcome the worker has not recorded yet. */
