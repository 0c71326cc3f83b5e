import 'server-only';
import { getDb } from '@/db/client';
import type { Database } from '@/db/client';
import type { PublicOrganization } from '@/db/queries/organizations';
import { parseLogQuery } from '@/lib/transparency/log-filters';
import type { LogFilters } from '@/lib/transparency/log-filters';
import { loadPublicOrg } from '@/lib/transparency/public-org';

export type PublicLogExport = { org: PublicOrganization; db: Database; filters: LogFilters };

/**
 * What a public export of the decision log (CSV, Atom) serves: the organization, and the log page's filters
 * from the query string; or a plain-text 404 for an unknown or non-public organization alike.
 */
async function publicLogExport(request: Request, params: Promise<{ slug: string }>): Promise<PublicLogExport | Response> {
  const { slug } = await params;
  const org = await loadPublicOrg(slug);
  if (!org) return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const { filters } = parseLogQuery(new URL(request.url).searchParams);
  return { org, db: getDb(), filters };
}

/** A GET handler for a public export: `serve` runs only for a public organization, with its filters; otherwise the plain-text 404. */
export function publicLogRoute(serve: (req: PublicLogExport) => Promise<Response>) {
  return async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
    const req = await publicLogExport(request, params);
    return req instanceof Response ? req : serve(req);
  };
}
