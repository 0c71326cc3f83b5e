import { loadApiWebhookDeliveries } from '@/db/read/webhooks';
import { problem } from '@/lib/api/problem';
import { adminReadable, parseQuery, readResponse } from '@/lib/api/read';
import { pageQuerySchema } from '@/lib/api/schemas';

type Context = { params: Promise<{ slug: string; id: string }> };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET /api/v1/orgs/{slug}/webhooks/{id}/deliveries?cursor=&limit=: the endpoint's deliveries, newest first, a page at a
 * time, with each one's status, attempts and the last answer (an admin's token; read scope will do). 404 for no such endpoint.
 */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug, id } = await context.params;
  const query = parseQuery(request, pageQuerySchema);
  if (query instanceof Response) return query;
  const ctx = await adminReadable(request, slug);
  if (ctx instanceof Response) return ctx;
  const page = uuid.test(id) ? await loadApiWebhookDeliveries(ctx.org.id, id, query) : null;
  if (!page) return problem(request, 'webhook.not_found');
  return readResponse(page, ctx.caller, ctx.org);
}
