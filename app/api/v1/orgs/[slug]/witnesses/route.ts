import { loadApiWitnesses } from '@/db/read/api-v1-more';
import { addWitnessOperation } from '@/lib/actions/operations';
import { adminReadable, pageOf, parseQuery, readResponse } from '@/lib/api/read';
import { pageQuerySchema } from '@/lib/api/schemas';
import { organizationWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string }> };

/**
 * GET /api/v1/orgs/{slug}/witnesses?cursor=&limit=: the decision log's registered witnesses, oldest first, a page at a
 * time, as the settings page lists them (an admin's token; read scope will do; 403 `action.forbidden` for anyone else).
 */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug } = await context.params;
  const query = parseQuery(request, pageQuerySchema);
  if (query instanceof Response) return query;
  const ctx = await adminReadable(request, slug);
  if (ctx instanceof Response) return ctx;
  const page = pageOf(await loadApiWitnesses(ctx.org.id), query.cursor, query.limit);
  return readResponse({ witnesses: page.items, next_cursor: page.next_cursor }, ctx.caller, ctx.org);
}

/**
 * POST /api/v1/orgs/{slug}/witnesses: `{ "verifierKey" }` registers a witness by the key its script prints (an admin's write
 * token), as the settings form does; logged. `witness.name_taken` (409) while a witness of that name is registered.
 */
export async function POST(request: Request, context: Context): Promise<Response> {
  return organizationWrite(request, await context.params, addWitnessOperation, (_input, added) => ({ ok: true, witness: { id: added.id, name: added.name } }));
}
