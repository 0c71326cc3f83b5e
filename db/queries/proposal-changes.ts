import 'server-only';
import { and, count, desc, eq, isNotNull, isNull, lt, ne, or } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { proposalRevisions, proposalStages, proposals } from '@/db/schema';
import type { ProposalRow } from '@/db/schema';
import type { TallyResult } from '@/lib/governance/types';

/** Whether any proposal of the organization has left the draft stage. */
export async function anyProposalPublished(tx: Executor, orgId: string): Promise<boolean> {
  const [row] = await tx
    .select({ n: count() })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), ne(proposals.status, 'draft')));
  return (row?.n ?? 0) > 0;
}

export async function insertProposal(
  tx: Executor,
  p: Pick<ProposalRow, 'orgId' | 'number' | 'typeKey' | 'charterVersion' | 'authorId' | 'subjectUserId' | 'title' | 'effect'> & {
    at: Date;
    options?: string[];
  },
): Promise<{ id: string; number: number }> {
  const [row] = await tx
    .insert(proposals)
    .values({
      orgId: p.orgId,
      number: p.number,
      typeKey: p.typeKey,
      charterVersion: p.charterVersion,
      authorId: p.authorId,
      subjectUserId: p.subjectUserId,
      title: p.title,
      effect: p.effect,
      options: p.options ?? [],
      createdAt: p.at,
      updatedAt: p.at,
    })
    .returning({ id: proposals.id, number: proposals.number });
  return row!;
}

export type RevisionInsert = typeof proposalRevisions.$inferInsert;

export async function insertRevision(tx: Executor, revision: RevisionInsert): Promise<void> {
  await tx.insert(proposalRevisions).values(revision);
}

/** Every revision's text, newest first. */
export async function listRevisionTexts(tx: Executor, proposalId: string) {
  return tx
    .select({
      revision: proposalRevisions.revision,
      title: proposalRevisions.title,
      body: proposalRevisions.body,
      substantive: proposalRevisions.substantive,
    })
    .from(proposalRevisions)
    .where(eq(proposalRevisions.proposalId, proposalId))
    .orderBy(desc(proposalRevisions.revision));
}

/** Sets the given columns of the proposal row (the use case names what changed). */
export async function updateProposal(
  tx: Executor,
  proposalId: string,
  set: Partial<
    Pick<
      ProposalRow,
      | 'title'
      | 'status'
      | 'publishedAt'
      | 'discussionClosesAt'
      | 'noticeRecipients'
      | 'noticeSeatHolders'
      | 'withdrawnAt'
      | 'replyPostedAt'
      | 'emergencyApprovedAt'
      | 'ratifiedAt'
      | 'decidedUnopposedAt'
      | 'effect'
      | 'options'
      | 'outcome'
      | 'outcomeRecordedAt'
      | 'updatedAt'
    >
  >,
): Promise<void> {
  await tx.update(proposals).set(set).where(eq(proposals.id, proposalId));
}

export async function insertStages(tx: Executor, stages: { proposalId: string; stageIndex: number; bodyKey: string; charterSeats: number }[]): Promise<void> {
  await tx.insert(proposalStages).values(stages);
}

/** Voting opens for a stage: its window and, for a body filling vacancies, the base of its majority. */
export async function setStageWindow(
  tx: Executor,
  proposalId: string,
  stageIndex: number,
  w: { opensAt: Date; closesAt: Date; holdersInOffice: number | null },
): Promise<void> {
  await tx
    .update(proposalStages)
    .set({ opensAt: w.opensAt, closesAt: w.closesAt, holdersInOffice: w.holdersInOffice })
    .where(and(eq(proposalStages.proposalId, proposalId), eq(proposalStages.stageIndex, stageIndex)));
}

/**
 * A stage's stored close moves to `closesAt` (a late revision during a consent window), and only
 * ever later: the update does nothing when the stored close is already at or after it.
 */
export async function extendStageClose(tx: Executor, proposalId: string, stageIndex: number, closesAt: Date): Promise<void> {
  await tx
    .update(proposalStages)
    .set({ closesAt })
    .where(
      and(
        eq(proposalStages.proposalId, proposalId),
        eq(proposalStages.stageIndex, stageIndex),
        isNull(proposalStages.closedRecordedAt),
        or(isNull(proposalStages.closesAt), lt(proposalStages.closesAt, closesAt)),
      ),
    );
}

/** A stage's close is recorded with its tally. */
export async function recordStageTally(tx: Executor, proposalId: string, stageIndex: number, tally: TallyResult, at: Date): Promise<void> {
  await tx
    .update(proposalStages)
    .set({ tally, closedRecordedAt: at })
    .where(and(eq(proposalStages.proposalId, proposalId), eq(proposalStages.stageIndex, stageIndex)));
}

/** Locks the proposal row unless another worker holds it (null then). */
export async function lockProposalSkipLocked(tx: Executor, proposalId: string): Promise<{ id: string } | null> {
  const [locked] = await tx.select({ id: proposals.id }).from(proposals).where(eq(proposals.id, proposalId)).for('update', { skipLocked: true });
  return locked ?? null;
}

/** Published emergency decisions approved and not ratified (with `passedOnly`, only those that passed). */
export async function listUnratifiedEmergencyDecisions(db: Executor, opts: { orgId?: string; passedOnly: boolean }): Promise<{ id: string; orgId: string }[]> {
  return db
    .select({ id: proposals.id, orgId: proposals.orgId })
    .from(proposals)
    .where(
      and(
        ...(opts.orgId !== undefined ? [eq(proposals.orgId, opts.orgId)] : []),
        eq(proposals.status, 'published'),
        ...(opts.passedOnly ? [eq(proposals.outcome, 'passed')] : []),
        isNotNull(proposals.emergencyApprovedAt),
        isNull(proposals.ratifiedAt),
      ),
    );
}
