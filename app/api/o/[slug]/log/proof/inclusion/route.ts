import { z } from 'zod';
import { getInclusionProof, getTreeHead } from '@/db/queries/transparency';
import { errorResponse, jsonResponse } from '../../http';
import type { LogRouteContext } from '../../http';
import { proofRequest, treeIndex } from '../params';

const querySchema = z.object({ seq: treeIndex('seq'), size: treeIndex('size').optional() });

/**
 * GET /api/o/[slug]/log/proof/inclusion?seq=N&size=M — RFC 6962 audit path showing entry N is
 * in the tree of the first M entries (M defaults to the newest signed tree head). `note` is the
 * signed checkpoint for size M when one exists, so the root can be checked against a signature.
 */
export async function GET(request: Request, context: LogRouteContext): Promise<Response> {
  const req = await proofRequest(request, context, querySchema, 'size');
  if (req instanceof Response) return req;
  const { query, org, db, size } = req;
  if (query.seq < 1 || query.seq > size) return errorResponse(400, `seq must be between 1 and size (${size}).`);
  const [proof, head] = await Promise.all([getInclusionProof(db, org.id, query.seq, size), getTreeHead(db, org.id, size)]);
  return jsonResponse({ ...proof, note: head?.note ?? null }, 200, org);
}
