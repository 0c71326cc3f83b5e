import 'server-only';
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { delegations, memberships, proposals, users } from '@/db/schema';
import type { DelegationRow } from '@/db/schema';
import type { DelegationScope } from '@/lib/governance/delegation';
import type { Role } from '@/lib/governance/roles';
import { valueWhere } from './scalars';

// Delegations (proxies) of members' votes in member-wide votes: the active one per member and scope, and their history.

const active = isNull(delegations.revokedAt);

/** The delegations of exactly this scope: every member-wide vote, one proposal type, or one proposal. */
function ofScope(scope: DelegationScope): SQL | undefined {
  if (scope.proposalId !== null) return eq(delegations.proposalId, scope.proposalId);
  if (scope.typeKey !== null) return and(eq(delegations.typeKey, scope.typeKey), isNull(delegations.proposalId));
  return and(isNull(delegations.typeKey), isNull(delegations.proposalId));
}

/** The member's active delegation of this scope, locked for a change; null when there is none. */
export async function lockActiveDelegation(tx: Executor, orgId: string, delegatorUserId: string, scope: DelegationScope): Promise<DelegationRow | null> {
  const [row] = await tx
    .select()
    .from(delegations)
    .where(and(eq(delegations.orgId, orgId), eq(delegations.delegatorUserId, delegatorUserId), active, ofScope(scope)))
    .for('update');
  return row ?? null;
}

/** The member's active delegation by id, locked for a change; null when it is not theirs, not in this organization or already revoked. */
export async function lockOwnActiveDelegation(tx: Executor, orgId: string, delegatorUserId: string, delegationId: string): Promise<DelegationRow | null> {
  const [row] = await tx
    .select()
    .from(delegations)
    .where(and(eq(delegations.orgId, orgId), eq(delegations.id, delegationId), eq(delegations.delegatorUserId, delegatorUserId), active))
    .for('update');
  return row ?? null;
}

/** Every active delegation of this scope in the organization, delegator → delegate: what a loop check walks. */
export async function activeDelegationsOfScope(tx: Executor, orgId: string, scope: DelegationScope): Promise<Map<string, string>> {
  const rows = await tx
    .select({ from: delegations.delegatorUserId, to: delegations.delegateUserId })
    .from(delegations)
    .where(and(eq(delegations.orgId, orgId), active, ofScope(scope)));
  return new Map(rows.map((r) => [r.from, r.to]));
}

export async function insertDelegation(
  tx: Executor,
  d: { orgId: string; delegatorUserId: string; delegateUserId: string; at: Date } & DelegationScope,
): Promise<DelegationRow> {
  const [row] = await tx
    .insert(delegations)
    .values({
      orgId: d.orgId,
      delegatorUserId: d.delegatorUserId,
      delegateUserId: d.delegateUserId,
      typeKey: d.typeKey,
      proposalId: d.proposalId,
      createdAt: d.at,
    })
    .returning();
  return row!;
}

/** Ends an active delegation; its row stays, with the time. */
export async function markDelegationRevoked(tx: Executor, delegationId: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(delegations)
    .set({ revokedAt: at })
    .where(and(eq(delegations.id, delegationId), active))
    .returning({ id: delegations.id });
  return rows.length > 0;
}

/** A person's membership as the delegation rules read it (a pending invitation included, as not accepted); null when they have none. */
export async function delegationCandidate(
  tx: Executor,
  orgId: string,
  userId: string,
): Promise<{ role: Role; accepted: boolean; stakeholderGroup: string | null } | null> {
  const [row] = await tx
    .select({ role: memberships.role, acceptedAt: memberships.acceptedAt, stakeholderGroup: memberships.stakeholderGroup })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .limit(1);
  return row ? { role: row.role, accepted: row.acceptedAt !== null, stakeholderGroup: row.stakeholderGroup } : null;
}

/** A member's active delegation as their page lists it. */
export type ActiveDelegationView = {
  id: string;
  delegateUserId: string;
  delegateName: string;
  typeKey: string | null;
  proposalId: string | null;
  proposalNumber: number | null;
  proposalTitle: string | null;
  createdAt: Date;
};

const personName = sql<string>`coalesce(nullif(trim(${users.name}), ''), ${users.email})`;

/** The member's active delegations, the general one first, then by type, then by proposal number. */
export async function listActiveDelegationsBy(db: Executor, orgId: string, delegatorUserId: string): Promise<ActiveDelegationView[]> {
  return db
    .select({
      id: delegations.id,
      delegateUserId: delegations.delegateUserId,
      delegateName: personName,
      typeKey: delegations.typeKey,
      proposalId: delegations.proposalId,
      proposalNumber: proposals.number,
      proposalTitle: proposals.title,
      createdAt: delegations.createdAt,
    })
    .from(delegations)
    .innerJoin(users, eq(users.id, delegations.delegateUserId))
    .leftJoin(proposals, eq(proposals.id, delegations.proposalId))
    .where(and(eq(delegations.orgId, orgId), eq(delegations.delegatorUserId, delegatorUserId), active))
    .orderBy(sql`${delegations.proposalId} is not null`, sql`${delegations.typeKey} is not null`, asc(delegations.typeKey), asc(proposals.number));
}

/** Every active delegation in the organization with the delegator's name: who delegates to whom, for "delegated to me". */
export async function listActiveDelegations(
  db: Executor,
  orgId: string,
): Promise<
  { delegatorUserId: string; delegatorName: string; delegateUserId: string; typeKey: string | null; proposalId: string | null; proposalNumber: number | null }[]
> {
  return db
    .select({
      delegatorUserId: delegations.delegatorUserId,
      delegatorName: personName,
      delegateUserId: delegations.delegateUserId,
      typeKey: delegations.typeKey,
      proposalId: delegations.proposalId,
      proposalNumber: proposals.number,
    })
    .from(delegations)
    .innerJoin(users, eq(users.id, delegations.delegatorUserId))
    .leftJoin(proposals, eq(proposals.id, delegations.proposalId))
    .where(and(eq(delegations.orgId, orgId), active));
}

/** Published proposals of the organization not withdrawn and without a recorded outcome: the ones a member might delegate for. */
export async function listUndecidedProposals(db: Executor, orgId: string): Promise<{ id: string; number: number; title: string; typeKey: string }[]> {
  return db
    .select({ id: proposals.id, number: proposals.number, title: proposals.title, typeKey: proposals.typeKey })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), eq(proposals.status, 'published'), isNull(proposals.outcome), isNotNull(proposals.publishedAt)))
    .orderBy(asc(proposals.number));
}

/** The number of one proposal, as the log names it. */
export async function proposalNumberOf(db: Executor, proposalId: string): Promise<number | null> {
  return valueWhere(db, proposals.number, eq(proposals.id, proposalId));
}
