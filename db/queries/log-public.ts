import 'server-only';
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { decisionLog, memberships, proposalStages, proposals, users } from '@/db/schema';

// Read side of the public transparency pages (DESIGN §5). Everything here is public by
// construction: the log holds no e-mail addresses and no drafts, and the proposal and people
// lookups below leave drafts and addresses out.
//
// Pagination is keyset on (org_id, seq) — never OFFSET — so every page costs an index probe
// plus `limit` rows, whatever the log's size. The filters rely on these indexes:
//   (org_id, seq)                                               primary key: no filter
//   (org_id, kind, seq)                                         kind
//   (org_id, subject, seq)                                      proposal (subject)
//   (org_id, (payload->>'bodyKey'), seq) WHERE payload ? 'bodyKey'   body
//   (org_id, at) and (org_id, kind, at)                         date range, alone or with a kind

export type PublicLogQuery = {
  kind?: string;
  bodyKey?: string;
  /** 'proposal:<id>'. */
  subject?: string;
  /** Inclusive lower and exclusive upper bound on `at`. */
  fromAt?: Date;
  toBefore?: Date;
};

export type PublicLogRow = {
  seq: number;
  at: Date;
  actorId: string | null;
  kind: string;
  subject: string | null;
  payload: Record<string, unknown>;
  /** The canonical JSON that was hashed. */
  entry: string;
  prevHash: string;
  hash: string;
};

export type PublicLogPage = { rows: PublicLogRow[]; hasNewer: boolean; hasOlder: boolean };

const columns = {
  seq: decisionLog.seq,
  at: decisionLog.at,
  actorId: decisionLog.actorId,
  kind: decisionLog.kind,
  subject: decisionLog.subject,
  payload: decisionLog.payload,
  entry: decisionLog.entry,
  prevHash: decisionLog.prevHash,
  hash: decisionLog.hash,
};

function conditions(orgId: string, q: PublicLogQuery): SQL[] {
  const c: SQL[] = [eq(decisionLog.orgId, orgId)];
  if (q.kind) c.push(eq(decisionLog.kind, q.kind));
  if (q.subject) c.push(eq(decisionLog.subject, q.subject));
  // The same expression and predicate as the partial index on bodyKey, so the planner uses it.
  if (q.bodyKey) c.push(sql`${decisionLog.payload} ? 'bodyKey'`, sql`(${decisionLog.payload} ->> 'bodyKey') = ${q.bodyKey}`);
  if (q.fromAt) c.push(gte(decisionLog.at, q.fromAt));
  if (q.toBefore) c.push(lt(decisionLog.at, q.toBefore));
  return c;
}

async function anyWhere(db: Executor, where: SQL[]): Promise<boolean> {
  const rows = await db.select({ one: sql<number>`1` }).from(decisionLog).where(and(...where)).limit(1);
  return rows.length > 0;
}

/**
 * One page of matching entries, newest first. `before` pages to older entries (seq < before),
 * `after` to newer ones (seq > after); with neither, the newest page.
 */
export async function listPublicLogPage(db: Executor, orgId: string, q: PublicLogQuery, cursor: { before?: number; after?: number }, limit: number): Promise<PublicLogPage> {
  const size = Math.min(Math.max(Math.trunc(limit), 1), 200);
  const base = conditions(orgId, q);
  if (cursor.after !== undefined) {
    const rows = await db
      .select(columns)
      .from(decisionLog)
      .where(and(...base, gt(decisionLog.seq, cursor.after)))
      .orderBy(asc(decisionLog.seq))
      .limit(size + 1);
    const hasNewer = rows.length > size;
    const page = rows.slice(0, size).reverse();
    const oldest = page.at(-1)?.seq ?? cursor.after + 1;
    return { rows: page, hasNewer, hasOlder: await anyWhere(db, [...base, lt(decisionLog.seq, oldest)]) };
  }
  const rows = await db
    .select(columns)
    .from(decisionLog)
    .where(and(...base, ...(cursor.before !== undefined ? [lt(decisionLog.seq, cursor.before)] : [])))
    .orderBy(desc(decisionLog.seq))
    .limit(size + 1);
  const hasOlder = rows.length > size;
  const page = rows.slice(0, size);
  const newest = page[0]?.seq ?? (cursor.before !== undefined ? cursor.before - 1 : undefined);
  const hasNewer = newest !== undefined && cursor.before !== undefined ? await anyWhere(db, [...base, gt(decisionLog.seq, newest)]) : false;
  return { rows: page, hasNewer, hasOlder };
}

/** Matching entries in log order after `afterSeq`, for streaming exports in batches. */
export async function readPublicLogBatch(db: Executor, orgId: string, q: PublicLogQuery, afterSeq: number, limit: number): Promise<PublicLogRow[]> {
  return db
    .select(columns)
    .from(decisionLog)
    .where(and(...conditions(orgId, q), gt(decisionLog.seq, afterSeq)))
    .orderBy(asc(decisionLog.seq))
    .limit(Math.min(Math.max(Math.trunc(limit), 1), 5000));
}

export type PublicProposalRef = { id: string; number: number; title: string };

/** Published and withdrawn proposals — never drafts — newest first, for filters and links. */
export async function listPublicProposalRefs(db: Executor, orgId: string): Promise<PublicProposalRef[]> {
  return db
    .select({ id: proposals.id, number: proposals.number, title: proposals.title })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), ne(proposals.status, 'draft')))
    .orderBy(desc(proposals.number));
}

/**
 * Display names of this organization's members among `userIds` (people the log mentions).
 * Names only: public pages never show e-mail addresses.
 */
export async function listMemberNames(db: Executor, orgId: string, userIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)].slice(0, 1000);
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.userId, ids), isNotNull(users.name)));
  return new Map(rows.map((r) => [r.id, r.name!]));
}

export type StageParticipation = {
  number: number;
  title: string;
  stageIndex: number;
  bodyKey: string;
  cast: number;
  charterSeats: number;
  quorumRequired: number;
  outcome: string;
  decidedAt: Date;
};

/**
 * Ballots cast against charter seats for every closed stage of the last `limit` decided
 * proposals, oldest first (so a chart reads left to right in time).
 */
export async function listRecentParticipation(db: Executor, orgId: string, limit = 10): Promise<StageParticipation[]> {
  const decided = await db
    .select({ id: proposals.id, number: proposals.number, title: proposals.title, outcome: proposals.outcome, decidedAt: proposals.outcomeRecordedAt })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), eq(proposals.status, 'published'), isNotNull(proposals.outcome), isNotNull(proposals.outcomeRecordedAt)))
    .orderBy(desc(proposals.outcomeRecordedAt), desc(proposals.number))
    .limit(Math.min(Math.max(limit, 1), 50));
  if (decided.length === 0) return [];
  const stages = await db
    .select({ proposalId: proposalStages.proposalId, stageIndex: proposalStages.stageIndex, bodyKey: proposalStages.bodyKey, charterSeats: proposalStages.charterSeats, tally: proposalStages.tally })
    .from(proposalStages)
    .where(and(inArray(proposalStages.proposalId, decided.map((d) => d.id)), isNotNull(proposalStages.tally)))
    .orderBy(asc(proposalStages.stageIndex));
  const out: StageParticipation[] = [];
  for (const d of [...decided].reverse()) {
    for (const s of stages.filter((x) => x.proposalId === d.id)) {
      out.push({
        number: d.number,
        title: d.title,
        stageIndex: s.stageIndex,
        bodyKey: s.bodyKey,
        cast: s.tally!.cast,
        charterSeats: s.charterSeats,
        quorumRequired: s.tally!.quorumRequired,
        outcome: s.tally!.outcome,
        decidedAt: d.decidedAt!,
      });
    }
  }
  return out;
}
