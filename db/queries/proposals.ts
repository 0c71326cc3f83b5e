import 'server-only';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { objections, proposalStages, proposals, recusals, seats, votes } from '@/db/schema';
import type { ProposalRow, ProposalStageRow } from '@/db/schema';
import type { Charter, GateComment, ObjectionState, ProposalRecord, SeatState, StageRecord } from '@/lib/governance/types';
import { stageBallotsOf } from './ballot-rows';
import type { BallotRow } from './ballot-rows';
import { reusableStatement, rowDecoder, rowsOf } from './prepared';
import { highestWhere, valueWhere } from './scalars';

export type LoadedProposal = {
  row: ProposalRow;
  stages: ProposalStageRow[];
  record: ProposalRecord;
};

/** A declared recusal: the seat, and the body it belongs to (a recusal counts only in the stages of that body). */
type RecusalRow = { seatId: string; bodyKey: string };

/** An objection to a proposal decided by consent, as the rules read it. */
type ObjectionRow = ObjectionState & { stageIndex: number };

/** The proposal's columns the rules read (ProposalRecord's, and the author for the consultation gate). */
const recordColumns = {
  authorId: proposals.authorId,
  status: proposals.status,
  typeKey: proposals.typeKey,
  publishedAt: proposals.publishedAt,
  discussionClosesAt: proposals.discussionClosesAt,
  withdrawnAt: proposals.withdrawnAt,
  subjectUserId: proposals.subjectUserId,
  replyPostedAt: proposals.replyPostedAt,
  emergencyApprovedAt: proposals.emergencyApprovedAt,
  ratifiedAt: proposals.ratifiedAt,
  decidedUnopposedAt: proposals.decidedUnopposedAt,
};
type RecordRow = Pick<ProposalRow, keyof typeof recordColumns>;

/** A stage's columns the rules read. */
const stageRecordColumns = {
  stageIndex: proposalStages.stageIndex,
  bodyKey: proposalStages.bodyKey,
  opensAt: proposalStages.opensAt,
  closesAt: proposalStages.closesAt,
  charterSeats: proposalStages.charterSeats,
  holdersInOffice: proposalStages.holdersInOffice,
  rollSize: proposalStages.rollSize,
  rollWeight: proposalStages.rollWeight,
  tally: proposalStages.tally,
};
type StageRecordRow = Pick<ProposalStageRow, keyof typeof stageRecordColumns>;

function toLoaded(
  row: ProposalRow,
  stages: ProposalStageRow[],
  ballots: BallotRow[],
  recusals: RecusalRow[],
  objectionRows: ObjectionRow[] = [],
  gateComments: GateComment[] = [],
): LoadedProposal {
  return { row, stages, record: recordOf(row, stages, ballots, recusals, objectionRows, gateComments) };
}

function recordOf(
  row: RecordRow & { effect?: ProposalRow['effect'] },
  stages: readonly StageRecordRow[],
  ballots: BallotRow[],
  recusals: RecusalRow[],
  objectionRows: ObjectionRow[] = [],
  gateComments: GateComment[] = [],
): ProposalRecord {
  return {
    // The consultation gate's facts: the author, and the concerns, objections and the author's replies (consultation-gate.ts).
    consultation: { authorId: row.authorId, comments: gateComments },
    status: row.status,
    typeKey: row.typeKey,
    publishedAt: row.publishedAt,
    discussionClosesAt: row.discussionClosesAt,
    withdrawnAt: row.withdrawnAt,
    subjectUserId: row.subjectUserId,
    replyPostedAt: row.replyPostedAt,
    emergencyApprovedAt: row.emergencyApprovedAt,
    // Whether the author asked for the emergency procedure: only the wording of a comment window needs it, and only a
    // full row (not the slim read that counts phases) carries the effect it is stored in.
    ...(row.effect !== undefined ? { emergencyRequested: (row.effect as { emergency?: unknown }).emergency === true } : {}),
    ratifiedAt: row.ratifiedAt,
    decidedUnopposedAt: row.decidedUnopposedAt,
    stages: stages.map((s): StageRecord => ({
      bodyKey: s.bodyKey,
      opensAt: s.opensAt,
      closesAt: s.closesAt,
      charterSeats: s.charterSeats,
      holdersInOffice: s.holdersInOffice,
      ...stageBallotsOf(ballots, s.stageIndex),
      recusedSeatIds: recusals.filter((r) => r.bodyKey === s.bodyKey).map((r) => r.seatId),
      // A member-wide stage: its roll's facts (entries only when loaded to count: rolls.ts withRollEntries).
      ...(s.rollSize !== null ? { roll: { size: s.rollSize, weight: s.rollWeight ?? 0, recordedTally: s.tally } } : {}),
      // Only a stage decided by consent has objections; other records stay as they were.
      ...objectionsOf(objectionRows, s.stageIndex),
    })),
  };
}

function objectionsOf(rows: readonly ObjectionRow[], stageIndex: number): { objections?: ObjectionState[] } {
  const list = rows
    .filter((o) => o.stageIndex === stageIndex)
    .map((o): ObjectionState => ({ seatId: o.seatId, raisedAt: o.raisedAt, withdrawnAt: o.withdrawnAt }));
  return list.length === 0 ? {} : { objections: list };
}

const ballotColumns = {
  proposalId: votes.proposalId,
  stageIndex: votes.stageIndex,
  seatId: votes.seatId,
  voterUserId: votes.voterUserId,
  choice: votes.choice,
  preferences: votes.preferences,
  receipt: votes.receipt,
  castAt: votes.castAt,
};

/** A jsonb value as the driver hands it over: parsed by postgres.js and PGlite, a string otherwise. */
function fromJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

const proposalFromRow = rowDecoder(proposals);
const stageFromJson = rowDecoder(proposalStages);

type BallotTuple = [
  stageIndex: number,
  seatId: string | null,
  voterUserId: string,
  choice: BallotRow['choice'],
  castAt: string,
  preferences: number[] | null,
  receipt: string | null,
];
type GateCommentTuple = [
  id: string,
  parentId: string | null,
  authorId: string,
  stance: GateComment['stance'],
  createdAt: string | Date,
  deletedAt: string | Date | null,
];

/** The comments the consultation gate reads, in SQL over `c` (comments) and `p` (its proposal): concerns and objections, and the author's replies. */
const gateCommentFilter = sql`(c.stance in ('concern', 'object') or (c.parent_id is not null and c.author_id = p.author_id))`;

function gateCommentFromTuple([id, parentId, authorId, stance, createdAt, deletedAt]: GateCommentTuple): GateComment {
  return { id, parentId, authorId, stance, createdAt: new Date(createdAt), deletedAt: deletedAt === null ? null : new Date(deletedAt) };
}

type ObjectionTuple = [stageIndex: number, seatId: string, raisedAt: string, withdrawnAt: string | null];
type SeatTuple = [seatId: string, bodyKey: string, seatClass: string, holderUserId: string | null, vacatedAt: string | null];

/**
 * The proposal row plus, as jsonb columns of the same row, everything the rules need: its stages,
 * current ballots and recusals, the charter version it runs under and (optionally) the seats one
 * person holds. One statement instead of six; built once per variant (see reusableStatement).
 */
type DetailsVariant = { withCharter: boolean; withSeats: boolean; closedOnly: boolean; skipMemberBallots: boolean; memberBallotsOfViewer?: boolean };
const detailsStatements = new Map<string, ReturnType<typeof reusableStatement>>();

function detailsStatement(v: DetailsVariant) {
  const name = `quorate_load_proposal${v.withCharter ? '_charter' : ''}${v.withSeats ? '_seats' : ''}${v.closedOnly ? '_closed' : ''}${v.skipMemberBallots ? '_members' : ''}${v.memberBallotsOfViewer ? '_viewer' : ''}`;
  let statement = detailsStatements.get(name);
  if (!statement) {
    statement = reusableStatement(name, () => {
      const value = (key: string) => sql.placeholder(key);
      // A stage's ballots are left out when its stored close is after `closedBy` (filtered stage
      // by stage, so an open stage costs no ballot rows at all).
      const closedBy = v.closedOnly ? sql`(s.closes_at is null or s.closes_at <= ${value('closedBy')}::timestamptz)` : sql`true`;
      // The worker reads a member-wide stage's ballots only at its close (rolls.ts withMemberBallots); once recorded, its stored tally is read back.
      const skipped = v.skipMemberBallots ? sql`${closedBy} and s.roll_size is null` : closedBy;
      // Of member ballots (no seat), only the viewer's own: the page reads a member-wide stage's counts in SQL (member-stage-reads.ts).
      const ballotStages = v.memberBallotsOfViewer ? sql`${skipped} and (v.seat_id is not null or v.voter_user_id = ${value('viewer')}::text)` : skipped;
      return sql`select p.*,
        coalesce((select jsonb_agg(to_jsonb(s) order by s.stage_index) from proposal_stages s where s.proposal_id = p.id), '[]'::jsonb) as q_stages,
        coalesce((select jsonb_agg(jsonb_build_array(v.stage_index, v.seat_id, v.voter_user_id, v.choice, v.cast_at, v.preferences, v.receipt) order by v.stage_index, v.cast_at, v.id)
                  from proposal_stages s join votes v on v.proposal_id = s.proposal_id and v.stage_index = s.stage_index and v.is_current
                  where s.proposal_id = p.id and ${ballotStages}), '[]'::jsonb) as q_ballots,
        coalesce((select jsonb_agg(jsonb_build_array(r.seat_id, t.body_key)) from recusals r join seats t on t.id = r.seat_id where r.proposal_id = p.id), '[]'::jsonb) as q_recused,
        coalesce((select jsonb_agg(jsonb_build_array(o.stage_index, o.seat_id, o.raised_at, o.withdrawn_at) order by o.stage_index, o.raised_at, o.id)
                  from objections o where o.proposal_id = p.id), '[]'::jsonb) as q_objections,
        coalesce((select jsonb_agg(jsonb_build_array(c.id, c.parent_id, c.author_id, c.stance, c.created_at, c.deleted_at) order by c.created_at, c.id)
                  from comments c where c.proposal_id = p.id and ${gateCommentFilter}), '[]'::jsonb) as q_gate,
        ${v.withCharter ? sql`(select c.document from charters c where c.org_id = p.org_id and c.version = p.charter_version)` : sql`null::jsonb`} as q_charter,
        ${
          v.withSeats
            ? sql`coalesce((select jsonb_agg(jsonb_build_array(t.id, t.body_key, t.seat_class, t.holder_user_id, t.vacated_at) order by t.body_key, t.position)
                  from seats t where t.org_id = p.org_id and t.holder_user_id = ${value('seatsHeldBy')}::text and t.retired_at is null), '[]'::jsonb)`
            : sql`null::jsonb`
        } as q_seats
        from proposals p where p.org_id = ${value('orgId')}::uuid and p.id = ${value('proposalId')}::uuid`;
    });
    detailsStatements.set(name, statement);
  }
  return statement;
}

const toCastAt = (value: string) => votes.castAt.mapFromDriverValue(value) as Date;
const toVacatedAt = (value: string) => seats.vacatedAt.mapFromDriverValue(value) as Date;
const toObjectionAt = (value: string) => objections.raisedAt.mapFromDriverValue(value) as Date;

/** Reads the proposal and its details (the statement above); null when it is not this organization's. */
async function readProposalDetails(
  db: Executor,
  orgId: string,
  proposalId: string,
  opts: {
    withCharter: boolean;
    seatsHeldBy: string | null;
    ballotsClosedBy: Date | null;
    skipMemberBallots?: boolean;
    memberBallotsOf?: { viewer: string | null };
  },
): Promise<ProposalForChange | null> {
  const statement = detailsStatement({
    withCharter: opts.withCharter,
    withSeats: opts.seatsHeldBy !== null,
    closedOnly: opts.ballotsClosedBy !== null,
    skipMemberBallots: opts.skipMemberBallots ?? false,
    memberBallotsOfViewer: opts.memberBallotsOf !== undefined,
  });
  const [raw] = rowsOf(
    await statement(db, {
      orgId,
      proposalId,
      seatsHeldBy: opts.seatsHeldBy,
      closedBy: opts.ballotsClosedBy?.toISOString() ?? null,
      ...(opts.memberBallotsOf ? { viewer: opts.memberBallotsOf.viewer } : {}),
    }),
  );
  if (!raw) return null;
  const ballotRows: BallotRow[] = fromJson<BallotTuple[]>(raw.q_ballots).map(([stageIndex, seatId, voterUserId, choice, castAt, preferences, receipt]) => ({
    stageIndex,
    seatId,
    voterUserId,
    choice,
    preferences,
    receipt,
    castAt: toCastAt(castAt),
  }));
  const loaded = toLoaded(
    proposalFromRow(raw),
    fromJson<Record<string, unknown>[]>(raw.q_stages).map(stageFromJson),
    ballotRows,
    fromJson<[string, string][]>(raw.q_recused).map(([seatId, bodyKey]) => ({ seatId, bodyKey })),
    fromJson<ObjectionTuple[]>(raw.q_objections).map(([stageIndex, seatId, raisedAt, withdrawnAt]) => ({
      stageIndex,
      seatId,
      raisedAt: toObjectionAt(raisedAt),
      withdrawnAt: withdrawnAt === null ? null : toObjectionAt(withdrawnAt),
    })),
    fromJson<GateCommentTuple[]>(raw.q_gate).map(gateCommentFromTuple),
  );
  const seatStates =
    raw.q_seats === null
      ? null
      : fromJson<SeatTuple[]>(raw.q_seats).map(([seatId, bodyKey, seatClass, holderUserId, vacatedAt]): SeatState => ({
          seatId,
          bodyKey,
          seatClass,
          holderUserId,
          vacatedAt: vacatedAt === null ? null : toVacatedAt(vacatedAt),
        }));
  return { ...loaded, charter: raw.q_charter === null ? null : fromJson<Charter>(raw.q_charter), seats: seatStates };
}

const lockProposalStatement = reusableStatement(
  'quorate_lock_proposal',
  () => sql`select id from proposals where org_id = ${sql.placeholder('orgId')}::uuid and id = ${sql.placeholder('proposalId')}::uuid for update`,
);

export type ProposalForChange = LoadedProposal & {
  /** With `ballotsClosedBy`, `record` lacks the ballots of stages whose stored close is after it. */
  /** The charter version the proposal runs under (null only if that version row is missing). */
  charter: Charter | null;
  /** The seats `seatsHeldBy` holds in the organization, by body and position; null when not asked. */
  seats: SeatState[] | null;
};

export type LoadForChangeOptions = {
  /** Also load the seats this user holds in the organization. */
  seatsHeldBy?: string;
  /**
   * Leave out the ballots of every stage whose stored close is after this instant. The rules
   * read a stage's ballots only once the instant is past the stage's close (proposalPhase
   * tallies a stage only then, and the effective close is never before the stored one), so
   * the phase and every rule decided at this instant come out the same — and a vote costs the
   * same with 6 ballots cast or 600. Not for anything that shows or counts the ballots.
   */
  ballotsClosedBy?: Date;
  /**
   * Leave out the ballots of member-wide stages (up to the whole roll's): the rules read an open
   * or recorded one's phase without them (phase.ts memberTally), and the worker reads a closing
   * one's once, with its roll call (rolls.ts withMemberBallots). For the worker, which reloads the
   * proposal after each step; not for anything that shows or counts the ballots.
   */
  withoutMemberBallots?: boolean;
};

/**
 * A proposal locked for a change (FOR UPDATE), with its stages, current ballots, recusals, charter
 * version and optionally one person's seats — what every engine transition reads first.
 *
 * Two statements, sent together (postgres.js pipelines them: one round trip): the lock, then the
 * read. The read must be its own statement: under READ COMMITTED a statement reads from the
 * snapshot taken when it started, so a read folded into the locking statement would, after
 * waiting for the lock, still see the ballots and recusals from before the writer it waited for
 * committed. Taken after the lock, the read sees everything committed up to it
 * (test/integration/vote-path.test.ts fails if the two are folded into one).
 */
export async function loadProposalForChange(
  tx: Executor,
  orgId: string,
  proposalId: string,
  opts: LoadForChangeOptions = {},
): Promise<ProposalForChange | null> {
  // Both are sent now, in this order (prepared, so the second need not wait for the first).
  const locking = lockProposalStatement(tx, { orgId, proposalId });
  const reading = readProposalDetails(tx, orgId, proposalId, {
    withCharter: true,
    seatsHeldBy: opts.seatsHeldBy ?? null,
    ballotsClosedBy: opts.ballotsClosedBy ?? null,
    skipMemberBallots: opts.withoutMemberBallots ?? false,
  });
  const [locked, read] = await Promise.allSettled([locking, reading]);
  if (locked.status === 'rejected') throw locked.reason;
  if (read.status === 'rejected') throw read.reason;
  if (rowsOf(locked.value).length === 0) return null;
  return read.value;
}

/** Builds the pure-rule view of a proposal from its rows (current ballots and recusals per stage). */
export async function loadProposal(db: Executor, orgId: string, proposalId: string): Promise<LoadedProposal | null> {
  const loaded = await readProposalDetails(db, orgId, proposalId, { withCharter: false, seatsHeldBy: null, ballotsClosedBy: null });
  return loaded && { row: loaded.row, stages: loaded.stages, record: loaded.record };
}

/**
 * loadProposal for the proposal page: the record holds every seat's ballot but, of member ballots
 * (member-wide stages: up to the whole membership), only the viewer's own. The rules never read a
 * member-wide stage's ballots without its roll (phase.ts memberTally reads the stored tally), so
 * the phase and status come out the same; the page counts the rest in SQL.
 */
export async function loadProposalForPage(db: Executor, orgId: string, proposalId: string, viewerId: string | null): Promise<LoadedProposal | null> {
  const loaded = await readProposalDetails(db, orgId, proposalId, {
    withCharter: false,
    seatsHeldBy: null,
    ballotsClosedBy: null,
    memberBallotsOf: { viewer: viewerId },
  });
  return loaded && { row: loaded.row, stages: loaded.stages, record: loaded.record };
}

/**
 * loadProposal for many proposals of one organization in six queries, whatever their number
 * (the organization page lists them all; one by one it was 4 round trips per proposal).
 * Same result as calling loadProposal for each id; missing ids are absent from the map.
 */
export async function loadProposals(db: Executor, orgId: string, proposalIds: readonly string[]): Promise<Map<string, LoadedProposal>> {
  const out = new Map<string, LoadedProposal>();
  if (proposalIds.length === 0) return out;
  // One array-literal parameter, not one parameter per id: stays under PostgreSQL's 65,535
  // parameter limit at any size (ids are uuids from our own rows, so the literal needs no quoting).
  const idArray = `{${[...new Set(proposalIds)].join(',')}}`;
  const inIds = (column: AnyPgColumn | SQL) => sql`${column} = any(${idArray}::uuid[])`;
  const [rows, stages, { ballotsBy, recusedBy, objectedBy, gatedBy }] = await Promise.all([
    db
      .select()
      .from(proposals)
      .where(and(eq(proposals.orgId, orgId), inIds(proposals.id))),
    db.select().from(proposalStages).where(inIds(proposalStages.proposalId)).orderBy(asc(proposalStages.proposalId), asc(proposalStages.stageIndex)),
    loadDetailsIn(db, inIds),
  ]);
  const stagesBy = groupBy(stages);
  for (const row of rows)
    out.set(
      row.id,
      toLoaded(
        row,
        stagesBy.get(row.id) ?? [],
        ballotsBy.get(row.id) ?? [],
        recusedBy.get(row.id) ?? [],
        objectedBy.get(row.id) ?? [],
        gatedBy.get(row.id) ?? [],
      ),
    );
  return out;
}

/**
 * What proposalPhase reads of the organization's proposals matching `where` (a condition on `proposals`),
 * at the instant `at` and no other, for counting them by phase — not for a status line, a tally shown or
 * anything but the phase. loadProposals's record, less what the phase cannot read at `at`:
 * - the ballots of a stage whose stored close is after `at` (the phase tallies a stage only once `at` is
 *   past its effective close, never before its stored one: loadProposalForChange's `ballotsClosedBy`),
 *   and of a member-wide stage at all (without its roll the phase reads the recorded tally: memberTally);
 * - the consultation's comments of a proposal whose first stage has opened (the gate is read only
 *   before: phase.ts `!record.stages[0]?.opensAt`);
 * and of the proposal and its stages only the columns the record holds, in one query (a row per stage).
 * So a proposal in its comment window or in voting costs a row, however many ballots it has. With each
 * record, its proposal's charter version and when its outcome was recorded (a query with `at` before
 * that instant does not count it as settled: proposal-reads.ts settledBy).
 * test/integration/overview-front.test.ts checks the phases against loadProposals's records.
 */
export async function loadProposalPhaseRecords(
  db: Executor,
  orgId: string,
  where: SQL,
  at: Date,
): Promise<Map<string, { charterVersion: number; outcomeRecordedAt: Date | null; record: ProposalRecord }>> {
  const matching = and(eq(proposals.orgId, orgId), where);
  const selected = db.select({ id: proposals.id }).from(proposals).where(matching);
  const inSelected = (column: AnyPgColumn | SQL) => sql`${column} in ${selected}`;
  const [rows, { ballotsBy, recusedBy, objectedBy, gatedBy }] = await Promise.all([
    db
      .select({
        id: proposals.id,
        charterVersion: proposals.charterVersion,
        outcomeRecordedAt: proposals.outcomeRecordedAt,
        ...recordColumns,
        stage: stageRecordColumns,
      })
      .from(proposals)
      .leftJoin(proposalStages, eq(proposalStages.proposalId, proposals.id))
      .where(matching),
    loadDetailsIn(db, inSelected, at),
  ]);
  const out = new Map<string, { charterVersion: number; outcomeRecordedAt: Date | null; row: RecordRow; stages: StageRecordRow[] }>();
  for (const { id, charterVersion, outcomeRecordedAt, stage, ...row } of rows) {
    let p = out.get(id);
    if (!p) out.set(id, (p = { charterVersion, outcomeRecordedAt, row, stages: [] }));
    // A stage's columns are all null when the proposal has no stage row (left join); its index never is otherwise.
    if (stage && stage.stageIndex !== null) p.stages.push(stage as StageRecordRow);
  }
  for (const p of out.values()) p.stages.sort((a, b) => a.stageIndex - b.stageIndex);
  return new Map(
    [...out].map(([id, p]) => [
      id,
      {
        charterVersion: p.charterVersion,
        outcomeRecordedAt: p.outcomeRecordedAt,
        record: recordOf(p.row, p.stages, ballotsBy.get(id) ?? [], recusedBy.get(id) ?? [], objectedBy.get(id) ?? [], gatedBy.get(id) ?? []),
      },
    ]),
  );
}

function groupBy<T extends { proposalId: string }>(list: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of list) {
    const g = m.get(x.proposalId);
    if (g) g.push(x);
    else m.set(x.proposalId, [x]);
  }
  return m;
}

/** The current ballots, recusals, objections and consultation comments of the proposals `inIds` selects, by proposal; with `phaseAt`, only what the phase reads then (loadProposalPhaseRecords). */
async function loadDetailsIn(db: Executor, inIds: (column: AnyPgColumn | SQL) => SQL, phaseAt?: Date) {
  const ballotsRead = phaseAt
    ? sql`exists (select 1 from proposal_stages s where s.proposal_id = ${votes.proposalId} and s.stage_index = ${votes.stageIndex}
                  and (s.closes_at is null or s.closes_at <= ${phaseAt.toISOString()}::timestamptz) and s.roll_size is null)`
    : undefined;
  const gateRead = phaseAt
    ? sql`and not exists (select 1 from proposal_stages s0 where s0.proposal_id = c.proposal_id and s0.stage_index = 0 and s0.opens_at is not null)`
    : sql``;
  const [ballots, recused, objected, gated] = await Promise.all([
    db
      .select(ballotColumns)
      .from(votes)
      .where(and(inIds(votes.proposalId), eq(votes.isCurrent, true), ballotsRead)),
    db
      .select({ proposalId: recusals.proposalId, seatId: recusals.seatId, bodyKey: seats.bodyKey })
      .from(recusals)
      .innerJoin(seats, eq(seats.id, recusals.seatId))
      .where(inIds(recusals.proposalId)),
    db
      .select({
        proposalId: objections.proposalId,
        stageIndex: objections.stageIndex,
        seatId: objections.seatId,
        raisedAt: objections.raisedAt,
        withdrawnAt: objections.withdrawnAt,
      })
      .from(objections)
      .where(inIds(objections.proposalId))
      .orderBy(asc(objections.raisedAt), asc(objections.id)),
    db.execute(sql`select c.proposal_id, c.id, c.parent_id, c.author_id, c.stance, c.created_at, c.deleted_at
                   from comments c join proposals p on p.id = c.proposal_id
                   where ${inIds(sql`c.proposal_id`)} and ${gateCommentFilter} ${gateRead} order by c.created_at, c.id`),
  ]);
  const gatedBy = new Map<string, GateComment[]>();
  for (const r of rowsOf(gated)) {
    const id = String(r.proposal_id);
    const comment = gateCommentFromTuple([
      String(r.id),
      r.parent_id === null ? null : String(r.parent_id),
      String(r.author_id),
      r.stance as GateComment['stance'],
      r.created_at as string | Date,
      r.deleted_at as string | Date | null,
    ]);
    const list = gatedBy.get(id);
    if (list) list.push(comment);
    else gatedBy.set(id, [comment]);
  }
  return { ballotsBy: groupBy(ballots), recusedBy: groupBy(recused), objectedBy: groupBy(objected), gatedBy };
}

export async function findProposalIdByNumber(db: Executor, orgId: string, number: number): Promise<string | null> {
  return valueWhere(db, proposals.id, and(eq(proposals.orgId, orgId), eq(proposals.number, number)));
}

export async function nextProposalNumber(tx: Executor, orgId: string): Promise<number> {
  return (await highestWhere(tx, proposals.number, eq(proposals.orgId, orgId))) + 1;
}

export async function listOpenProposalIds(db: Executor): Promise<{ id: string; orgId: string }[]> {
  return db
    .select({ id: proposals.id, orgId: proposals.orgId })
    .from(proposals)
    .where(
      and(
        eq(proposals.status, 'published'),
        or(isNull(proposals.outcome), sql`${proposals.emergencyApprovedAt} is not null and ${proposals.outcome} = 'passed'`),
      ),
    );
}
