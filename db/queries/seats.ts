import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { seats } from '@/db/schema';
import { highestWhere } from './scalars';

export type SeatRow = typeof seats.$inferSelect;

/** A seat of the organization that is not retired, locked for this transaction when `forUpdate`. */
export async function findSeat(tx: Executor, orgId: string, seatId: string, { forUpdate }: { forUpdate: boolean }): Promise<SeatRow | null> {
  const query = tx
    .select()
    .from(seats)
    .where(and(eq(seats.orgId, orgId), eq(seats.id, seatId), isNull(seats.retiredAt)));
  const [seat] = forUpdate ? await query.for('update') : await query;
  return seat ?? null;
}

/** The seats of one body this person holds (id and position). */
export async function seatsHeldInBody(tx: Executor, orgId: string, bodyKey: string, userId: string): Promise<{ id: string; position: number }[]> {
  return tx
    .select({ id: seats.id, position: seats.position })
    .from(seats)
    .where(and(eq(seats.orgId, orgId), eq(seats.bodyKey, bodyKey), eq(seats.holderUserId, userId), isNull(seats.retiredAt)));
}

/** Vacant seats, numbered from `firstPosition`, one per class given. */
export async function insertVacantSeats(
  tx: Executor,
  s: { orgId: string; bodyKey: string; firstPosition: number; seatClasses: string[]; at: Date },
): Promise<void> {
  // A member-wide body has no seats (charterSeats 0): nothing to insert, and insert() refuses an empty list.
  if (s.seatClasses.length === 0) return;
  await tx.insert(seats).values(
    s.seatClasses.map((seatClass, i) => ({
      orgId: s.orgId,
      bodyKey: s.bodyKey,
      position: s.firstPosition + i,
      seatClass,
      holderUserId: null,
      vacatedAt: s.at,
    })),
  );
}

/** The highest position used in a body (0 when it has no seats). */
export async function topSeatPosition(tx: Executor, orgId: string, bodyKey: string): Promise<number> {
  return highestWhere(tx, seats.position, and(eq(seats.orgId, orgId), eq(seats.bodyKey, bodyKey)));
}

/** The seat is filled: its holder's term starts now. */
export async function fillSeat(tx: Executor, seatId: string, holderUserId: string, at: Date): Promise<void> {
  await tx.update(seats).set({ holderUserId, vacatedAt: null, termStartedAt: at }).where(eq(seats.id, seatId));
}

/** The seat is emptied: its holder's term ends and its vacancy clock starts. */
export async function vacateSeat(tx: Executor, seatId: string, at: Date): Promise<void> {
  await tx.update(seats).set({ holderUserId: null, vacatedAt: at, termEndsAt: at }).where(eq(seats.id, seatId));
}

export async function retireSeat(tx: Executor, orgId: string, seatId: string, at: Date): Promise<void> {
  await tx
    .update(seats)
    .set({ retiredAt: at })
    .where(and(eq(seats.orgId, orgId), eq(seats.id, seatId)));
}

/** Changes a seat's class, only while it is vacant. */
export async function reclassifyVacantSeat(tx: Executor, orgId: string, seatId: string, seatClass: string): Promise<void> {
  await tx
    .update(seats)
    .set({ seatClass })
    .where(and(eq(seats.orgId, orgId), eq(seats.id, seatId), isNull(seats.holderUserId)));
}

/** Locks one seat row of the organization: serializes proposal numbering per organization. */
export async function lockOrganizationSeatRow(tx: Executor, orgId: string): Promise<void> {
  await tx.select({ id: seats.id }).from(seats).where(eq(seats.orgId, orgId)).limit(1).for('update');
}
