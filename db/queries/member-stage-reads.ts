import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { rollEntries, users, votes } from '@/db/schema';
import type { RollEntry } from '@/lib/governance/types';
import { rowsOf } from './prepared';

// What the proposal page shows of a member-wide stage, read without bringing its roll (100,000
// members) or its ballots into the application: counts, the largest delegates, one viewer's
// carried votes and one page of the roll call. The roll is keyed (proposal_id, stage_index,
// user_id); current member ballots have the partial unique index votes_one_current_per_member.

const currentMemberBallot = (proposalId: string, stageIndex: number) =>
  and(eq(votes.proposalId, proposalId), eq(votes.stageIndex, stageIndex), eq(votes.isCurrent, true), isNull(votes.seatId));

/** How many members have a current ballot in the stage (not who, nor how). */
export async function countMemberVoters(db: Executor, proposalId: string, stageIndex: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(votes)
    .where(currentMemberBallot(proposalId, stageIndex));
  return Number(row?.n ?? 0);
}

/** One member's entry on the stage's roll, or null when they are not on it. */
export async function findRollEntry(db: Executor, proposalId: string, stageIndex: number, userId: string): Promise<RollEntry | null> {
  const [row] = await db
    .select({ userId: rollEntries.userId, weight: rollEntries.weight, delegateUserId: rollEntries.delegateUserId })
    .from(rollEntries)
    .where(and(eq(rollEntries.proposalId, proposalId), eq(rollEntries.stageIndex, stageIndex), eq(rollEntries.userId, userId)));
  return row ?? null;
}

export type LargestDelegates = {
  /** By the number of members who named them, then by user id in byte order. */
  delegates: { userId: string; delegators: number; weight: number }[];
  /** Every delegate named on the roll. */
  total: number;
};

/** The `limit` delegates most members named on the roll, and how many delegates there are in all (one GROUP BY). */
export async function listLargestDelegates(db: Executor, proposalId: string, stageIndex: number, limit: number): Promise<LargestDelegates> {
  const rows = rowsOf(
    await db.execute(sql`select delegate_user_id as d, count(*)::int as n, sum(weight)::int as w, count(*) over ()::int as total
      from roll_entries where proposal_id = ${proposalId}::uuid and stage_index = ${stageIndex}::integer and delegate_user_id is not null
      group by delegate_user_id order by count(*) desc, delegate_user_id collate "C" limit ${limit}::integer`),
  );
  return {
    delegates: rows.map((r) => ({ userId: String(r.d), delegators: Number(r.n), weight: Number(r.w) })),
    total: rows.length === 0 ? 0 : Number(rows[0]!.total),
  };
}

/** Up to `perDelegate` of the members who named each of `delegateIds`, in user-id order (byte order). */
export async function listDelegatorsOf(
  db: Executor,
  proposalId: string,
  stageIndex: number,
  delegateIds: readonly string[],
  perDelegate: number,
): Promise<{ userId: string; delegateUserId: string }[]> {
  if (delegateIds.length === 0) return [];
  const rows = rowsOf(
    await db.execute(sql`select user_id, delegate_user_id from (
        select user_id, delegate_user_id, row_number() over (partition by delegate_user_id order by user_id collate "C") as k
        from roll_entries where proposal_id = ${proposalId}::uuid and stage_index = ${stageIndex}::integer
          and delegate_user_id = any(${`{${delegateIds.map((d) => `"${d.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[])) x
      where k <= ${perDelegate}::integer`),
  );
  return rows.map((r) => ({ userId: String(r.user_id), delegateUserId: String(r.delegate_user_id) }));
}

/**
 * What `userId`'s ballot carries for others if they vote: the members on the roll whose chain
 * reaches them first (every member before them in the chain has not voted) within `maxDepth`
 * hops (null: any) — resolveRepresentation's rule, followed down from the one voter instead of
 * resolving the whole roll. The viewer must be on the roll (the caller checks).
 */
export async function carriedBy(
  db: Executor,
  proposalId: string,
  stageIndex: number,
  userId: string,
  maxDepth: number | null,
): Promise<{ people: number; weight: number }> {
  const depth = maxDepth ?? 2_147_483_647;
  const notVoted = (alias: string) =>
    sql`not exists (select 1 from votes v where v.proposal_id = ${proposalId}::uuid and v.stage_index = ${stageIndex}::integer
      and v.is_current and v.seat_id is null and v.voter_user_id = ${sql.raw(alias)}.user_id)`;
  // A member has one delegate, so the members reached going down from the voter form a tree
  // (only a loop through the voter could lead back, and the voter is left out): each is reached once.
  const rows = rowsOf(
    await db.execute(sql`with recursive reach(user_id, weight, depth) as (
        select r.user_id, r.weight, 1 from roll_entries r
        where r.proposal_id = ${proposalId}::uuid and r.stage_index = ${stageIndex}::integer and r.delegate_user_id = ${userId}::text
          and r.user_id <> ${userId}::text and 1 <= ${depth}::integer and ${notVoted('r')}
        union all
        select r.user_id, r.weight, reach.depth + 1 from reach join roll_entries r
          on r.proposal_id = ${proposalId}::uuid and r.stage_index = ${stageIndex}::integer and r.delegate_user_id = reach.user_id
        where reach.depth < ${depth}::integer and r.user_id <> ${userId}::text and ${notVoted('r')}
      )
      select count(*)::int as people, coalesce(sum(weight), 0)::int as weight from reach`),
  );
  return { people: Number(rows[0]?.people ?? 0), weight: Number(rows[0]?.weight ?? 0) };
}

export type MemberRollCallLine = { voterUserId: string; voterName: string | null; choice: string };

/** One page of the stage's current member ballots (who voted, and how: 'secret' for a secret ballot), in voter-id order. */
export async function listMemberRollCallPage(
  db: Executor,
  proposalId: string,
  stageIndex: number,
  page: { offset: number; limit: number },
): Promise<MemberRollCallLine[]> {
  return db
    .select({ voterUserId: votes.voterUserId, voterName: users.name, choice: votes.choice })
    .from(votes)
    .innerJoin(users, eq(users.id, votes.voterUserId))
    .where(currentMemberBallot(proposalId, stageIndex))
    .orderBy(asc(votes.voterUserId))
    .offset(page.offset)
    .limit(page.limit);
}
