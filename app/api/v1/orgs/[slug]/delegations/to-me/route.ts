import { loadApiDelegationsToMe } from '@/db/read/api-v1-acts';
import { readableOrganization } from '@/lib/api/auth';
import { problem } from '@/lib/api/problem';
import { pageOf, parseQuery, readResponse } from '@/lib/api/read';
import { pageQuerySchema } from '@/lib/api/schemas';
import { now } from '@/lib/clock';

type Context = { params: Promise<{ slug: string }> };

/**
 * GET /api/v1/orgs/{slug}/delegations/to-me?cursor=&limit=: who delegates their vote to the caller, as
 * "Delegated to you" on the delegations page lists them (names only), a page at a time; a member's
 * token only (401 without one, 403 `action.forbidden` for a non-member).
 */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug } = await context.params;
  const query = parseQuery(request, pageQuerySchema);
  if (query instanceof Response) return query;
  const ctx = await readableOrganization(request, slug, now());
  if (ctx instanceof Response) return ctx;
  if (ctx.caller.kind === 'anonymous') return problem(request, 'api.unauthenticated');
  if (!ctx.membership) return problem(request, 'action.forbidden');
  const { carries, delegators } = await loadApiDelegationsToMe(ctx.org.id, ctx.caller.userId);
  const page = pageOf(delegators, query.cursor, query.limit);
  return readResponse({ carries, delegators: page.items, next_cursor: page.next_cursor }, ctx.caller, ctx.org);
}
