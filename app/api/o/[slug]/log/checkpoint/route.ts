import { z } from 'zod';
import { getDb } from '@/db/client';
import { latestCheckpoint } from '@/db/queries/transparency';
import { PUBLIC_CACHE, jsonResponse, parseQuery, publicOrganizationOr404 } from '../http';
import type { LogRouteContext } from '../http';

const querySchema = z.object({
  format: z.enum(['json', 'text'], { error: 'format must be "json" or "text"' }).default('json'),
});

/**
 * GET /api/o/[slug]/log/checkpoint — the newest signed tree head, signed on demand when the log
 * has grown since the last one. `?format=text` gives the bare signed note (text/plain), as
 * C2SP tooling expects.
 */
export async function GET(request: Request, context: LogRouteContext): Promise<Response> {
  const query = parseQuery(request, querySchema);
  if (query instanceof Response) return query;
  const org = await publicOrganizationOr404(context);
  if (org instanceof Response) return org;
  const head = await latestCheckpoint(getDb(), org.id);
  if (query.format === 'text') {
    return new Response(head.note, {
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': PUBLIC_CACHE, 'Access-Control-Allow-Origin': '*' },
    });
  }
  return jsonResponse({ size: head.size, rootHash: head.rootHash, note: head.note });
}
