import { publishedCountRoute } from '../published-count';

export const dynamic = 'force-dynamic';

/** A CSV cell: quoted, with quotes doubled; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it as a formula. */
function cell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * The counted ballots of a closed choice as CSV, without voters: one row per distinct ballot, its
 * count, then the options in order of preference (the approved options, or the one choice).
 */
export const GET = publishedCountRoute(({ org, number, count }) => {
  const width = Math.max(1, ...count.ballots.map((b) => b.length - 1));
  const header = ['count', ...Array.from({ length: width }, (_, i) => `preference ${i + 1}`)].map(cell).join(',');
  const rows = count.ballots.map(([n, ...preferences]) =>
    [String(n), ...Array.from({ length: width }, (_, i) => (preferences[i] === undefined ? '' : (count.options[preferences[i]!] ?? '')))].map(cell).join(','),
  );
  return new Response(`${[header, ...rows].join('\r\n')}\r\n`, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present', 'Content-Disposition': `attachment; filename="${org.slug}-${number}-ballots.csv"` },
  });
});
