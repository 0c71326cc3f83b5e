/**
 * A member who leaves, is removed, or deletes their account no longer counts on a petition still
 * taking signatures: the signature lapses in the same transaction, logged with the new count; a
 * closed petition keeps its record; a reached threshold stays reached. And the race an adversary
 * would try: a signature given while the member leaves never survives the departure.
 */
import { and, eq, isNull, notInArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, memberships, petitionSignatures, petitions, seats, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { deleteAccount } from '@/lib/use-cases/account';
import { leaveOrganization, removeMember } from '@/lib/use-cases/memberships';
import { openPetition, signPetition } from '@/lib/use-cases/petitions';
import { exportAndVerifyLog, withTestDatabase } from './helpers';

const DAY = 86_400_000;
let db: Database;
let orgId: string;
let admin: string;
let plain: { userId: string; membershipId: string }[];

withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  ({ orgId } = await seedDemo(db));
  const holders = (await db.select({ userId: seats.holderUserId }).from(seats).where(eq(seats.orgId, orgId)))
    .map((s) => s.userId)
    .filter((u): u is string => u !== null);
  const [a] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'admin')));
  admin = a!.userId;
  plain = await db
    .select({ userId: memberships.userId, membershipId: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'member'), notInArray(memberships.userId, holders)));
  // Enough plain members for every case below, added when the demo has too few.
  for (let i = plain.length; i < 12; i++) {
    const [u] = await db
      .insert(users)
      .values({ email: `lapse-${i}@petitions.example.org`, name: `Lapse ${i}` })
      .returning();
    const [m] = await db.insert(memberships).values({ orgId, userId: u!.id, role: 'member', acceptedAt: new Date() }).returning();
    plain.push({ userId: u!.id, membershipId: m!.id });
  }
});

const actor = (userId: string) => ({ userId, role: 'member' as const });
const live = async (petitionId: string, userId?: string) =>
  db.$count(
    petitionSignatures,
    and(eq(petitionSignatures.petitionId, petitionId), isNull(petitionSignatures.revokedAt), userId ? eq(petitionSignatures.userId, userId) : undefined),
  );
const stored = async (petitionId: string) => (await db.select().from(petitions).where(eq(petitions.id, petitionId)))[0]!;
const lapses = async (petitionId: string) =>
  db
    .select({ payload: decisionLog.payload, actorId: decisionLog.actorId })
    .from(decisionLog)
    .where(and(eq(decisionLog.subject, `petition:${petitionId}`), eq(decisionLog.kind, 'petition.signature_lapsed')));

async function newPetition(title: string, at = new Date()) {
  return openPetition(db, actor(plain[0]!.userId), { orgId, title, body: 'A petition body that is long enough for the rules here.', forGroup: false }, at);
}

describe('petition signatures of people who are no longer members', () => {
  it('lapse when the member leaves, is removed, or deletes their account, each logged with the new count', async () => {
    const at = new Date();
    const p = await newPetition('Hold the budget meeting in public', at);
    const [leaver, removed, deleted, stays] = plain.slice(1, 5);
    for (const m of [leaver!, removed!, deleted!, stays!]) await signPetition(db, actor(m.userId), { orgId, petitionId: p.id }, at);
    expect((await stored(p.id)).signatureCount).toBe(4);

    await leaveOrganization(db, { orgId, actorId: leaver!.userId, at });
    await removeMember(db, { orgId, actorId: admin, membershipId: removed!.membershipId, at });
    await deleteAccount(db, { userId: deleted!.userId, at });

    expect((await stored(p.id)).signatureCount).toBe(1);
    expect(await live(p.id)).toBe(1);
    expect(await live(p.id, stays!.userId)).toBe(1);
    const entries = await lapses(p.id);
    expect(entries.map((e) => (e.payload as { reason: string }).reason).sort()).toEqual(['account_deleted', 'left', 'removed']);
    expect(entries.map((e) => (e.payload as { count: number }).count).sort()).toEqual([1, 2, 3]);
    // The demo's petitions keep signer names private: the entries name nobody.
    if (!(await stored(p.id)).signerNamesPublic) expect(entries.every((e) => e.actorId === null)).toBe(true);
    await exportAndVerifyLog(db, orgId);
  });

  it('leave a closed petition as it closed, and a reached threshold reached', async () => {
    const long = new Date(Date.now() - 400 * DAY);
    const closed = await newPetition('An old petition whose signing period ended', long);
    const m = plain[5]!;
    await signPetition(db, actor(m.userId), { orgId, petitionId: closed.id }, long);
    await leaveOrganization(db, { orgId, actorId: m.userId, at: new Date() });
    expect(await live(closed.id, m.userId)).toBe(1);
    expect(await lapses(closed.id)).toHaveLength(0);

    const reached = await newPetition('A petition that reaches its threshold');
    await db.update(petitions).set({ requiredSignatures: 2 }).where(eq(petitions.id, reached.id));
    for (const s of plain.slice(6, 8)) await signPetition(db, actor(s.userId), { orgId, petitionId: reached.id }, new Date());
    const before = await stored(reached.id);
    expect(before.thresholdReachedAt).not.toBeNull();
    await leaveOrganization(db, { orgId, actorId: plain[6]!.userId, at: new Date() });
    const after = await stored(reached.id);
    expect(after.signatureCount).toBe(1);
    expect(after.thresholdReachedAt).toEqual(before.thresholdReachedAt);
    expect(after.answerDueAt).toEqual(before.answerDueAt);
  });

  it('never keeps a signature given while the member leaves (sign and leave at once)', async () => {
    const p = await newPetition('Race the departure');
    for (const m of plain.slice(8, 12)) {
      const results = await Promise.allSettled([
        signPetition(db, actor(m.userId), { orgId, petitionId: p.id }, new Date()),
        leaveOrganization(db, { orgId, actorId: m.userId, at: new Date() }),
      ]);
      expect(results[1]!.status).toBe('fulfilled');
      // Whichever came first, the member is gone and has no live signature; the count agrees with the rows.
      expect(await live(p.id, m.userId)).toBe(0);
    }
    expect((await stored(p.id)).signatureCount).toBe(await live(p.id));
    await exportAndVerifyLog(db, orgId);
  });
});
