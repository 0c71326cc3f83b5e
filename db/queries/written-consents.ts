import 'server-only';
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { seats, users, writtenConsentSignatures, writtenConsentSigners, writtenConsents } from '@/db/schema';
import type { WrittenConsentRecord } from '@/lib/governance/written-consent';
import { highestWhere } from './scalars';

export type WrittenConsentRow = typeof writtenConsents.$inferSelect;

/** The frozen signers with their seat position and name (names are public: seat holders are public officials). */
export type ConsentSigner = { userId: string | null; seatPosition: number; name: string | null };

/** The rules' view of a stored consent, from its row, frozen signers, live signatures and the body's current holders. */
export function writtenConsentRecord(row: WrittenConsentRow, signers: ConsentSigner[], signed: string[], currentHolders: string[]): WrittenConsentRecord {
  // A deleted account (null id) is a departed signer: it can never sign, so unanimity is impossible.
  const frozen = signers.map((s) => s.userId ?? `deleted:${s.seatPosition}`);
  const holders = new Set(currentHolders);
  return {
    openedAt: row.openedAt,
    expiresAt: row.expiresAt,
    signers: frozen,
    signed,
    adoptedAt: row.adoptedAt,
    withdrawnAt: row.withdrawnAt,
    lapsedAt: row.lapsedAt,
    departed: frozen.filter((s) => !holders.has(s)),
  };
}

export async function nextWrittenConsentNumber(tx: Executor, orgId: string): Promise<number> {
  return (await highestWhere(tx, writtenConsents.number, eq(writtenConsents.orgId, orgId))) + 1;
}

export async function insertWrittenConsent(tx: Executor, values: typeof writtenConsents.$inferInsert): Promise<WrittenConsentRow> {
  const [row] = await tx.insert(writtenConsents).values(values).returning();
  return row!;
}

export async function insertConsentSigners(tx: Executor, consentId: string, signers: { userId: string; seatPosition: number }[]): Promise<void> {
  if (signers.length === 0) return;
  await tx.insert(writtenConsentSigners).values(signers.map((s) => ({ consentId, ...s })));
}

/** The consent locked for this transaction (every signature, revocation, withdrawal and the worker take this lock first). */
export async function lockWrittenConsent(tx: Executor, orgId: string, consentId: string): Promise<WrittenConsentRow | null> {
  const rows = await tx
    .select()
    .from(writtenConsents)
    .where(and(eq(writtenConsents.orgId, orgId), eq(writtenConsents.id, consentId)))
    .for('update');
  return rows[0] ?? null;
}

export async function getWrittenConsentByNumber(db: Executor, orgId: string, number: number): Promise<WrittenConsentRow | null> {
  const rows = await db
    .select()
    .from(writtenConsents)
    .where(and(eq(writtenConsents.orgId, orgId), eq(writtenConsents.number, number)));
  return rows[0] ?? null;
}

/** The organization's written consents, newest first (at most `limit`). */
export async function listWrittenConsents(db: Executor, orgId: string, limit = 200): Promise<WrittenConsentRow[]> {
  return db.select().from(writtenConsents).where(eq(writtenConsents.orgId, orgId)).orderBy(desc(writtenConsents.number)).limit(limit);
}

/** The frozen signers of the consents, in seat order, with names. */
export async function listConsentSigners(db: Executor, consentIds: string[]): Promise<Map<string, ConsentSigner[]>> {
  const out = new Map<string, ConsentSigner[]>(consentIds.map((id) => [id, []]));
  if (consentIds.length === 0) return out;
  const rows = await db
    .select({
      consentId: writtenConsentSigners.consentId,
      userId: writtenConsentSigners.userId,
      seatPosition: writtenConsentSigners.seatPosition,
      name: users.name,
    })
    .from(writtenConsentSigners)
    .leftJoin(users, eq(users.id, writtenConsentSigners.userId))
    .where(inArray(writtenConsentSigners.consentId, consentIds))
    .orderBy(asc(writtenConsentSigners.seatPosition));
  for (const r of rows) out.get(r.consentId)!.push({ userId: r.userId, seatPosition: r.seatPosition, name: r.name });
  return out;
}

/** Live signatures of the consents: signer and when they signed. */
export async function listLiveConsentSignatures(db: Executor, consentIds: string[]): Promise<Map<string, { userId: string; signedAt: Date }[]>> {
  const out = new Map<string, { userId: string; signedAt: Date }[]>(consentIds.map((id) => [id, []]));
  if (consentIds.length === 0) return out;
  const rows = await db
    .select({ consentId: writtenConsentSignatures.consentId, userId: writtenConsentSignatures.userId, signedAt: writtenConsentSignatures.signedAt })
    .from(writtenConsentSignatures)
    .where(and(inArray(writtenConsentSignatures.consentId, consentIds), isNull(writtenConsentSignatures.revokedAt), isNotNull(writtenConsentSignatures.userId)))
    .orderBy(asc(writtenConsentSignatures.signedAt));
  for (const r of rows) out.get(r.consentId)!.push({ userId: r.userId!, signedAt: r.signedAt });
  return out;
}

/** Current holders of the body's seats, with their seat position (the signer set at opening; departures later). */
export async function currentSeatHolders(tx: Executor, orgId: string, bodyKey: string): Promise<{ userId: string; seatPosition: number }[]> {
  const rows = await tx
    .select({ userId: seats.holderUserId, seatPosition: seats.position })
    .from(seats)
    .where(and(eq(seats.orgId, orgId), eq(seats.bodyKey, bodyKey), isNull(seats.retiredAt), isNotNull(seats.holderUserId)))
    .orderBy(asc(seats.position));
  return rows.map((r) => ({ userId: r.userId!, seatPosition: r.seatPosition }));
}

/**
 * The body's current holders, their seat rows share-locked for this transaction: a seat vacated
 * concurrently either commits first (and its holder is not returned) or waits for this
 * transaction, so a signature never adopts a consent while a signer is leaving.
 */
export async function lockedSeatHolders(tx: Executor, orgId: string, bodyKey: string): Promise<{ userId: string; seatPosition: number }[]> {
  const rows = await tx
    .select({ userId: seats.holderUserId, seatPosition: seats.position })
    .from(seats)
    .where(and(eq(seats.orgId, orgId), eq(seats.bodyKey, bodyKey), isNull(seats.retiredAt), isNotNull(seats.holderUserId)))
    .orderBy(asc(seats.position))
    .for('share');
  return rows.map((r) => ({ userId: r.userId!, seatPosition: r.seatPosition }));
}

export async function insertConsentSignature(tx: Executor, consentId: string, userId: string, at: Date): Promise<void> {
  await tx.insert(writtenConsentSignatures).values({ consentId, userId, signedAt: at });
}

/** Revokes the signer's live signature (its row stays, with the time). */
export async function revokeConsentSignature(tx: Executor, consentId: string, userId: string, at: Date): Promise<void> {
  await tx
    .update(writtenConsentSignatures)
    .set({ revokedAt: at })
    .where(and(eq(writtenConsentSignatures.consentId, consentId), eq(writtenConsentSignatures.userId, userId), isNull(writtenConsentSignatures.revokedAt)));
}

const stillOpen = and(isNull(writtenConsents.adoptedAt), isNull(writtenConsents.withdrawnAt), isNull(writtenConsents.lapsedAt));

export async function markConsentAdopted(tx: Executor, consentId: string, at: Date): Promise<void> {
  await tx
    .update(writtenConsents)
    .set({ adoptedAt: at })
    .where(and(eq(writtenConsents.id, consentId), stillOpen));
}

export async function markConsentWithdrawn(tx: Executor, consentId: string, by: string, at: Date): Promise<void> {
  await tx
    .update(writtenConsents)
    .set({ withdrawnAt: at, withdrawnBy: by })
    .where(and(eq(writtenConsents.id, consentId), stillOpen));
}

export async function markConsentLapsed(tx: Executor, consentId: string, at: Date): Promise<void> {
  await tx
    .update(writtenConsents)
    .set({ lapsedAt: at })
    .where(and(eq(writtenConsents.id, consentId), stillOpen));
}

export async function markConsentExpiryLogged(tx: Executor, consentId: string, at: Date): Promise<void> {
  await tx.update(writtenConsents).set({ expiredLoggedAt: at }).where(eq(writtenConsents.id, consentId));
}

const unsettled = and(stillOpen, isNull(writtenConsents.expiredLoggedAt));

/** Every organization's consents still unsettled (not adopted, withdrawn, lapsed or logged as expired): the worker checks expiry and departures. */
export async function listUnsettledConsents(db: Executor, limit = 200): Promise<{ id: string; orgId: string }[]> {
  return db
    .select({ id: writtenConsents.id, orgId: writtenConsents.orgId })
    .from(writtenConsents)
    .where(unsettled)
    .orderBy(asc(writtenConsents.expiresAt))
    .limit(limit);
}

/** The unsettled consent locked for the worker, skipped if another worker holds it. */
export async function lockUnsettledConsent(tx: Executor, consentId: string): Promise<WrittenConsentRow | null> {
  const rows = await tx
    .select()
    .from(writtenConsents)
    .where(and(eq(writtenConsents.id, consentId), unsettled))
    .for('update', { skipLocked: true });
  return rows[0] ?? null;
}

/** Consents of the organization open for signatures now (governance health and the org page). */
export async function countOpenWrittenConsents(db: Executor, orgId: string, at: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(writtenConsents)
    .where(and(eq(writtenConsents.orgId, orgId), stillOpen, gt(writtenConsents.expiresAt, at)));
  return row?.n ?? 0;
}
