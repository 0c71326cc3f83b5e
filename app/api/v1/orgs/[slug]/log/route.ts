import { loadApiLogPage } from '@/db/read/api-v1-more';
import { readableOrganization } from '@/lib/api/auth';
import { parseQuery, readResponse } from '@/lib/api/read';
import { logQuerySchema } from '@/lib/api/schemas';
import { now } from '@/lib/clock';

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/orgs/{slug}/log?cursor=&limit=&kind=: the decision log, newest first, a page at a time (`next_cursor` null on the last). */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug } = await context.params;
  const query = parseQuery(request, logQuerySchema);
  if (query instanceof Response) return query;
  const ctx = await readableOrganization(request, slug, now());
  if (ctx instanceof Response) return ctx;
  return readResponse(await loadApiLogPage(ctx.org.id, { before: query.cursor, limit: query.limit, kind: query.kind }), ctx.caller, ctx.org);
}
