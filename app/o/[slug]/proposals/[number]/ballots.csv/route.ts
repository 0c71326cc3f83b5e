import { csvRow } from '@/lib/transparency/csv';
import { publishedCountRoute } from '../published-count';

export const dynamic = 'force-dynamic';

/**
 * The counted ballots of a closed choice as CSV, without voters: one row per distinct ballot, its
 * count, then the options in order of preference (the approved options, or the one choice). Cells
 * are written and defused for spreadsheets as in the decision log's CSV (lib/transparency/csv.ts).
 */
export const GET = publishedCountRoute(({ org, number, count }) => {
  const width = Math.max(1, ...count.ballots.map((b) => b.length - 1));
  const header = csvRow(['count', ...Array.from({ length: width }, (_, i) => `preference ${i + 1}`)]);
  const rows = count.ballots.map(([n, ...preferences]) =>
    csvRow([n, ...Array.from({ length: width }, (_, i) => (preferences[i] === undefined ? '' : (count.options[preferences[i]!] ?? '')))]),
  );
  return new Response(header + rows.join(''), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present', 'Content-Disposition': `attachment; filename="${org.slug}-${number}-ballots.csv"` },
  });
});
