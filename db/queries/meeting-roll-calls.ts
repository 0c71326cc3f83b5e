import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { meetingRollCalls, meetingRollCallVotes, meetings, users } from '@/db/schema';
import { highestWhere } from './scalars';

export type RollCallRow = typeof meetingRollCalls.$inferSelect;
export type RollCallVoteRow = typeof meetingRollCallVotes.$inferSelect;

export async function nextRollCallNumber(tx: Executor, meetingId: string): Promise<number> {
  return (await highestWhere(tx, meetingRollCalls.number, eq(meetingRollCalls.meetingId, meetingId))) + 1;
}

export async function insertRollCall(
  tx: Executor,
  values: typeof meetingRollCalls.$inferInsert,
  votes: { userId: string; vote: RollCallVoteRow['vote'] }[],
): Promise<RollCallRow> {
  const [row] = await tx.insert(meetingRollCalls).values(values).returning();
  if (votes.length > 0) await tx.insert(meetingRollCallVotes).values(votes.map((v) => ({ rollCallId: row!.id, userId: v.userId, vote: v.vote })));
  return row!;
}

/** A roll call of this organization with its meeting, locked (null when the id names none of its roll calls). */
export async function lockRollCall(
  tx: Executor,
  orgId: string,
  rollCallId: string,
): Promise<{ rollCall: RollCallRow; meeting: typeof meetings.$inferSelect } | null> {
  const rows = await tx
    .select({ rollCall: meetingRollCalls, meeting: meetings })
    .from(meetingRollCalls)
    .innerJoin(meetings, eq(meetings.id, meetingRollCalls.meetingId))
    .where(and(eq(meetings.orgId, orgId), eq(meetingRollCalls.id, rollCallId)))
    .for('update', { of: meetingRollCalls });
  return rows[0] ?? null;
}

export async function lockOwnVote(tx: Executor, rollCallId: string, userId: string): Promise<RollCallVoteRow | null> {
  const rows = await tx
    .select()
    .from(meetingRollCallVotes)
    .where(and(eq(meetingRollCallVotes.rollCallId, rollCallId), eq(meetingRollCallVotes.userId, userId)))
    .for('update');
  return rows[0] ?? null;
}

export async function answerVote(tx: Executor, id: string, answer: 'confirmed' | 'disputed', note: string | null, at: Date): Promise<void> {
  await tx.update(meetingRollCallVotes).set({ answer, answeredAt: at, disputeNote: note }).where(eq(meetingRollCallVotes.id, id));
}

export async function markRollCallRatified(tx: Executor, rollCallId: string, proposalId: string, at: Date): Promise<void> {
  await tx.update(meetingRollCalls).set({ ratifiedAt: at, ratifiedByProposalId: proposalId }).where(eq(meetingRollCalls.id, rollCallId));
}

/** A meeting's roll calls in order, each with its votes and the voters' names (null once an account is deleted). */
export async function rollCallsOf(db: Executor, meetingId: string): Promise<(RollCallRow & { votes: (RollCallVoteRow & { name: string | null })[] })[]> {
  const calls = await db.select().from(meetingRollCalls).where(eq(meetingRollCalls.meetingId, meetingId)).orderBy(asc(meetingRollCalls.number));
  if (calls.length === 0) return [];
  const votes = await db
    .select({ v: meetingRollCallVotes, name: users.name, rollCallId: meetingRollCallVotes.rollCallId })
    .from(meetingRollCallVotes)
    .innerJoin(meetingRollCalls, eq(meetingRollCalls.id, meetingRollCallVotes.rollCallId))
    .leftJoin(users, eq(users.id, meetingRollCallVotes.userId))
    .where(eq(meetingRollCalls.meetingId, meetingId))
    .orderBy(asc(users.name));
  return calls.map((c) => ({ ...c, votes: votes.filter((v) => v.rollCallId === c.id).map((v) => ({ ...v.v, name: v.name })) }));
}

/** The organization's carried, unratified roll calls with their meeting: the candidates for "held" (the caller applies the irregularity). */
export async function unratifiedCarriedRollCalls(db: Executor, orgId: string) {
  return db
    .select({ rollCall: meetingRollCalls, meeting: meetings })
    .from(meetingRollCalls)
    .innerJoin(meetings, eq(meetings.id, meetingRollCalls.meetingId))
    .where(and(eq(meetings.orgId, orgId), eq(meetingRollCalls.carried, true), isNull(meetingRollCalls.ratifiedAt)))
    .orderBy(asc(meetings.number), asc(meetingRollCalls.number));
}

/** The roll call a proposal ratified, if any (the proposal page names it). */
export async function rollCallById(db: Executor, orgId: string, rollCallId: string) {
  const rows = await db
    .select({ rollCall: meetingRollCalls, meeting: meetings })
    .from(meetingRollCalls)
    .innerJoin(meetings, eq(meetings.id, meetingRollCalls.meetingId))
    .where(and(eq(meetings.orgId, orgId), eq(meetingRollCalls.id, rollCallId)));
  return rows[0] ?? null;
}
