import 'server-only';
import { getDb } from '@/db/client';
import { listPublicLogPage } from '@/db/queries/log-public';
import { findProposalIdByNumber } from '@/db/queries/proposals';
import type { ChoiceCount } from '@/lib/governance/types';
import { loadReadableOrg, plainNotFound, publicExportCacheControl, readerCacheHeaders } from '@/lib/transparency/public-org';
import type { ReadableOrganization } from '@/lib/transparency/public-org';

/**
 * A GET handler serving a closed choice's counted ballots as the decision log published them:
 * read from the hashed bytes of the `voting.closed` entry (the one a recount checks), only for an
 * organization the requester may read; otherwise, or before the close, a plain-text 404.
 */
export function publishedCountRoute(serve: (found: { org: ReadableOrganization; number: number; title: string; count: ChoiceCount }) => Response) {
  return async function GET(_request: Request, { params }: { params: Promise<{ slug: string; number: string }> }): Promise<Response> {
    const { slug, number: raw } = await params;
    const number = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
    const org = await loadReadableOrg(slug);
    if (!org || !Number.isSafeInteger(number)) return plainNotFound();
    const db = getDb();
    const proposalId = await findProposalIdByNumber(db, org.id, number);
    if (!proposalId) return plainNotFound();
    const page = await listPublicLogPage(db, org.id, { subject: `proposal:${proposalId}`, kind: 'voting.closed' }, {}, 10);
    const entry = page.rows.find((r) => !r.problem && (r.payload.tally as { choice?: { count?: unknown } } | undefined)?.choice?.count);
    if (!entry) return plainNotFound();
    const count = (entry.payload.tally as { choice: { count: ChoiceCount } }).choice.count;
    const response = serve({ org, number, title: `${org.name}, proposal #${number}`, count });
    for (const [k, v] of Object.entries(readerCacheHeaders(org, { 'Cache-Control': publicExportCacheControl }))) response.headers.set(k, v);
    return response;
  };
}
