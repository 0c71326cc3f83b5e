import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { proposalStages, rollEntries, votes } from '@/db/schema';
import { resolveRepresentation } from '@/lib/governance/delegation';
import { delegationDepth } from '@/lib/governance/member-vote';
import { rowsOf } from './prepared';
import { stageBallotsOf } from './ballot-rows';
import type { BallotRow } from './ballot-rows';
import type { ProposalStageRow } from '@/db/schema';
import type { Electorate, ProposalRecord, ProposalTypeSpec, RollEntry } from '@/lib/governance/types';

export type RollSnapshot = { size: number; weight: number; hash: string };

/**
 * Snapshots the roll of a member-wide stage as voting opens, in two statements: every member of
 * the electorate now (accepted, not an observer, in the group if the electorate is one) with
 * their weight and — where the proposal type allows delegation — the delegate that applies (the
 * proposal's, else the type's, else the general one); then its size, total weight and the
 * SHA-256 of its canonical text (electorate.ts rollText: sorted by user id in byte order), which
 * are stored on the stage and logged. Linear in the roll (the delegations are joined, not looked
 * up member by member); no row travels to the application.
 */
export async function snapshotRoll(
  tx: Executor,
  s: { orgId: string; proposalId: string; stageIndex: number; typeKey: string; electorate: Electorate; delegation: boolean },
): Promise<RollSnapshot> {
  const group = s.electorate.kind === 'stakeholder_group' ? (s.electorate.group ?? '').trim().toLowerCase() : null;
  const weight = s.electorate.weighted ? sql`m.weight` : sql`1`;
  // The delegate that applies to each delegator, found in one pass over the organization's
  // active delegations (a hash join), not one lookup per member: the proposal's, else the type's,
  // else the general one (the unique indexes allow at most one active delegation of each scope).
  const applicable = s.delegation
    ? sql`(select distinct on (d.delegator_user_id) d.delegator_user_id, d.delegate_user_id
           from delegations d
           where d.org_id = ${s.orgId}::uuid and d.revoked_at is null
             and (d.proposal_id = ${s.proposalId}::uuid or (d.proposal_id is null and (d.type_key = ${s.typeKey} or d.type_key is null)))
           order by d.delegator_user_id, (d.proposal_id is null), (d.type_key is null))`
    : sql`(select null::text as delegator_user_id, null::text as delegate_user_id where false)`;
  await tx.execute(sql`insert into roll_entries (proposal_id, stage_index, user_id, weight, delegate_user_id, stakeholder_group)
    select ${s.proposalId}::uuid, ${s.stageIndex}::integer, m.user_id, ${weight}, a.delegate_user_id, m.stakeholder_group
    from memberships m
    left join ${applicable} a on a.delegator_user_id = m.user_id
    where m.org_id = ${s.orgId}::uuid and m.accepted_at is not null and m.role <> 'observer'
      and (${group}::text is null or lower(trim(m.stakeholder_group)) = ${group}::text)`);
  const [row] = rowsOf(
    await tx.execute(sql`select count(*)::integer as size, coalesce(sum(weight), 0)::bigint as weight,
      encode(sha256(convert_to(coalesce(string_agg(user_id || ' ' || weight || ' ' || coalesce(delegate_user_id, '-') || chr(10), '' order by user_id collate "C"), ''), 'UTF8')), 'hex') as hash
    from roll_entries where proposal_id = ${s.proposalId}::uuid and stage_index = ${s.stageIndex}::integer`),
  );
  const snapshot = { size: Number(row!.size), weight: Number(row!.weight), hash: String(row!.hash) };
  await tx
    .update(proposalStages)
    .set({ rollSize: snapshot.size, rollWeight: snapshot.weight, rollHash: snapshot.hash })
    .where(and(eq(proposalStages.proposalId, s.proposalId), eq(proposalStages.stageIndex, s.stageIndex)));
  return snapshot;
}

/** The roll of a member-wide stage, sorted by user id. */
export async function listRoll(db: Executor, proposalId: string, stageIndex: number): Promise<RollEntry[]> {
  return db
    .select({ userId: rollEntries.userId, weight: rollEntries.weight, delegateUserId: rollEntries.delegateUserId })
    .from(rollEntries)
    .where(and(eq(rollEntries.proposalId, proposalId), eq(rollEntries.stageIndex, stageIndex)))
    .orderBy(asc(sql`${rollEntries.userId} collate "C"`));
}

/** One member's roll entry, or null when they are not on the stage's roll. */
export async function rollEntryOf(db: Executor, proposalId: string, stageIndex: number, userId: string): Promise<RollEntry | null> {
  const [row] = await db
    .select({ userId: rollEntries.userId, weight: rollEntries.weight, delegateUserId: rollEntries.delegateUserId })
    .from(rollEntries)
    .where(and(eq(rollEntries.proposalId, proposalId), eq(rollEntries.stageIndex, stageIndex), eq(rollEntries.userId, userId)));
  return row ?? null;
}

/**
 * Puts the roll's entries into each member-wide stage of a loaded record that has closed by `at`
 * without its close recorded, so the rules can count it (phase.ts). Other stages are left as
 * they are: an open stage's tally is not needed, a recorded one is read back.
 */
export async function withRollEntries(db: Executor, proposalId: string, record: ProposalRecord, stages: readonly ProposalStageRow[], at: Date): Promise<void> {
  for (const [i, stage] of record.stages.entries()) {
    const row = stages.find((s) => s.stageIndex === i);
    if (!stage.roll || !row?.closesAt || row.closesAt > at || row.closedRecordedAt) continue;
    stage.roll = { ...stage.roll, entries: await listRoll(db, proposalId, i) };
  }
}

/**
 * A closing member-wide stage's current ballots, read once (up to the whole roll's): put into the
 * record for the count, and returned as the roll call its close discloses — voteId, voter,
 * choice, the nonce that opens an open ballot's commitment, rationale — ordered by voter. One
 * json_agg of tuples: at 100,000 ballots, one parse instead of two reads of 100,000 rows.
 */
export async function withMemberBallots(db: Executor, proposalId: string, record: ProposalRecord, stageIndex: number): Promise<Record<string, unknown>[]> {
  const [row] = rowsOf(
    await db.execute(sql`
      select coalesce(json_agg(json_build_array(v.id, v.voter_user_id, v.choice, v.nonce, v.rationale, v.cast_at, v.preferences, v.receipt)
                               order by v.voter_user_id collate "C", v.id), '[]')::text as b
      from votes v
      where v.proposal_id = ${proposalId}::uuid and v.stage_index = ${stageIndex}::integer and v.is_current and v.seat_id is null`),
  );
  type Tuple = [string, string, BallotRow['choice'], string | null, string | null, string, number[] | null, string | null];
  const tuples = JSON.parse(String(row?.b ?? '[]')) as Tuple[];
  const rows: BallotRow[] = tuples.map(([, voterUserId, choice, , , castAt, preferences, receipt]) => ({
    stageIndex,
    seatId: null,
    voterUserId,
    choice,
    preferences,
    receipt,
    castAt: new Date(castAt),
  }));
  Object.assign(record.stages[stageIndex]!, stageBallotsOf(rows, stageIndex));
  return tuples.map(([voteId, voterUserId, choice, nonce, rationale]) => ({ voteId, seatId: null, voterUserId, choice, nonce, rationale }));
}

/**
 * Enqueues one notice of an event to every member on a stage's roll, not mandatory (the voting-open
 * notice), in one statement reading the roll where it lies: the same rows insertOutboxRows
 * (notify.ts) writes for those recipients — a member who turned the kind off is skipped, one on
 * a digest gets it in the digest, a notice already enqueued is not doubled — without a
 * roll-sized list going to the application and back.
 */
export async function insertRollOutboxRows(
  tx: Executor,
  e: { eventId: string; eventKey: string; orgId: string; kind: string; at: Date; proposalId: string; stageIndex: number },
): Promise<number> {
  const at = e.at.toISOString();
  const result = await tx.execute(sql`
    with ins as (
      insert into outbox (org_id, event_id, recipient_user_id, kind, mandatory, idempotency_key, status, next_attempt_at, created_at)
      select ${e.orgId}::uuid, ${e.eventId}::uuid, r.user_id, ${e.kind}, false,
             ${e.eventKey} || ':' || r.user_id || ':' || ${e.kind},
             (case when p.mode = 'digest' then 'digest' else 'pending' end)::outbox_status,
             ${at}::timestamptz, ${at}::timestamptz
      from roll_entries r
      left join notification_prefs p on p.user_id = r.user_id and p.org_id = ${e.orgId}::uuid and p.kind = ${e.kind}
      where r.proposal_id = ${e.proposalId}::uuid and r.stage_index = ${e.stageIndex}::integer and p.mode is distinct from 'off'
      on conflict (idempotency_key) do nothing
      returning 1
    )
    select count(*)::int as n from ins`);
  return Number(rowsOf(result)[0]?.n ?? 0);
}

/**
 * The members on a member-wide stage's roll who would not be counted if it closed now: they have
 * not voted, and no delegate down their chain (within the type's cap) has. Reminders go to them
 * only: a member whose delegate voted is not nagged (and may still vote).
 */
export async function uncountedMembers(db: Executor, proposalId: string, stageIndex: number, type: ProposalTypeSpec): Promise<string[]> {
  const roll = await listRoll(db, proposalId, stageIndex);
  const counted = resolveRepresentation(roll, await currentMemberVoters(db, proposalId, stageIndex), delegationDepth(type));
  return roll.filter((e) => !counted.has(e.userId)).map((e) => e.userId);
}

/** The members who have a current ballot in a member-wide stage (not how they voted). */
export async function currentMemberVoters(db: Executor, proposalId: string, stageIndex: number): Promise<Set<string>> {
  const rows = await db
    .select({ voterUserId: votes.voterUserId })
    .from(votes)
    .where(and(eq(votes.proposalId, proposalId), eq(votes.stageIndex, stageIndex), eq(votes.isCurrent, true), isNull(votes.seatId)));
  return new Set(rows.map((v) => v.voterUserId));
}

/** The roll as listRoll reads it, with each member's stakeholder group as snapshotted (null: none), for participation by group. */
export async function listRollWithGroups(db: Executor, proposalId: string, stageIndex: number): Promise<(RollEntry & { stakeholderGroup: string | null })[]> {
  return db
    .select({
      userId: rollEntries.userId,
      weight: rollEntries.weight,
      delegateUserId: rollEntries.delegateUserId,
      stakeholderGroup: rollEntries.stakeholderGroup,
    })
    .from(rollEntries)
    .where(and(eq(rollEntries.proposalId, proposalId), eq(rollEntries.stageIndex, stageIndex)))
    .orderBy(asc(sql`${rollEntries.userId} collate "C"`));
}
