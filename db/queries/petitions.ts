import 'server-only';
import { and, count, desc, eq, isNotNull, isNull, lt, lte, ne, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { memberships, petitionSignatures, petitions, seats, users } from '@/db/schema';
import type { Constituency, PetitionRecord } from '@/lib/governance/petition';
import { isAccepted } from './memberships';
import { highestWhere } from './scalars';

export type PetitionRow = typeof petitions.$inferSelect;

/** The rules' view of a stored petition. */
export function petitionRecord(row: PetitionRow): PetitionRecord {
  return {
    constituency: constituencyOf(row),
    openedAt: row.openedAt,
    requiredSignatures: row.requiredSignatures,
    signatureCount: row.signatureCount,
    signingDays: row.signingDays,
    answerWithinDays: row.answerWithinDays,
    thresholdReachedAt: row.thresholdReachedAt,
    answeredAt: row.answeredAt,
  };
}

export function constituencyOf(row: Pick<PetitionRow, 'stakeholderGroup'>): Constituency {
  return row.stakeholderGroup === null ? { kind: 'all_members' } : { kind: 'stakeholder_group', group: row.stakeholderGroup };
}

/**
 * Members who may sign a petition of the group (null: of all members): accepted, not observers,
 * in the group (compared trimmed, ignoring case, as rolls compare it). Counted once, when it opens.
 */
export async function countEligibleSigners(tx: Executor, orgId: string, group: string | null): Promise<number> {
  const inGroup = group === null ? undefined : sql`lower(trim(${memberships.stakeholderGroup})) = ${group.trim().toLowerCase()}`;
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), isAccepted, ne(memberships.role, 'observer'), inGroup));
  return row?.n ?? 0;
}

export async function nextPetitionNumber(tx: Executor, orgId: string): Promise<number> {
  return (await highestWhere(tx, petitions.number, eq(petitions.orgId, orgId))) + 1;
}

export async function insertPetition(tx: Executor, values: typeof petitions.$inferInsert): Promise<PetitionRow> {
  const [row] = await tx.insert(petitions).values(values).returning();
  return row!;
}

/** The petition locked for this transaction (every signature, revocation and answer takes this lock first, then the log head). */
export async function lockPetition(tx: Executor, orgId: string, petitionId: string): Promise<PetitionRow | null> {
  const rows = await tx
    .select()
    .from(petitions)
    .where(and(eq(petitions.orgId, orgId), eq(petitions.id, petitionId)))
    .for('update');
  return rows[0] ?? null;
}

export async function getPetitionByNumber(db: Executor, orgId: string, number: number): Promise<PetitionRow | null> {
  const rows = await db
    .select()
    .from(petitions)
    .where(and(eq(petitions.orgId, orgId), eq(petitions.number, number)));
  return rows[0] ?? null;
}

/** The organization's petitions, newest first (the list page; at most `limit`). */
export async function listPetitions(db: Executor, orgId: string, limit = 200): Promise<PetitionRow[]> {
  return db.select().from(petitions).where(eq(petitions.orgId, orgId)).orderBy(desc(petitions.number)).limit(limit);
}

/** One page of the organization's petitions, newest first: those numbered below `before` (all without it), at most `limit` (the API's list). */
export async function listPetitionsBefore(db: Executor, orgId: string, before: number | null, limit: number): Promise<PetitionRow[]> {
  const where = before === null ? eq(petitions.orgId, orgId) : and(eq(petitions.orgId, orgId), lt(petitions.number, before));
  return db.select().from(petitions).where(where).orderBy(desc(petitions.number)).limit(limit);
}

/** The member's live signature on the petition, if any (by the unique live-signature index). */
export async function liveSignatureOf(db: Executor, petitionId: string, userId: string): Promise<{ id: string; signedAt: Date } | null> {
  const rows = await db
    .select({ id: petitionSignatures.id, signedAt: petitionSignatures.signedAt })
    .from(petitionSignatures)
    .where(and(eq(petitionSignatures.petitionId, petitionId), eq(petitionSignatures.userId, userId), isNull(petitionSignatures.revokedAt)));
  return rows[0] ?? null;
}

/** Adds a live signature and moves the petition's count by one; returns the new count. */
export async function insertSignature(tx: Executor, petitionId: string, userId: string, at: Date): Promise<number> {
  await tx.insert(petitionSignatures).values({ petitionId, userId, signedAt: at });
  return moveCount(tx, petitionId, 1);
}

/** Revokes a live signature (its row stays, with the time) and moves the count down by one; returns the new count. */
export async function revokeSignature(tx: Executor, petitionId: string, signatureId: string, at: Date): Promise<number> {
  await tx
    .update(petitionSignatures)
    .set({ revokedAt: at })
    .where(and(eq(petitionSignatures.id, signatureId), isNull(petitionSignatures.revokedAt)));
  return moveCount(tx, petitionId, -1);
}

async function moveCount(tx: Executor, petitionId: string, delta: 1 | -1): Promise<number> {
  const [row] = await tx
    .update(petitions)
    .set({ signatureCount: sql`${petitions.signatureCount} + ${delta}` })
    .where(eq(petitions.id, petitionId))
    .returning({ n: petitions.signatureCount });
  return row!.n;
}

export async function markThresholdReached(tx: Executor, petitionId: string, at: Date, dueAt: Date): Promise<void> {
  await tx
    .update(petitions)
    .set({ thresholdReachedAt: at, answerDueAt: dueAt })
    .where(and(eq(petitions.id, petitionId), isNull(petitions.thresholdReachedAt)));
}

export async function recordPetitionAnswer(tx: Executor, petitionId: string, p: { answer: string; by: string; at: Date }): Promise<void> {
  await tx.update(petitions).set({ answer: p.answer, answeredBy: p.by, answeredAt: p.at }).where(eq(petitions.id, petitionId));
}

/** Names of the live signers, newest first (only read when the charter made names public). */
export async function listSignerNames(db: Executor, petitionId: string, limit: number): Promise<{ userId: string | null; name: string | null }[]> {
  return db
    .select({ userId: petitionSignatures.userId, name: users.name })
    .from(petitionSignatures)
    .leftJoin(users, eq(users.id, petitionSignatures.userId))
    .where(and(eq(petitionSignatures.petitionId, petitionId), isNull(petitionSignatures.revokedAt)))
    .orderBy(desc(petitionSignatures.signedAt))
    .limit(limit);
}

/** Current holders of the body's seats (the threshold notice's recipients). */
export async function seatHoldersOfBody(tx: Executor, orgId: string, bodyKey: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: seats.holderUserId })
    .from(seats)
    .where(and(eq(seats.orgId, orgId), eq(seats.bodyKey, bodyKey), isNull(seats.retiredAt), isNotNull(seats.holderUserId)));
  return [...new Set(rows.map((r) => r.userId!))];
}

const awaitingAnswer = and(isNull(petitions.answeredAt), isNotNull(petitions.answerDueAt));

/** Petitions of the organization whose answer is past due (governance health), by the awaiting-answer index. */
export async function countOverduePetitionAnswers(db: Executor, orgId: string, at: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(petitions)
    .where(and(awaitingAnswer, lt(petitions.answerDueAt, at), eq(petitions.orgId, orgId)));
  return row?.n ?? 0;
}

/** Every organization's petitions past their answer deadline whose overdue entry is not logged yet (the worker's pass). */
export async function listOverdueUnlogged(db: Executor, at: Date, limit = 100): Promise<{ id: string; orgId: string }[]> {
  return db
    .select({ id: petitions.id, orgId: petitions.orgId })
    .from(petitions)
    .where(and(awaitingAnswer, lt(petitions.answerDueAt, at), isNull(petitions.overdueLoggedAt)))
    .limit(limit);
}

/** The overdue petition locked for logging, skipped if another worker holds it; null when gone, answered or already logged. */
export async function lockOverdueForLogging(tx: Executor, petitionId: string, at: Date): Promise<PetitionRow | null> {
  const rows = await tx
    .select()
    .from(petitions)
    .where(and(eq(petitions.id, petitionId), awaitingAnswer, lte(petitions.answerDueAt, at), isNull(petitions.overdueLoggedAt)))
    .for('update', { skipLocked: true });
  return rows[0] ?? null;
}

export async function markOverdueLogged(tx: Executor, petitionId: string, at: Date): Promise<void> {
  await tx.update(petitions).set({ overdueLoggedAt: at }).where(eq(petitions.id, petitionId));
}

/** The person's role and stakeholder group in the organization (accepted membership), read inside the transaction; null role: not a member. */
export async function signerFacts(
  tx: Executor,
  orgId: string,
  userId: string,
  opts: { lock?: boolean } = {},
): Promise<{ role: (typeof memberships.$inferSelect)['role'] | null; stakeholderGroup: string | null }> {
  const query = tx
    .select({ role: memberships.role, stakeholderGroup: memberships.stakeholderGroup })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId), isAccepted));
  // Locked (FOR SHARE) by a signature: a member leaving at that moment waits, then lapses it (lapseSignaturesOf).
  const rows = opts.lock ? await query.for('share') : await query;
  return rows[0] ?? { role: null, stakeholderGroup: null };
}

/** Everyone with a live signature on the petition (for its later news; never shown). */
export async function liveSignerIds(tx: Executor, petitionId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: petitionSignatures.userId })
    .from(petitionSignatures)
    .where(and(eq(petitionSignatures.petitionId, petitionId), isNull(petitionSignatures.revokedAt)));
  return rows.map((r) => r.userId).filter((u): u is string => u !== null);
}

/** The petitions of the organization on which the person has a live signature, in id order (the order they are locked in). */
export async function petitionsSignedBy(tx: Executor, orgId: string, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: petitions.id })
    .from(petitionSignatures)
    .innerJoin(petitions, eq(petitions.id, petitionSignatures.petitionId))
    .where(and(eq(petitions.orgId, orgId), eq(petitionSignatures.userId, userId), isNull(petitionSignatures.revokedAt)))
    .orderBy(petitions.id);
  return rows.map((r) => r.id);
}
