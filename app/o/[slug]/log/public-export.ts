import 'server-only';
import { getDb } from '@/db/client';
import type { Database } from '@/db/client';
import { parseLogQuery } from '@/lib/transparency/log-filters';
import type { LogFilters } from '@/lib/transparency/log-filters';
import { loadReadableOrg, plainNotFound, publicExportCacheControl, readerCacheHeaders } from '@/lib/transparency/public-org';
import type { ReadableOrganization } from '@/lib/transparency/public-org';

export type PublicLogExport = {
  org: ReadableOrganization;
  db: Database;
  filters: LogFilters;
  cacheHeaders: Record<string, string>;
  /** The request's Accept-Language header (the Atom feed's titles follow it), or null. */
  acceptLanguage: string | null;
};

/**
 * What an export of the decision log (CSV, Atom) serves: the organization (public, or private to a
 * member's session) with its caching headers, and the log page's filters from the query string; or a
 * plain-text 404 for an unknown organization and one the requester may not read alike.
 */
async function logExport(request: Request, params: Promise<{ slug: string }>): Promise<PublicLogExport | Response> {
  const { slug } = await params;
  const org = await loadReadableOrg(slug);
  if (!org) return plainNotFound();
  const { filters } = parseLogQuery(new URL(request.url).searchParams);
  return {
    org,
    db: getDb(),
    filters,
    cacheHeaders: readerCacheHeaders(org, { 'Cache-Control': publicExportCacheControl }),
    acceptLanguage: request.headers.get('accept-language'),
  };
}

/** A GET handler for an export: `serve` runs only for an organization the requester may read, with its filters; otherwise the plain-text 404. */
export function publicLogRoute(serve: (req: PublicLogExport) => Promise<Response>) {
  return async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
    const req = await logExport(request, params);
    return req instanceof Response ? req : serve(req);
  };
}
