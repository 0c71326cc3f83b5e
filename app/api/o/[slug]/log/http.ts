import 'server-only';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import type { Database } from '@/db/client';
import { getPublicOrganization } from '@/db/queries/transparency';
import type { TransparentOrganization } from '@/db/queries/transparency';

/** Public, briefly cacheable: a few seconds stale is fine for a log that only grows. */
export const PUBLIC_CACHE = 'public, max-age=5, stale-while-revalidate=30';

export type LogRouteContext = { params: Promise<{ slug: string }> };

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': status === 200 ? PUBLIC_CACHE : 'no-store',
      'Access-Control-Allow-Origin': '*',
    },
  });
}

/** Plain text for tools that read a note as it is (C2SP signed notes), cached and open to any origin like the JSON. */
export function textResponse(body: string): Response {
  return new Response(body, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': PUBLIC_CACHE, 'Access-Control-Allow-Origin': '*' },
  });
}

export function errorResponse(status: 400 | 404 | 500, error: string): Response {
  return jsonResponse({ error }, status);
}

/** The public organization a log route is about, or a 404 response (unknown or not public). */
export async function publicOrganizationOr404(context: LogRouteContext): Promise<TransparentOrganization | Response> {
  const { slug } = await context.params;
  const org = await getPublicOrganization(getDb(), slug);
  return org ?? errorResponse(404, `No public organization "${slug}".`);
}

/** Parses the query string with `schema`, or returns a 400 response naming each bad field. */
export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> | Response {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
  return errorResponse(400, `Invalid query: ${details.join('; ')}`);
}

export type PublicLogRequest<Query> = { query: Query; org: TransparentOrganization; db: Database };

/**
 * What a log route with a query string serves: the parsed query, then the public organization, read from the
 * database it returns; or the 400 (bad query) or 404 (no such public organization) response to send instead.
 */
export async function publicLogRequest<T extends z.ZodType>(
  request: Request,
  context: LogRouteContext,
  schema: T,
): Promise<PublicLogRequest<z.infer<T>> | Response> {
  const query = parseQuery(request, schema);
  if (query instanceof Response) return query;
  const org = await publicOrganizationOr404(context);
  if (org instanceof Response) return org;
  return { query, org, db: getDb() };
}
