import 'server-only';
import { and, asc, desc, eq, inArray, isNull, max, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { comments, proposalRevisions, proposalStages, proposals, recusals, users, votes } from '@/db/schema';
import type { ProposalRow, ProposalStageRow } from '@/db/schema';
import type { Ballot, ProposalRecord, StageRecord } from '@/lib/governance/types';

export type LoadedProposal = {
  row: ProposalRow;
  stages: ProposalStageRow[];
  record: ProposalRecord;
};

type BallotRow = { stageIndex: number; seatId: string; voterUserId: string; choice: Ballot['choice']; castAt: Date };

function toLoaded(row: ProposalRow, stages: ProposalStageRow[], ballots: BallotRow[], recusedSeatIds: string[]): LoadedProposal {
  const record: ProposalRecord = {
    status: row.status,
    typeKey: row.typeKey,
    publishedAt: row.publishedAt,
    discussionClosesAt: row.discussionClosesAt,
    withdrawnAt: row.withdrawnAt,
    subjectUserId: row.subjectUserId,
    replyPostedAt: row.replyPostedAt,
    emergencyApprovedAt: row.emergencyApprovedAt,
    ratifiedAt: row.ratifiedAt,
    stages: stages.map(
      (s): StageRecord => ({
        bodyKey: s.bodyKey,
        opensAt: s.opensAt,
        closesAt: s.closesAt,
        charterSeats: s.charterSeats,
        ballots: ballots.filter((b) => b.stageIndex === s.stageIndex).map((b): Ballot => ({ seatId: b.seatId, voterUserId: b.voterUserId, choice: b.choice, castAt: b.castAt })),
        recusedSeatIds,
      }),
    ),
  };
  return { row, stages, record };
}

const ballotColumns = { proposalId: votes.proposalId, stageIndex: votes.stageIndex, seatId: votes.seatId, voterUserId: votes.voterUserId, choice: votes.choice, castAt: votes.castAt };

/** Builds the pure-rule view of a proposal from its rows (current ballots and recusals per stage). */
export async function loadProposal(db: Executor, orgId: string, proposalId: string, opts: { forUpdate?: boolean } = {}): Promise<LoadedProposal | null> {
  const base = db.select().from(proposals).where(and(eq(proposals.orgId, orgId), eq(proposals.id, proposalId)));
  const [row] = opts.forUpdate ? await base.for('update') : await base;
  if (!row) return null;
  const stages = await db.select().from(proposalStages).where(eq(proposalStages.proposalId, row.id)).orderBy(asc(proposalStages.stageIndex));
  const ballots = await db
    .select(ballotColumns)
    .from(votes)
    .where(and(eq(votes.proposalId, row.id), eq(votes.isCurrent, true)));
  const recused = await db.select({ seatId: recusals.seatId }).from(recusals).where(eq(recusals.proposalId, row.id));
  return toLoaded(row, stages, ballots, recused.map((r) => r.seatId));
}

/**
 * loadProposal for many proposals of one organization in four queries, whatever their number
 * (the organization page lists them all; one by one it was 4 round trips per proposal).
 * Same result as calling loadProposal for each id; missing ids are absent from the map.
 */
export async function loadProposals(db: Executor, orgId: string, proposalIds: readonly string[]): Promise<Map<string, LoadedProposal>> {
  const out = new Map<string, LoadedProposal>();
  if (proposalIds.length === 0) return out;
  const ids = [...new Set(proposalIds)];
  // One array-literal parameter, not one parameter per id: stays under PostgreSQL's 65,535
  // parameter limit at any size (ids are uuids from our own rows, so the literal needs no quoting).
  const idArray = `{${ids.join(',')}}`;
  const inIds = (column: typeof proposals.id | typeof proposalStages.proposalId | typeof votes.proposalId | typeof recusals.proposalId) => sql`${column} = any(${idArray}::uuid[])`;
  const [rows, stages, ballots, recused] = await Promise.all([
    db.select().from(proposals).where(and(eq(proposals.orgId, orgId), inIds(proposals.id))),
    db.select().from(proposalStages).where(inIds(proposalStages.proposalId)).orderBy(asc(proposalStages.proposalId), asc(proposalStages.stageIndex)),
    db.select(ballotColumns).from(votes).where(and(inIds(votes.proposalId), eq(votes.isCurrent, true))),
    db.select({ proposalId: recusals.proposalId, seatId: recusals.seatId }).from(recusals).where(inIds(recusals.proposalId)),
  ]);
  const group = <T extends { proposalId: string }>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of list) {
      const g = m.get(x.proposalId);
      if (g) g.push(x);
      else m.set(x.proposalId, [x]);
    }
    return m;
  };
  const stagesBy = group(stages);
  const ballotsBy = group(ballots);
  const recusedBy = group(recused);
  for (const row of rows) out.set(row.id, toLoaded(row, stagesBy.get(row.id) ?? [], ballotsBy.get(row.id) ?? [], (recusedBy.get(row.id) ?? []).map((r) => r.seatId)));
  return out;
}

export async function findProposalIdByNumber(db: Executor, orgId: string, number: number): Promise<string | null> {
  const [row] = await db.select({ id: proposals.id }).from(proposals).where(and(eq(proposals.orgId, orgId), eq(proposals.number, number)));
  return row?.id ?? null;
}

export async function nextProposalNumber(tx: Executor, orgId: string): Promise<number> {
  const [row] = await tx.select({ n: max(proposals.number) }).from(proposals).where(eq(proposals.orgId, orgId));
  return (row?.n ?? 0) + 1;
}

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

export async function listRevisions(db: Executor, proposalId: string) {
  return db
    .select({ revision: proposalRevisions.revision, title: proposalRevisions.title, body: proposalRevisions.body, changeNote: proposalRevisions.changeNote, substantive: proposalRevisions.substantive, createdAt: proposalRevisions.createdAt, authorName: users.name })
    .from(proposalRevisions)
    .innerJoin(users, eq(users.id, proposalRevisions.authorId))
    .where(eq(proposalRevisions.proposalId, proposalId))
    .orderBy(asc(proposalRevisions.revision));
}

export async function latestRevisionNumber(tx: Executor, proposalId: string): Promise<number> {
  const [row] = await tx.select({ n: max(proposalRevisions.revision) }).from(proposalRevisions).where(eq(proposalRevisions.proposalId, proposalId));
  return row?.n ?? 0;
}

export type CommentView = {
  id: string;
  parentId: string | null;
  authorId: string;
  authorName: string | null;
  body: string;
  stance: 'support' | 'concern' | 'object' | 'none';
  isSubjectReply: boolean;
  createdAt: Date;
};

export async function listComments(db: Executor, proposalId: string): Promise<CommentView[]> {
  return db
    .select({ id: comments.id, parentId: comments.parentId, authorId: comments.authorId, authorName: users.name, body: comments.body, stance: comments.stance, isSubjectReply: comments.isSubjectReply, createdAt: comments.createdAt })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.proposalId, proposalId))
    .orderBy(asc(comments.createdAt));
}

export type RollCallEntry = { stageIndex: number; seatId: string; voterUserId: string; voterName: string | null; choice: 'yes' | 'no' | 'abstain'; rationale: string | null; castAt: Date };

export async function listCurrentVotes(db: Executor, proposalId: string): Promise<RollCallEntry[]> {
  return db
    .select({ stageIndex: votes.stageIndex, seatId: votes.seatId, voterUserId: votes.voterUserId, voterName: users.name, choice: votes.choice, rationale: votes.rationale, castAt: votes.castAt })
    .from(votes)
    .innerJoin(users, eq(users.id, votes.voterUserId))
    .where(and(eq(votes.proposalId, proposalId), eq(votes.isCurrent, true)))
    .orderBy(asc(votes.stageIndex), asc(votes.castAt));
}

export async function listRecusals(db: Executor, proposalId: string) {
  return db
    .select({ seatId: recusals.seatId, userId: recusals.userId, userName: users.name, reason: recusals.reason, createdAt: recusals.createdAt })
    .from(recusals)
    .innerJoin(users, eq(users.id, recusals.userId))
    .where(eq(recusals.proposalId, proposalId));
}

/** Published proposals whose outcome the worker has not recorded yet. */
export async function listOpenProposalIds(db: Executor): Promise<{ id: string; orgId: string }[]> {
  return db
    .select({ id: proposals.id, orgId: proposals.orgId })
    .from(proposals)
    .where(and(eq(proposals.status, 'published'), or(isNull(proposals.outcome), sql`${proposals.emergencyApprovedAt} is not null and ${proposals.outcome} = 'passed'`)));
}
