import { z } from 'zod';
import { getDb } from '@/db/client';
import { getInclusionProof, getTreeHead, latestCheckpoint } from '@/db/queries/transparency';
import { errorResponse, jsonResponse, parseQuery, publicOrganizationOr404 } from '../../http';
import type { LogRouteContext } from '../../http';
import { treeIndex } from '../params';

const querySchema = z.object({ seq: treeIndex('seq'), size: treeIndex('size').optional() });

/**
 * GET /api/o/[slug]/log/proof/inclusion?seq=N&size=M — RFC 6962 audit path showing entry N is
 * in the tree of the first M entries (M defaults to the newest signed tree head). `note` is the
 * signed checkpoint for size M when one exists, so the root can be checked against a signature.
 */
export async function GET(request: Request, context: LogRouteContext): Promise<Response> {
  const query = parseQuery(request, querySchema);
  if (query instanceof Response) return query;
  const org = await publicOrganizationOr404(context);
  if (org instanceof Response) return org;
  const db = getDb();
  const latest = await latestCheckpoint(db, org.id);
  const size = query.size ?? latest.size;
  if (size > latest.size) return errorResponse(400, `size ${size} is beyond the log's ${latest.size} entries.`);
  if (query.seq < 1 || query.seq > size) return errorResponse(400, `seq must be between 1 and size (${size}).`);
  const [proof, head] = await Promise.all([getInclusionProof(db, org.id, query.seq, size), getTreeHead(db, org.id, size)]);
  return jsonResponse({ ...proof, note: head?.note ?? null });
}
