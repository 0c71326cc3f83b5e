import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Role } from '@/lib/governance/roles';
import type { Executor } from '@/db/client';
import { waitingAudienceReaches } from './fanout';
import { memberships, notifyEvents, outbox, proposalFollows } from '@/db/schema';
import { isAccepted } from './memberships';

/** Starts following; following twice is the same as once. */
export async function insertFollow(tx: Executor, f: { orgId: string; proposalId: string; userId: string; at: Date }): Promise<boolean> {
  const rows = await tx
    .insert(proposalFollows)
    .values({ orgId: f.orgId, proposalId: f.proposalId, userId: f.userId, createdAt: f.at })
    .onConflictDoNothing()
    .returning({ userId: proposalFollows.userId });
  return rows.length > 0;
}

/** Stops following; not following is not an error. */
export async function deleteFollow(tx: Executor, f: { orgId: string; proposalId: string; userId: string }): Promise<boolean> {
  const rows = await tx
    .delete(proposalFollows)
    .where(and(eq(proposalFollows.orgId, f.orgId), eq(proposalFollows.proposalId, f.proposalId), eq(proposalFollows.userId, f.userId)))
    .returning({ userId: proposalFollows.userId });
  return rows.length > 0;
}

/** The proposal's followers who are still accepted members of its organization, without `except` (the person who acted). */
export async function followerIds(tx: Executor, orgId: string, proposalId: string, except: string | null): Promise<string[]> {
  const rows = await tx
    .select({ userId: proposalFollows.userId })
    .from(proposalFollows)
    .innerJoin(
      memberships,
      and(eq(memberships.orgId, proposalFollows.orgId), eq(memberships.userId, proposalFollows.userId), isAccepted, ne(memberships.role, 'observer')),
    )
    .where(and(eq(proposalFollows.orgId, orgId), eq(proposalFollows.proposalId, proposalId), ...(except ? [ne(proposalFollows.userId, except)] : [])));
  return rows.map((r) => r.userId);
}

/**
 * Which of `candidates` the event with this key already told (so a follower is not told the same
 * thing twice): its outbox rows, and — for a member-wide audience the worker has not written yet
 * (fanout.ts) — whom those rows will reach.
 */
export async function recipientsOfEvent(tx: Executor, key: string, candidates: readonly string[]): Promise<Set<string>> {
  const rows = await tx
    .select({ userId: outbox.recipientUserId })
    .from(outbox)
    .innerJoin(notifyEvents, eq(notifyEvents.id, outbox.eventId))
    .where(eq(notifyEvents.key, key));
  const told = new Set(rows.map((r) => r.userId));
  for (const u of await waitingAudienceReaches(tx, key, candidates)) told.add(u);
  return told;
}

/**
 * In one query: the person's role in the organization (accepted memberships only, as roleOf), whether
 * the proposal is followable (isFollowable) and whether they follow it (isFollowing).
 */
export async function followFacts(
  db: Executor,
  orgId: string,
  proposalId: string,
  userId: string,
): Promise<{ role: Role | null; followable: boolean; following: boolean }> {
  const [row] = await db
    .select({
      role: sql<Role | null>`(select m.role from memberships m where m.org_id = ${orgId} and m.user_id = ${userId} and m.accepted_at is not null limit 1)`,
      followable: sql<boolean>`exists (select 1 from proposals p where p.org_id = ${orgId} and p.id = ${proposalId} and p.status <> 'draft')`,
      following: sql<boolean>`exists (select 1 from proposal_follows f where f.proposal_id = ${proposalId} and f.user_id = ${userId})`,
    })
    .from(sql`(select 1) as one`);
  return { role: row?.role ?? null, followable: truthy(row?.followable), following: truthy(row?.following) };
}

/** A boolean column as either driver hands it back. */
function truthy(v: unknown): boolean {
  return v === true || v === 't';
}
