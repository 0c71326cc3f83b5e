import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { nominations, users } from '@/db/schema';
import type { NominationRow } from '@/db/schema';
import type { NominationStatus } from '@/lib/governance/election';

/** A nomination as the page shows it: public, with the nominee's and nominator's names. */
export type NominationView = {
  id: string;
  nomineeUserId: string;
  nomineeName: string | null;
  nominatorUserId: string;
  nominatorName: string | null;
  status: NominationStatus;
  declaration: string | null;
  nominatedAt: Date;
  answeredAt: Date | null;
};

const nominator = alias(users, 'nominator');

/** Every nomination of an election, in the order made. */
export async function listNominations(db: Executor, proposalId: string): Promise<NominationView[]> {
  return db
    .select({
      id: nominations.id,
      nomineeUserId: nominations.nomineeUserId,
      nomineeName: users.name,
      nominatorUserId: nominations.nominatorUserId,
      nominatorName: nominator.name,
      status: nominations.status,
      declaration: nominations.declaration,
      nominatedAt: nominations.nominatedAt,
      answeredAt: nominations.answeredAt,
    })
    .from(nominations)
    .leftJoin(users, eq(users.id, nominations.nomineeUserId))
    .leftJoin(nominator, eq(nominator.id, nominations.nominatorUserId))
    .where(eq(nominations.proposalId, proposalId))
    .orderBy(asc(nominations.nominatedAt), asc(nominations.id));
}

export async function findNomination(tx: Executor, proposalId: string, nomineeUserId: string): Promise<NominationRow | null> {
  const [row] = await tx
    .select()
    .from(nominations)
    .where(and(eq(nominations.proposalId, proposalId), eq(nominations.nomineeUserId, nomineeUserId)));
  return row ?? null;
}

export async function insertNomination(tx: Executor, n: { proposalId: string; nomineeUserId: string; nominatorUserId: string; at: Date }): Promise<void> {
  await tx.insert(nominations).values({ proposalId: n.proposalId, nomineeUserId: n.nomineeUserId, nominatorUserId: n.nominatorUserId, nominatedAt: n.at });
}

/** A nomination made again after the nominee declined or withdrew: nominated anew, by this nominator. */
export async function renominate(tx: Executor, id: string, n: { nominatorUserId: string; at: Date }): Promise<void> {
  await tx
    .update(nominations)
    .set({ status: 'nominated', nominatorUserId: n.nominatorUserId, nominatedAt: n.at, answeredAt: null, declaration: null })
    .where(eq(nominations.id, id));
}

export async function answerNominationRow(tx: Executor, id: string, a: { status: NominationStatus; declaration: string | null; at: Date }): Promise<void> {
  await tx.update(nominations).set({ status: a.status, declaration: a.declaration, answeredAt: a.at }).where(eq(nominations.id, id));
}
