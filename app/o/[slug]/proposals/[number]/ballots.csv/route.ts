import { csvRow } from '@/lib/transparency/csv';
import { publishedCountRoute } from '../published-count';

export const dynamic = 'force-dynamic';

/**
 * The counted ballots of a closed choice as CSV, without voters: a receipt, a count, then the
 * options in order of preference (the approved options, or the one choice). When the close
 * published receipts, one row per ballot with its receipt (count 1, or in a member-wide vote the
 * weight the ballot carried: its voter's own and their delegators'), sorted by receipt; ballots
 * cast before receipts, and closes before them, keep one row per distinct ballot with its count and
 * an empty receipt. Cells are written and defused for spreadsheets as in the decision log's CSV
 * (lib/transparency/csv.ts).
 */
export const GET = publishedCountRoute(({ org, number, count, receipts, weights, withoutReceipt }) => {
  const lines: { receipt: string; n: number; preferences: number[] }[] = receipts
    ? [
        ...receipts.map(([receipt, ...preferences], i) => ({ receipt, n: weights?.[i] ?? 1, preferences })),
        ...(withoutReceipt > 0 ? withoutReceiptLines(count.ballots, receipts, weights) : []),
      ]
    : count.ballots.map(([n, ...preferences]) => ({ receipt: '', n: n!, preferences }));
  const width = Math.max(1, ...lines.map((l) => l.preferences.length));
  const header = csvRow(['receipt', 'count', ...Array.from({ length: width }, (_, i) => `preference ${i + 1}`)]);
  const rows = lines.map(({ receipt, n, preferences }) =>
    csvRow([receipt, n, ...Array.from({ length: width }, (_, i) => (preferences[i] === undefined ? '' : (count.options[preferences[i]!] ?? '')))]),
  );
  return new Response(header + rows.join(''), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present', 'Content-Disposition': `attachment; filename="${org.slug}-${number}-ballots.csv"` },
  });
});

/** The published ballots the receipt list does not hold (cast before receipts), merged with their counts. */
function withoutReceiptLines(ballots: readonly number[][], receipts: readonly (readonly [string, ...number[]])[], weights: readonly number[] | null) {
  const listed = new Map<string, number>();
  for (const [i, [, ...preferences]] of receipts.entries()) listed.set(preferences.join(','), (listed.get(preferences.join(',')) ?? 0) + (weights?.[i] ?? 1));
  return ballots.flatMap(([n, ...preferences]) => {
    const left = n! - (listed.get(preferences.join(',')) ?? 0);
    return left > 0 ? [{ receipt: '', n: left, preferences }] : [];
  });
}
