import { loadApiNominations } from '@/db/read/api-v1-acts';
import { nominateCandidateOperation } from '@/lib/actions/operations';
import { readableOrganization } from '@/lib/api/auth';
import { problem } from '@/lib/api/problem';
import { pageOf, parseQuery, readResponse } from '@/lib/api/read';
import { pageQuerySchema } from '@/lib/api/schemas';
import { proposalWrite } from '@/lib/api/write';
import { now } from '@/lib/clock';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/proposals/{number}/nominations: `{ "nomineeUserId" }`, a nomination for a seat election's seats; the same operation as the nomination form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return proposalWrite(request, await context.params, nominateCandidateOperation, (input) => ({
    ok: true,
    nomination: { nomineeUserId: input.nomineeUserId, status: 'nominated' },
  }));
}

/**
 * GET /api/v1/orgs/{slug}/proposals/{number}/nominations?cursor=&limit=: a seat election's nominations
 * as its page lists them to the caller (names and answers, in the order made), a page at a time;
 * readable as the proposal is (404 for a proposal that is not a seat election).
 */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug, number } = await context.params;
  const query = parseQuery(request, pageQuerySchema);
  if (query instanceof Response) return query;
  const at = now();
  const ctx = await readableOrganization(request, slug, at);
  if (ctx instanceof Response) return ctx;
  const election = /^\d{1,10}$/.test(number) ? await loadApiNominations(ctx.org.id, Number(number), ctx.viewerId, at) : null;
  if (!election) return problem(request, 'api.not_found', { what: 'seat election' });
  const page = pageOf(election.nominations, query.cursor, query.limit);
  // The page's "N made, M accepted", over all pages.
  const made = election.nominations.length;
  const accepted = election.nominations.filter((n) => n.status === 'accepted').length;
  return readResponse({ ...election, made, accepted, nominations: page.items, next_cursor: page.next_cursor }, ctx.caller, ctx.org);
}
