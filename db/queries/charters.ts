import 'server-only';
import { and, asc, desc, eq, isNull, ne } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { charters, memberships, seats, users } from '@/db/schema';
import type { Charter, SeatState } from '@/lib/governance/types';
import { valueWhere } from './scalars';

export type ActiveCharter = { id: string; version: number; document: Charter; documentHash: string; adoptedAt: Date; templateKey: string | null };

export async function getActiveCharter(db: Executor, orgId: string): Promise<ActiveCharter | null> {
  const [row] = await db
    .select({
      id: charters.id,
      version: charters.version,
      document: charters.document,
      documentHash: charters.documentHash,
      adoptedAt: charters.adoptedAt,
      templateKey: charters.templateKey,
    })
    .from(charters)
    .where(eq(charters.orgId, orgId))
    .orderBy(desc(charters.version))
    .limit(1);
  return row ?? null;
}

/** One charter version of the organization. */
const versionOf = (orgId: string, version: number) => and(eq(charters.orgId, orgId), eq(charters.version, version));

export async function getCharterVersion(db: Executor, orgId: string, version: number): Promise<Charter | null> {
  return valueWhere(db, charters.document, versionOf(orgId, version));
}

/** Stores an adopted charter version (the founding one, or one adopted by a proposal). */
export async function insertCharter(
  tx: Executor,
  c: { orgId: string; version: number; document: Charter; documentHash: string; templateKey?: string | null; adoptedByProposalId?: string; adoptedAt: Date },
): Promise<void> {
  await tx.insert(charters).values(c);
}

/** The stored document hash of a charter version (null when the version is missing). */
export async function charterDocumentHash(tx: Executor, orgId: string, version: number): Promise<string | null> {
  return valueWhere(tx, charters.documentHash, versionOf(orgId, version));
}

/** A seat's state as the rules read it. */
const seatStateColumns = {
  seatId: seats.id,
  bodyKey: seats.bodyKey,
  seatClass: seats.seatClass,
  holderUserId: seats.holderUserId,
  vacatedAt: seats.vacatedAt,
};

/** `termStartedAt`: when the current holder took the seat (null when vacant or never recorded). */
export type SeatView = SeatState & { position: number; holderName: string | null; holderEmail: string | null; termStartedAt: Date | null };

export async function listSeats(db: Executor, orgId: string): Promise<SeatView[]> {
  const rows = await db
    .select({
      ...seatStateColumns,
      position: seats.position,
      termStartedAt: seats.termStartedAt,
      holderName: users.name,
      holderEmail: users.email,
    })
    .from(seats)
    .leftJoin(users, eq(users.id, seats.holderUserId))
    .where(and(eq(seats.orgId, orgId), isNull(seats.retiredAt)))
    .orderBy(asc(seats.bodyKey), asc(seats.position));
  return rows;
}

/**
 * The seats as the vacancy-filling rules must see them: a seat counts as held only by someone who
 * can act with it — a member who is not an observer. A seat held by an observer, or by someone no
 * longer a member (states left from before those rules), neither votes nor counts among those
 * "remaining in office", so it cannot stop a body from refilling itself.
 */
export async function listSeatsWhoseHoldersAct(db: Executor, orgId: string): Promise<SeatState[]> {
  const rows = await db
    .select({
      ...seatStateColumns,
      actingMember: memberships.id,
    })
    .from(seats)
    .leftJoin(memberships, and(eq(memberships.orgId, seats.orgId), eq(memberships.userId, seats.holderUserId), ne(memberships.role, 'observer')))
    .where(and(eq(seats.orgId, orgId), isNull(seats.retiredAt)))
    .orderBy(asc(seats.bodyKey), asc(seats.position));
  return rows.map(({ actingMember, ...s }) => (s.holderUserId !== null && actingMember === null ? { ...s, holderUserId: null, vacatedAt: s.vacatedAt } : s));
}
