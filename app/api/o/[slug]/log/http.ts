import 'server-only';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import type { Database } from '@/db/client';
import { getPublicOrganization } from '@/db/queries/transparency';
import type { TransparentOrganization } from '@/db/queries/transparency';
import { loadReadableOrg, readerCacheHeaders } from '@/lib/transparency/public-org';

/** Public, briefly cacheable: a few seconds stale is fine for a log that only grows. */
export const PUBLIC_CACHE = 'public, max-age=5, stale-while-revalidate=30';

/** A public organization's answers are cached briefly and open to any origin; a private one's are its member's alone. */
export function logCacheHeaders(org: { isPublic: boolean } = { isPublic: true }): Record<string, string> {
  return readerCacheHeaders(org, { 'Cache-Control': PUBLIC_CACHE, 'Access-Control-Allow-Origin': '*' });
}

export type LogRouteContext = { params: Promise<{ slug: string }> };

/** JSON; a 200 is cached as `org` allows (a public organization's by default), anything else never. */
export function jsonResponse(body: unknown, status = 200, org?: { isPublic: boolean }): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      ...(status === 200 ? logCacheHeaders(org) : { 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' }),
    },
  });
}

/** Plain text for tools that read a note as it is (C2SP signed notes), cached like the JSON. */
export function textResponse(body: string, org: { isPublic: boolean }): Response {
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8', ...logCacheHeaders(org) } });
}

export function errorResponse(status: 400 | 404 | 500, error: string): Response {
  return jsonResponse({ error }, status);
}

const noOrganization = (slug: string) => errorResponse(404, `No public organization "${slug}".`);

/** The public organization a route that takes writes from anyone (a witness's cosignature) is about, or a 404 response. */
export async function publicOrganizationOr404(context: LogRouteContext): Promise<TransparentOrganization | Response> {
  const { slug } = await context.params;
  return (await getPublicOrganization(getDb(), slug)) ?? noOrganization(slug);
}

/**
 * The organization a log read is about: a public one, or a private one for its members' sessions; or the
 * same 404 for an unknown organization and one the requester may not read (lib/transparency/public-org.ts).
 */
export async function readableOrganizationOr404(context: LogRouteContext): Promise<ReadableLogOrganization | Response> {
  const { slug } = await context.params;
  return (await loadReadableOrg(slug)) ?? noOrganization(slug);
}

export type ReadableLogOrganization = TransparentOrganization & { isPublic: boolean };

/** Parses the query string with `schema`, or returns a 400 response naming each bad field. */
export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> | Response {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
  return errorResponse(400, `Invalid query: ${details.join('; ')}`);
}

export type PublicLogRequest<Query> = { query: Query; org: ReadableLogOrganization; db: Database };

/**
 * What a log route with a query string serves: the parsed query, then the organization the requester may read,
 * and the database; or the 400 (bad query) or 404 (no such organization, or not theirs to read) response instead.
 */
export async function publicLogRequest<T extends z.ZodType>(
  request: Request,
  context: LogRouteContext,
  schema: T,
): Promise<PublicLogRequest<z.infer<T>> | Response> {
  const query = parseQuery(request, schema);
  if (query instanceof Response) return query;
  const org = await readableOrganizationOr404(context);
  if (org instanceof Response) return org;
  return { query, org, db: getDb() };
}
