import { writeBlt } from '@/lib/governance/methods/blt';
import { publishedCountRoute } from '../published-count';

export const dynamic = 'force-dynamic';

/** The counted ballots of a closed choice as a BLT file (the input of STV counting programs and `npm run tally`), without voters. */
export const GET = publishedCountRoute(({ org, number, title, count }) => {
  const ballots = count.ballots.map(([n, ...preferences]) => ({ count: n!, preferences }));
  const body = writeBlt({ candidates: count.options, seats: count.winners }, ballots, title.replace(/[\r\n]+/g, ' '));
  return new Response(body, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Disposition': `attachment; filename="${org.slug}-${number}-ballots.blt"` },
  });
});
