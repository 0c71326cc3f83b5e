import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, lt, not, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn, SelectedFields } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { commentRevisions, comments, proposalRevisions, proposals, users } from '@/db/schema';
import type { ProposalListFilter, ProposalListState } from '@/lib/validation/proposal-list';
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

function visibleTo(viewerId: string | null) {
  return viewerId
    ? or(inArray(proposals.status, ['published', 'withdrawn']), and(eq(proposals.status, 'draft'), eq(proposals.authorId, viewerId)))
    : inArray(proposals.status, ['published', 'withdrawn']);
}

const listColumns = {
  id: proposals.id,
  number: proposals.number,
  title: proposals.title,
  typeKey: proposals.typeKey,
  status: proposals.status,
  authorId: proposals.authorId,
  authorName: users.name,
  publishedAt: proposals.publishedAt,
  updatedAt: proposals.updatedAt,
};

/** Published and withdrawn proposals for everyone; drafts only for their author. */
export async function listProposals(db: Executor, orgId: string, viewerId: string | null): Promise<ProposalListItem[]> {
  return db
    .select(listColumns)
    .from(proposals)
    .innerJoin(users, eq(users.id, proposals.authorId))
    .where(and(eq(proposals.orgId, orgId), visibleTo(viewerId)))
    .orderBy(desc(proposals.number));
}

/**
 * Proposals any of whose revisions' title and text match the search (websearch syntax, the 'simple'
 * configuration: whole words, no stemming), on the stored `search` vectors (GIN index proposal_revisions_search_idx).
 */
function proposalTextMatches(q: string): SQL {
  const query = sql`websearch_to_tsquery('simple', ${q})`;
  return inArray(proposals.id, sql`(select ${proposalRevisions.proposalId} from ${proposalRevisions} where ${proposalRevisions.search} @@ ${query})`);
}

/** The list's state filter, on stored columns (lib/validation/proposal-list.ts says what each state means). */
function stateIs(state: ProposalListState): SQL {
  if (state === 'draft') return eq(proposals.status, 'draft');
  if (state === 'withdrawn') return eq(proposals.status, 'withdrawn');
  if (state === 'undecided') return and(eq(proposals.status, 'published'), isNull(proposals.outcome))!;
  return and(eq(proposals.status, 'published'), eq(proposals.outcome, state))!;
}

/** One page of listProposals (newest first), narrowed by the list's filters, and how many match in all. */
export async function listProposalPage(
  db: Executor,
  orgId: string,
  viewerId: string | null,
  page: number,
  size: number,
  filter?: ProposalListFilter,
): Promise<{ items: ProposalListItem[]; total: number }> {
  const where = and(
    eq(proposals.orgId, orgId),
    visibleTo(viewerId),
    filter?.type ? eq(proposals.typeKey, filter.type) : undefined,
    filter?.state ? stateIs(filter.state) : undefined,
    filter?.q ? proposalTextMatches(filter.q) : undefined,
  );
  // The page's ids first, from the (org_id, number) index alone; then their authors' names for those rows only.
  const pageIds = db
    .select({ id: proposals.id })
    .from(proposals)
    .where(where)
    .orderBy(desc(proposals.number))
    .limit(size)
    .offset(Math.max(0, page - 1) * size);
  const [items, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(proposals)
      .innerJoin(users, eq(users.id, proposals.authorId))
      .where(inArray(proposals.id, pageIds))
      .orderBy(desc(proposals.number)),
    db.select({ n: count() }).from(proposals).where(where),
  ]);
  return { items, total: Number(total!.n) };
}

/** The proposals numbered below `before` (all when null), newest first, at most `limit`: a keyset page of listProposals from the (org_id, number) index. */
export async function listProposalsBefore(
  db: Executor,
  orgId: string,
  viewerId: string | null,
  before: number | null,
  limit: number,
): Promise<ProposalListItem[]> {
  return db
    .select(listColumns)
    .from(proposals)
    .innerJoin(users, eq(users.id, proposals.authorId))
    .where(and(eq(proposals.orgId, orgId), visibleTo(viewerId), before === null ? undefined : lt(proposals.number, before)))
    .orderBy(desc(proposals.number))
    .limit(limit);
}

/**
 * Settled by `at`: a published proposal whose outcome the worker recorded by then and which no later
 * instant can change — rejected, failed quorum, lapsed, or passed without an emergency approval (only an
 * emergency decision can still lapse; lib/governance/phase.ts). Its phase is its recorded outcome.
 */
function settledBy(at: Date): SQL {
  return sql`coalesce(${proposals.status} = 'published' and ${proposals.outcomeRecordedAt} <= ${at.toISOString()}::timestamptz and (${proposals.outcome} in ('rejected', 'failed_quorum', 'lapsed') or (${proposals.outcome} = 'passed' and ${proposals.emergencyApprovedAt} is null)), false)`;
}

export type SettledCounts = Partial<Record<'passed' | 'rejected' | 'failed_quorum' | 'lapsed', number>>;

/**
 * Listed on the organization page: the `newest` newest non-draft proposals (published or withdrawn) and every
 * draft (the viewer's: visibleTo). One `in` over a union, not an `or`: with `or … status = 'draft'` PostgreSQL
 * expected half the organization's proposals and joined the listed ones to every user by a full scan (~90 ms
 * at 100,000 users, for eight rows).
 */
function listedOnFront(db: Executor, orgId: string, newest: number): SQL {
  const newestIds = db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), inArray(proposals.status, ['published', 'withdrawn'])))
    .orderBy(desc(proposals.number))
    .limit(newest);
  const draftIds = db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), eq(proposals.status, 'draft')));
  return sql`${proposals.id} in (${newestIds} union all ${draftIds})`;
}

/**
 * The organization page's proposals, without deriving every phase in full: `items`, the `newest` newest
 * non-draft proposals and the viewer's drafts (listed as listProposals lists them, newest first), for the
 * page to derive in full (status lines); `settled`, how many of the others settled by `at` have each recorded
 * outcome. The rest, unlistedFrontProposals, the page counts by phase. The three are disjoint and together
 * are every proposal listProposals gives the viewer.
 */
export async function listFrontProposals(
  db: Executor,
  orgId: string,
  viewerId: string | null,
  at: Date,
  newest: number,
): Promise<{ items: ProposalListItem[]; settled: SettledCounts }> {
  const listed = listedOnFront(db, orgId, newest);
  const [items, settled] = await Promise.all([
    db
      .select(listColumns)
      .from(proposals)
      .innerJoin(users, eq(users.id, proposals.authorId))
      .where(and(eq(proposals.orgId, orgId), visibleTo(viewerId), listed))
      .orderBy(desc(proposals.number)),
    db
      .select({ outcome: proposals.outcome, n: count() })
      .from(proposals)
      .where(and(eq(proposals.orgId, orgId), settledBy(at), not(listed)))
      .groupBy(proposals.outcome),
  ]);
  return { items, settled: Object.fromEntries(settled.map((r) => [r.outcome, Number(r.n)])) as SettledCounts };
}

/** The proposals the viewer sees that the organization page neither lists (listFrontProposals's items) nor counts as settled by `at`: a condition on `proposals`. */
export function unlistedFrontProposals(db: Executor, orgId: string, viewerId: string | null, at: Date, newest: number): SQL {
  return and(eq(proposals.orgId, orgId), visibleTo(viewerId), not(settledBy(at)), not(listedOnFront(db, orgId, newest)))!;
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
