import 'server-only';
import { getDb } from '@/db/client';
import { findProposalIdByNumber } from '@/db/queries/proposals';
import { loadPublishedBallots } from '@/db/read/published-ballots';
import type { PublishedBallots } from '@/db/read/published-ballots';
import { loadReadableOrg, plainNotFound, publicExportCacheControl, readerCacheHeaders } from '@/lib/transparency/public-org';
import type { ReadableOrganization } from '@/lib/transparency/public-org';

/**
 * A GET handler serving a closed choice's counted ballots as the decision log published them:
 * read from the hashed bytes of the `voting.closed` entry (the one a recount checks) and of the
 * `ballots.receipts` entries after it, only for an organization the requester may read;
 * otherwise, or before the close, a plain-text 404.
 */
export function publishedCountRoute(
  serve: (
    found: { org: ReadableOrganization; number: number; title: string } & Pick<PublishedBallots, 'count' | 'receipts' | 'weights' | 'withoutReceipt'>,
  ) => Response,
) {
  return async function GET(_request: Request, { params }: { params: Promise<{ slug: string; number: string }> }): Promise<Response> {
    const { slug, number: raw } = await params;
    const number = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
    const org = await loadReadableOrg(slug);
    if (!org || !Number.isSafeInteger(number)) return plainNotFound();
    const db = getDb();
    const proposalId = await findProposalIdByNumber(db, org.id, number);
    if (!proposalId) return plainNotFound();
    const published = await loadPublishedBallots(org.id, proposalId, db);
    if (!published) return plainNotFound();
    const { count, receipts, weights, withoutReceipt } = published;
    const response = serve({ org, number, title: `${org.name}, proposal #${number}`, count, receipts, weights, withoutReceipt });
    for (const [k, v] of Object.entries(readerCacheHeaders(org, { 'Cache-Control': publicExportCacheControl }))) response.headers.set(k, v);
    return response;
  };
}
