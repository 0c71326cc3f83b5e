import { z } from 'zod';
import { getConsistencyProof, getTreeHead } from '@/db/queries/transparency';
import { errorResponse, jsonResponse } from '../../http';
import type { LogRouteContext } from '../../http';
import { proofRequest, treeIndex } from '../params';

const querySchema = z.object({ from: treeIndex('from'), to: treeIndex('to').optional() });

/**
 * GET /api/o/[slug]/log/proof/consistency?from=M&to=N — RFC 6962 proof that the tree of the
 * first N entries extends the tree of the first M (N defaults to the newest signed tree head):
 * nothing signed earlier was rewritten. `fromNote`/`toNote` are the signed checkpoints for those
 * sizes when they exist.
 */
export async function GET(request: Request, context: LogRouteContext): Promise<Response> {
  const req = await proofRequest(request, context, querySchema, 'to');
  if (req instanceof Response) return req;
  const { query, org, db, size: to } = req;
  if (query.from > to) return errorResponse(400, `from (${query.from}) must not be greater than to (${to}).`);
  const [proof, fromHead, toHead] = await Promise.all([
    getConsistencyProof(db, org.id, query.from, to),
    getTreeHead(db, org.id, query.from),
    getTreeHead(db, org.id, to),
  ]);
  return jsonResponse({ ...proof, fromNote: fromHead?.note ?? null, toNote: toHead?.note ?? null }, 200, org);
}
