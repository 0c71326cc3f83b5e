import 'server-only';
import { getDb } from '@/db/client';
import type { Executor } from '@/db/client';
import { getCharterVersion } from '@/db/queries/charters';
import { listPublicLogPage } from '@/db/queries/log-public';
import type { PublicLogRow } from '@/db/queries/log-public';
import { isReceipt } from '@/lib/governance/receipt';
import type { ReceiptLine } from '@/lib/governance/receipt-list';
import type { ChoiceCount } from '@/lib/governance/types';

/** A closed choice's ballots as the decision log published them. */
export type PublishedBallots = {
  count: ChoiceCount;
  stageIndex: number;
  /** The counted ballots with their receipts, sorted by receipt; null when the close published none (before receipts). */
  receipts: ReceiptLine[] | null;
  /** A member-wide vote's list: the weight each line's ballot carried, in the lines' order; null for a seat body's (each counts once). */
  weights: number[] | null;
  /** Counted ballots cast before receipts existed: in the count, not in the list. */
  withoutReceipt: number;
};

const MAX_PARTS = 200;

/**
 * The published ballots of a proposal's closed choice, read from the hashed bytes of its
 * `voting.closed` entry (the count) and its `ballots.receipts` entries (the receipt list): only
 * what the public log holds, so before the close there is nothing — null — and nothing here
 * reads the `votes` table. Entries that fail their hash check are left out.
 */
export async function loadPublishedBallots(orgId: string, proposalId: string, db: Executor = getDb()): Promise<PublishedBallots | null> {
  const subject = `proposal:${proposalId}`;
  const [closes, parts] = await Promise.all([
    listPublicLogPage(db, orgId, { subject, kind: 'voting.closed' }, {}, 10),
    listPublicLogPage(db, orgId, { subject, kind: 'ballots.receipts' }, {}, MAX_PARTS),
  ]);
  const close = closes.rows.find((r) => !r.problem && countOf(r));
  if (!close) return null;
  const stageIndex = typeof close.payload.stageIndex === 'number' ? close.payload.stageIndex : 0;
  const mine = parts.rows
    .filter((r) => !r.problem && r.payload.stageIndex === stageIndex && r.seq > close.seq)
    .sort((a, b) => Number(a.payload.part) - Number(b.payload.part));
  // Lines and weights kept together, so a malformed line drops its weight too.
  const listed =
    mine.length === 0
      ? null
      : mine.flatMap((r) => {
          const lines = Array.isArray(r.payload.receipts) ? (r.payload.receipts as unknown[]) : [];
          const weights = Array.isArray(r.payload.weights) ? (r.payload.weights as unknown[]) : null;
          return lines.map((line, i) => ({ line, weight: weights ? weights[i] : 1 }));
        });
  const kept = listed?.filter((l): l is { line: ReceiptLine; weight: number } => isLine(l.line) && isWeight(l.weight)) ?? null;
  const weighted = mine.some((r) => Array.isArray(r.payload.weights));
  const withoutReceipt = mine[0] && typeof mine[0].payload.withoutReceipt === 'number' ? mine[0].payload.withoutReceipt : 0;
  return {
    count: countOf(close)!,
    stageIndex,
    receipts: kept ? kept.map((l) => l.line) : null,
    weights: kept && weighted ? kept.map((l) => l.weight) : null,
    withoutReceipt,
  };
}

function countOf(row: PublicLogRow): ChoiceCount | null {
  const count = (row.payload.tally as { choice?: { count?: ChoiceCount } } | undefined)?.choice?.count;
  return count && Array.isArray(count.ballots) && Array.isArray(count.options) ? count : null;
}

const isWeight = (w: unknown): w is number => Number.isSafeInteger(w) && (w as number) >= 1;

const isLine = (line: unknown): line is ReceiptLine =>
  Array.isArray(line) && isReceipt(line[0]) && line.slice(1).every((n) => Number.isSafeInteger(n) && (n as number) >= 0);

/**
 * What the receipt page needs: whether the proposal decides by secret ballot (a choice among
 * options or a seat election), whether by a member-wide vote, and, once closed, its published ballots.
 */
export async function loadReceiptLookup(
  orgId: string,
  loaded: { row: { id: string; charterVersion: number; typeKey: string } },
): Promise<{ secret: boolean; memberWide: boolean; published: PublishedBallots | null }> {
  const db = getDb();
  const charter = await getCharterVersion(db, orgId, loaded.row.charterVersion);
  const type = charter?.proposalTypes.find((t) => t.key === loaded.row.typeKey);
  const secret = Boolean(type && (type.method || type.effect === 'seat_election'));
  // Voted by a roll of members (electorate.ts), whose delegators carry no receipt of their own.
  const memberWide = Boolean(type?.stages.some((s) => charter!.bodies.find((b) => b.key === s.bodyKey)?.electorate));
  return { secret, memberWide, published: secret ? await loadPublishedBallots(orgId, loaded.row.id, db) : null };
}
