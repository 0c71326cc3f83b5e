import 'server-only';
import { and, asc, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { recusals, users, votes } from '@/db/schema';
import type { Ballot } from '@/lib/governance/types';
import { reusableStatement } from './prepared';

export type BallotWrite = {
  id: string;
  proposalId: string;
  stageIndex: number;
  seatId: string;
  voterUserId: string;
  choice: Ballot['choice'] | 'secret';
  rationale: string | null;
  nonce: string;
  castAt: Date;
  /** A secret ballot's preferences (with choice 'secret'); null otherwise. */
  preferences?: number[] | null;
  /** A secret ballot's receipt code; null otherwise. */
  receipt?: string | null;
};

/**
 * Writes a ballot as the seat's current one, in one statement: the seat's previous current
 * ballot for the stage stops counting, then the new row is inserted. The INSERT reads the
 * UPDATE's count, which makes the UPDATE finish first (sub-statements of one WITH otherwise run
 * in no set order), so the one-current-ballot-per-seat index never sees two. The caller holds
 * the proposal's lock. Starts when called.
 */
export function writeCurrentBallot(tx: Executor, b: BallotWrite): Promise<unknown> {
  return writeBallotStatement(tx, {
    ...b,
    castAt: b.castAt.toISOString(),
    preferences: b.preferences ? JSON.stringify(b.preferences) : null,
    receipt: b.receipt ?? null,
  });
}

const writeBallotStatement = reusableStatement('quorate_write_ballot', () => {
  const value = (name: keyof BallotWrite) => sql.placeholder(name);
  return sql`with superseded as (
      update votes set is_current = false
      where proposal_id = ${value('proposalId')} and stage_index = ${value('stageIndex')} and seat_id = ${value('seatId')} and is_current
      returning 1
    )
    insert into votes (id, proposal_id, stage_index, seat_id, voter_user_id, choice, rationale, nonce, cast_at, is_current, preferences, receipt)
    select ${value('id')}::uuid, ${value('proposalId')}::uuid, ${value('stageIndex')}::integer, ${value('seatId')}::uuid, ${value('voterUserId')}::text, ${value('choice')}::vote_choice, ${value('rationale')}::text, ${value('nonce')}::text, ${value('castAt')}::timestamptz, true, ${value('preferences')}::jsonb, ${value('receipt')}::text
    from (select count(*) from superseded) as done`;
});

/** A member's ballot in a member-wide vote (no seat): their previous current ballot for the stage stops counting. */
export function writeCurrentMemberBallot(tx: Executor, b: Omit<BallotWrite, 'seatId'>): Promise<unknown> {
  return writeMemberBallotStatement(tx, {
    ...b,
    castAt: b.castAt.toISOString(),
    preferences: b.preferences ? JSON.stringify(b.preferences) : null,
    receipt: b.receipt ?? null,
  });
}

const writeMemberBallotStatement = reusableStatement('quorate_write_member_ballot', () => {
  const value = (name: Exclude<keyof BallotWrite, 'seatId'>) => sql.placeholder(name);
  return sql`with superseded as (
      update votes set is_current = false
      where proposal_id = ${value('proposalId')} and stage_index = ${value('stageIndex')} and seat_id is null and voter_user_id = ${value('voterUserId')} and is_current
      returning 1
    )
    insert into votes (id, proposal_id, stage_index, seat_id, voter_user_id, choice, rationale, nonce, cast_at, is_current, preferences, receipt)
    select ${value('id')}::uuid, ${value('proposalId')}::uuid, ${value('stageIndex')}::integer, null, ${value('voterUserId')}::text, ${value('choice')}::vote_choice, ${value('rationale')}::text, ${value('nonce')}::text, ${value('castAt')}::timestamptz, true, ${value('preferences')}::jsonb, ${value('receipt')}::text
    from (select count(*) from superseded) as done`;
});

export type RollCallEntry = {
  stageIndex: number;
  /** Null: a member's ballot in a member-wide vote. */
  seatId: string | null;
  voterUserId: string;
  voterName: string | null;
  /** 'secret': a ballot of a choice among options; how it voted is never shown with the voter. */
  choice: 'yes' | 'no' | 'abstain' | 'secret';
  rationale: string | null;
  castAt: Date;
};

export async function listCurrentVotes(db: Executor, proposalId: string, opts: { memberBallotsOf?: string | null } = {}): Promise<RollCallEntry[]> {
  return db
    .select({
      stageIndex: votes.stageIndex,
      seatId: votes.seatId,
      voterUserId: votes.voterUserId,
      voterName: users.name,
      choice: votes.choice,
      rationale: votes.rationale,
      castAt: votes.castAt,
    })
    .from(votes)
    .innerJoin(users, eq(users.id, votes.voterUserId))
    .where(
      and(
        eq(votes.proposalId, proposalId),
        eq(votes.isCurrent, true),
        // `memberBallotsOf`: of member ballots (no seat), only that member's (none for null): the page counts the rest in SQL.
        ...(opts.memberBallotsOf === undefined
          ? []
          : [opts.memberBallotsOf === null ? isNotNull(votes.seatId) : or(isNotNull(votes.seatId), eq(votes.voterUserId, opts.memberBallotsOf))]),
      ),
    )
    .orderBy(asc(votes.stageIndex), asc(votes.castAt));
}

export async function listRecusals(db: Executor, proposalId: string) {
  return db
    .select({ seatId: recusals.seatId, userId: recusals.userId, userName: users.name, reason: recusals.reason, createdAt: recusals.createdAt })
    .from(recusals)
    .innerJoin(users, eq(users.id, recusals.userId))
    .where(eq(recusals.proposalId, proposalId));
}

/** A seat's recusal from a proposal; false when the seat had already recused itself. */
export async function insertRecusal(tx: Executor, r: { proposalId: string; seatId: string; userId: string; reason: string; at: Date }): Promise<boolean> {
  const inserted = await tx
    .insert(recusals)
    .values({ proposalId: r.proposalId, seatId: r.seatId, userId: r.userId, reason: r.reason, createdAt: r.at })
    .onConflictDoNothing()
    .returning({ seatId: recusals.seatId });
  return inserted.length > 0;
}

/** Any ballot the seat has cast on the proposal stops counting. */
export async function uncountSeatBallots(tx: Executor, proposalId: string, seatId: string): Promise<void> {
  await tx
    .update(votes)
    .set({ isCurrent: false })
    .where(and(eq(votes.proposalId, proposalId), eq(votes.seatId, seatId), eq(votes.isCurrent, true)));
}

/**
 * The roll call of a closed stage: each current ballot's choice, the nonce that opens its
 * commitment (null for ballots cast before commitments had one) and its rationale, by seat.
 */
export async function stageRollCall(tx: Executor, proposalId: string, stageIndex: number) {
  const rows = await tx
    .select({
      voteId: votes.id,
      seatId: votes.seatId,
      voterUserId: votes.voterUserId,
      choice: votes.choice,
      nonce: votes.nonce,
      rationale: votes.rationale,
    })
    .from(votes)
    .where(and(eq(votes.proposalId, proposalId), eq(votes.stageIndex, stageIndex), eq(votes.isCurrent, true)));
  return rows.sort((a, b) => (a.seatId ?? '').localeCompare(b.seatId ?? '') || a.voterUserId.localeCompare(b.voterUserId));
}
