import 'server-only';
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { decisionLog, proposalStages, proposals } from '@/db/schema';
import { GENESIS_HASH } from '@/lib/log/hash';
import { readHashedEntry } from '@/lib/log/hashed-entry';
import { nodeSha256 } from '@/lib/log/node-hash';
import { englishLogText, logText } from '@/lib/log/words';
import type { LogText } from '@/lib/log/words';
import type { LogRow } from './log';

// Read side of the public transparency pages (docs/design.md §5). Everything here is public by
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

/**
 * One entry as the public sees it. Every field but `seq` is read from `entry`, the canonical
 * JSON its hash covers, never from the columns beside it, which no hash covers.
 */
export type PublicLogRow = LogRow & {
  /** The canonical JSON that was hashed. */
  entry: string;
  /** Why this entry does not verify (its text against its hash, or its link to the one before), in English, or null. */
  problem: string | null;
  /** The same as data, for the pages to say in the reader's language (lib/log/words). */
  problemText: LogText | null;
};

export type PublicLogPage = { rows: PublicLogRow[]; hasNewer: boolean; hasOlder: boolean };

// The columns the filters use (kind, subject, bodyKey, at) select rows; what is shown of them
// comes from `entry` alone (see publicRows).
const columns = {
  seq: decisionLog.seq,
  at: decisionLog.at,
  entry: decisionLog.entry,
  prevHash: decisionLog.prevHash,
  hash: decisionLog.hash,
};

type RawRow = { seq: number; at: Date; entry: string; prevHash: string; hash: string };

/**
 * The rows as the public sees them: parsed from the hashed bytes, each checked against its
 * stored hash and linked to its predecessor's (looked up in one query when not among `rows`).
 */
export async function publicRows(db: Executor, orgId: string, rows: readonly RawRow[]): Promise<PublicLogRow[]> {
  const hashOf = new Map<number, string>(rows.map((r) => [r.seq, r.hash]));
  const missing = [...new Set(rows.map((r) => r.seq - 1).filter((seq) => seq >= 1 && !hashOf.has(seq)))];
  for (let i = 0; i < missing.length; i += 1000) {
    const found = await db
      .select({ seq: decisionLog.seq, hash: decisionLog.hash })
      .from(decisionLog)
      .where(and(eq(decisionLog.orgId, orgId), inArray(decisionLog.seq, missing.slice(i, i + 1000))));
    for (const f of found) hashOf.set(f.seq, f.hash);
  }
  return rows.map((r) => {
    const read = readHashedEntry(nodeSha256, r, orgId);
    const expectedPrev = r.seq === 1 ? GENESIS_HASH : hashOf.get(r.seq - 1);
    const problemText =
      read.problemText ??
      (expectedPrev === undefined
        ? logText('entry.predecessorMissing', { prev: String(r.seq - 1), seq: String(r.seq) })
        : r.prevHash !== expectedPrev
          ? logText('entry.noLink', { seq: String(r.seq), prev: String(r.seq - 1) })
          : null);
    const e = read.entry;
    return {
      seq: r.seq,
      // Only when the text does not parse is the row's own timestamp shown, flagged by `problem`.
      at: e ? new Date(e.at) : r.at,
      actorId: e?.actorId ?? null,
      kind: e?.kind ?? 'unreadable',
      subject: e?.subject ?? null,
      payload: e?.payload ?? {},
      entry: r.entry,
      prevHash: r.prevHash,
      hash: r.hash,
      problem: problemText && englishLogText(problemText),
      problemText,
    };
  });
}

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

/**
 * Whether any entry matches, looking from the side nearest `from`: the ORDER BY makes the
 * planner walk the (org_id, …, seq) index from there. Without it, PostgreSQL sometimes chose a
 * sequential scan for LIMIT 1 and read every row of the table before the organization's own
 * (18 ms on a 1,000,000-entry log; it grows with the table).
 */
async function anyWhere(db: Executor, where: SQL[], from: 'newest' | 'oldest'): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(decisionLog)
    .where(and(...where))
    .orderBy(from === 'newest' ? desc(decisionLog.seq) : asc(decisionLog.seq))
    .limit(1);
  return rows.length > 0;
}

/**
 * A date window holding at most this many entries (of any kind) is read whole through the
 * (org_id, at) index and paged in memory. Walking seq backwards and testing `at`, as PostgreSQL
 * chooses to, reads every entry newer than the window first: 1.1 s for a one-hour window at
 * the start of a 1,000,000-entry log.
 */
export const DATE_WINDOW_IN_MEMORY = 5000;

/**
 * One page from a date window read whole, or null when the window holds more than `cap`
 * entries. The window is read in `at` order, so the index scan stops after cap + 1 entries;
 * the other filters are applied to what it returns, with the same expressions as in SQL.
 */
async function pageFromDateWindow(
  db: Executor,
  orgId: string,
  q: PublicLogQuery,
  cursor: { before?: number; after?: number },
  size: number,
  cap: number,
): Promise<PublicLogPage | null> {
  const window = await db
    .select({ seq: decisionLog.seq, kind: decisionLog.kind, subject: decisionLog.subject, bodyKey: sql<string | null>`${decisionLog.payload} ->> 'bodyKey'` })
    .from(decisionLog)
    .where(and(eq(decisionLog.orgId, orgId), ...(q.fromAt ? [gte(decisionLog.at, q.fromAt)] : []), ...(q.toBefore ? [lt(decisionLog.at, q.toBefore)] : [])))
    .orderBy(asc(decisionLog.at))
    .limit(cap + 1);
  if (window.length > cap) return null;
  const matching = window
    .filter((e) => (!q.kind || e.kind === q.kind) && (!q.subject || e.subject === q.subject) && (!q.bodyKey || e.bodyKey === q.bodyKey))
    .map((e) => Number(e.seq))
    .sort((a, b) => b - a);
  // Newest first: a page is matching[start, end). `after` takes the `size` entries just above
  // it, `before` the `size` entries just below it, neither the newest `size`.
  const firstAtOrBelow = (bound: number, inclusive: boolean) => {
    const i = matching.findIndex((seq) => (inclusive ? seq <= bound : seq < bound));
    return i === -1 ? matching.length : i;
  };
  let start: number;
  let end: number;
  if (cursor.after !== undefined) {
    end = firstAtOrBelow(cursor.after, true);
    start = Math.max(0, end - size);
  } else {
    start = cursor.before !== undefined ? firstAtOrBelow(cursor.before, false) : 0;
    end = Math.min(matching.length, start + size);
  }
  const seqs = matching.slice(start, end);
  const rows =
    seqs.length === 0
      ? []
      : await db
          .select(columns)
          .from(decisionLog)
          .where(and(eq(decisionLog.orgId, orgId), inArray(decisionLog.seq, seqs)))
          .orderBy(desc(decisionLog.seq));
  return { rows: await publicRows(db, orgId, rows), hasNewer: start > 0, hasOlder: start + seqs.length < matching.length };
}

/**
 * One page of matching entries, newest first. `before` pages to older entries (seq < before),
 * `after` to newer ones (seq > after); with neither, the newest page.
 */
export async function listPublicLogPage(
  db: Executor,
  orgId: string,
  q: PublicLogQuery,
  cursor: { before?: number; after?: number },
  limit: number,
  dateWindowInMemory = DATE_WINDOW_IN_MEMORY,
): Promise<PublicLogPage> {
  const size = Math.min(Math.max(Math.trunc(limit), 1), 200);
  if (q.fromAt || q.toBefore) {
    const page = await pageFromDateWindow(db, orgId, q, cursor, size, dateWindowInMemory);
    if (page) return page;
  }
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
    return { rows: await publicRows(db, orgId, page), hasNewer, hasOlder: await anyWhere(db, [...base, lt(decisionLog.seq, oldest)], 'newest') };
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
  const hasNewer = newest !== undefined && cursor.before !== undefined ? await anyWhere(db, [...base, gt(decisionLog.seq, newest)], 'oldest') : false;
  return { rows: await publicRows(db, orgId, page), hasNewer, hasOlder };
}

/** Matching entries in log order after `afterSeq`, for streaming exports in batches. */
export async function readPublicLogBatch(db: Executor, orgId: string, q: PublicLogQuery, afterSeq: number, limit: number): Promise<PublicLogRow[]> {
  const rows = await db
    .select(columns)
    .from(decisionLog)
    .where(and(...conditions(orgId, q), gt(decisionLog.seq, afterSeq)))
    .orderBy(asc(decisionLog.seq))
    .limit(Math.min(Math.max(Math.trunc(limit), 1), 5000));
  return publicRows(db, orgId, rows);
}

export type PublicProposalRef = { id: string; number: number; title: string };

/**
 * Published and withdrawn proposals — never drafts — newest first, for the exports' links.
 * Every one of them: pages use the lookups below, which do not grow with the organization.
 */
export async function listPublicProposalRefs(db: Executor, orgId: string): Promise<PublicProposalRef[]> {
  return db
    .select({ id: proposals.id, number: proposals.number, title: proposals.title })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), ne(proposals.status, 'draft')))
    .orderBy(desc(proposals.number));
}

/**
 * One public proposal by number, or null when there is none or it is a draft: the proposal
 * filter's lookup, one probe of the (org_id, number) unique index.
 */
export async function findPublicProposalRef(db: Executor, orgId: string, number: number): Promise<PublicProposalRef | null> {
  if (!Number.isSafeInteger(number) || number < 1 || number > 2_147_483_647) return null;
  const [row] = await db
    .select({ id: proposals.id, number: proposals.number, title: proposals.title })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), eq(proposals.number, number), ne(proposals.status, 'draft')));
  return row ?? null;
}

/**
 * The `limit` most recent public proposals, newest first: suggestions for the proposal filter.
 * A backward scan of the (org_id, number) index that stops after `limit` rows, so it costs the
 * same with 20 proposals or 20,000.
 */
export async function listRecentPublicProposalRefs(db: Executor, orgId: string, limit = 20): Promise<PublicProposalRef[]> {
  return db
    .select({ id: proposals.id, number: proposals.number, title: proposals.title })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), ne(proposals.status, 'draft')))
    .orderBy(desc(proposals.number))
    .limit(Math.min(Math.max(Math.trunc(limit), 1), 100));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The public proposals among `ids` (drafts left out): for linking the entries of one page
 * without loading every proposal. Ids that are not UUIDs are skipped, not sent to SQL.
 */
export async function listPublicProposalRefsByIds(db: Executor, orgId: string, ids: readonly string[]): Promise<PublicProposalRef[]> {
  const wanted = [...new Set(ids)].filter((id) => UUID.test(id)).slice(0, 1000);
  if (wanted.length === 0) return [];
  return db
    .select({ id: proposals.id, number: proposals.number, title: proposals.title })
    .from(proposals)
    .where(and(eq(proposals.orgId, orgId), inArray(proposals.id, wanted), ne(proposals.status, 'draft')));
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
    .select({
      proposalId: proposalStages.proposalId,
      stageIndex: proposalStages.stageIndex,
      bodyKey: proposalStages.bodyKey,
      charterSeats: proposalStages.charterSeats,
      tally: proposalStages.tally,
    })
    .from(proposalStages)
    .where(
      and(
        inArray(
          proposalStages.proposalId,
          decided.map((d) => d.id),
        ),
        isNotNull(proposalStages.tally),
      ),
    )
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
