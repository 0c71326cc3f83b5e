import { z } from 'zod';
import type { Database } from '@/db/client';
import { latestCheckpoint } from '@/db/queries/transparency';
import { errorResponse, publicLogRequest } from '../http';
import type { LogRouteContext, PublicLogRequest } from '../http';

/** A tree size or seq in a query string: plain decimal digits, no sign, within safe integers. */
export const treeIndex = (name: string) =>
  z
    .string({ error: `${name} is required` })
    .regex(/^(0|[1-9][0-9]{0,14})$/, `${name} must be a whole number`)
    .transform(Number);

/**
 * The tree size a proof is asked about: `requested` (the query parameter `name`), else the newest signed tree
 * head's size; a 400 response when it is beyond the log.
 */
async function provableSize(db: Database, orgId: string, name: string, requested: number | undefined): Promise<number | Response> {
  const latest = await latestCheckpoint(db, orgId);
  const size = requested ?? latest.size;
  return size > latest.size ? errorResponse(400, `${name} ${size} is beyond the log's ${latest.size} entries.`) : size;
}

/**
 * A proof route's request: its query, the public organization and the tree size the proof is about, read from the
 * query parameter `sizeParam` (the newest signed tree head's when absent); or the 400/404 response to send instead.
 */
export async function proofRequest<T extends z.ZodType<Record<string, unknown>>>(
  request: Request,
  context: LogRouteContext,
  schema: T,
  sizeParam: string,
): Promise<(PublicLogRequest<z.infer<T>> & { size: number }) | Response> {
  const req = await publicLogRequest(request, context, schema);
  if (req instanceof Response) return req;
  const size = await provableSize(req.db, req.org.id, sizeParam, req.query[sizeParam] as number | undefined);
  return size instanceof Response ? size : { ...req, size };
}
