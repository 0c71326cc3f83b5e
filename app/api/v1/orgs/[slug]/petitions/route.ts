import { loadApiPetitionPage } from '@/db/read/api-v1-acts';
import { openPetitionOperation } from '@/lib/actions/operations';
import { readableOrganization } from '@/lib/api/auth';
import { parseQuery, readResponse } from '@/lib/api/read';
import { pageQuerySchema } from '@/lib/api/schemas';
import { organizationWrite } from '@/lib/api/write';
import { now } from '@/lib/clock';

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/orgs/{slug}/petitions?cursor=&limit=: the petitions, newest first, as the petitions page lists them, a page at a time (`next_cursor` null on the last). */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug } = await context.params;
  const at = now();
  const query = parseQuery(request, pageQuerySchema);
  if (query instanceof Response) return query;
  const ctx = await readableOrganization(request, slug, at);
  if (ctx instanceof Response) return ctx;
  return readResponse(await loadApiPetitionPage(ctx.org.id, at, { before: query.cursor, limit: query.limit }), ctx.caller, ctx.org);
}

/** POST /api/v1/orgs/{slug}/petitions: `{ "title", "body", "constituency" }` (`all` or `group`), a member opens a petition; the same operation as the open form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return organizationWrite(request, await context.params, openPetitionOperation, (_input, r) => ({ ok: true, petition: { number: r.number } }));
}
