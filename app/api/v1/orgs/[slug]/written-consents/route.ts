import { loadApiWrittenConsentPage } from '@/db/read/api-v1-written-consents';
import { openWrittenConsentOperation } from '@/lib/actions/operations';
import { readableOrganization } from '@/lib/api/auth';
import { parseQuery, readResponse } from '@/lib/api/read';
import { pageQuerySchema } from '@/lib/api/schemas';
import { organizationWrite } from '@/lib/api/write';
import { now } from '@/lib/clock';

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/orgs/{slug}/written-consents?cursor=&limit=: the written consents, newest first, as their page lists them, a page at a time. */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug } = await context.params;
  const at = now();
  const query = parseQuery(request, pageQuerySchema);
  if (query instanceof Response) return query;
  const ctx = await readableOrganization(request, slug, at);
  if (ctx instanceof Response) return ctx;
  return readResponse(await loadApiWrittenConsentPage(ctx.org.id, at, query), ctx.caller, ctx.org);
}

/** POST /api/v1/orgs/{slug}/written-consents: `{ "bodyKey", "title", "body" }` (a seat holder of the body, or an admin); the same operation as the open form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return organizationWrite(request, await context.params, openWrittenConsentOperation, (_input, r) => ({ ok: true, writtenConsent: { number: r.number } }));
}
