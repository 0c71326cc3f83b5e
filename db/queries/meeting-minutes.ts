import 'server-only';
import { and, asc, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { meetingMinutes, meetingMinutesVotes, meetings } from '@/db/schema';

export type MinutesRow = typeof meetingMinutes.$inferSelect;
export type MinutesVoteRow = typeof meetingMinutesVotes.$inferSelect;

export async function minutesOfMeeting(db: Executor, meetingId: string, { lock = false } = {}): Promise<MinutesRow | null> {
  const q = db.select().from(meetingMinutes).where(eq(meetingMinutes.meetingId, meetingId));
  const rows = lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export async function insertMinutes(tx: Executor, values: typeof meetingMinutes.$inferInsert): Promise<MinutesRow> {
  const [row] = await tx.insert(meetingMinutes).values(values).returning();
  return row!;
}

/** A new revision of a draft; the WHERE keeps a sealed row out of reach (the trigger refuses it too). */
export async function reviseMinutesRow(
  tx: Executor,
  id: string,
  patch: Pick<MinutesRow, 'revision' | 'text' | 'textSha256' | 'closedMatter' | 'draftedBy' | 'draftedAt'>,
): Promise<MinutesRow | null> {
  const [row] = await tx
    .update(meetingMinutes)
    .set(patch)
    .where(and(eq(meetingMinutes.id, id), isNull(meetingMinutes.sealedAt)))
    .returning();
  return row ?? null;
}

export async function sealMinutesRow(tx: Executor, id: string, sealedAt: Date, disclosesAt: Date | null): Promise<void> {
  await tx
    .update(meetingMinutes)
    .set({ sealedAt, disclosesAt })
    .where(and(eq(meetingMinutes.id, id), isNull(meetingMinutes.sealedAt)));
}

export async function votesOfRevision(db: Executor, minutesId: string, revision: number): Promise<MinutesVoteRow[]> {
  return db
    .select()
    .from(meetingMinutesVotes)
    .where(and(eq(meetingMinutesVotes.minutesId, minutesId), eq(meetingMinutesVotes.revision, revision)))
    .orderBy(asc(meetingMinutesVotes.at));
}

export async function insertMinutesVote(tx: Executor, v: typeof meetingMinutesVotes.$inferInsert): Promise<void> {
  await tx.insert(meetingMinutesVotes).values(v);
}

/** Sealed closed sessions whose disclosure date has come and that are not disclosed yet (the worker's pass). */
export async function listDueDisclosures(db: Executor, at: Date): Promise<{ id: string }[]> {
  return db
    .select({ id: meetingMinutes.id })
    .from(meetingMinutes)
    .where(
      and(isNotNull(meetingMinutes.sealedAt), isNotNull(meetingMinutes.closedMatter), isNull(meetingMinutes.disclosedAt), lte(meetingMinutes.disclosesAt, at)),
    )
    .orderBy(asc(meetingMinutes.disclosesAt));
}

/** One due disclosure, locked SKIP LOCKED (another worker has it otherwise). */
export async function lockDueDisclosure(tx: Executor, id: string): Promise<MinutesRow | null> {
  const rows = await tx
    .select()
    .from(meetingMinutes)
    .where(and(eq(meetingMinutes.id, id), isNull(meetingMinutes.disclosedAt)))
    .for('update', { skipLocked: true });
  return rows[0] ?? null;
}

export async function meetingById(tx: Executor, id: string) {
  const rows = await tx.select().from(meetings).where(eq(meetings.id, id));
  return rows[0] ?? null;
}

export async function markMinutesDisclosed(tx: Executor, id: string, at: Date): Promise<void> {
  await tx.update(meetingMinutes).set({ disclosedAt: at }).where(eq(meetingMinutes.id, id));
}
