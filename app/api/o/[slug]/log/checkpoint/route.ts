import { z } from 'zod';
import { latestCheckpoint } from '@/db/queries/transparency';
import { cosignatureLines, listActiveWitnesses } from '@/db/queries/witnesses';
import { appendCosignatures } from '@/lib/log/cosignature';
import { jsonResponse, publicLogRequest, textResponse } from '../http';
import type { LogRouteContext } from '../http';

const querySchema = z.object({
  format: z.enum(['json', 'text'], { error: 'format must be "json" or "text"' }).default('json'),
});

/**
 * GET /api/o/[slug]/log/checkpoint — the newest signed tree head, signed on demand when the log
 * has grown since the last one, with the cosignature lines of the organization's witnesses for
 * that size appended. `?format=text` gives the bare signed note (text/plain), as C2SP tooling
 * expects; the JSON form also lists the witnesses' verifier keys.
 */
export async function GET(request: Request, context: LogRouteContext): Promise<Response> {
  const req = await publicLogRequest(request, context, querySchema);
  if (req instanceof Response) return req;
  const { query, org, db } = req;
  const head = await latestCheckpoint(db, org.id);
  // Cosignatures by the organization's current witnesses ride along as extra note lines
  // (C2SP tlog-cosignature); readers that do not know a witness ignore its line.
  const [lines, witnesses] = await Promise.all([cosignatureLines(db, org.id, head.size), listActiveWitnesses(db, org.id)]);
  const note = appendCosignatures(head.note, lines);
  if (query.format === 'text') return textResponse(note, org);
  return jsonResponse({ size: head.size, rootHash: head.rootHash, note, witnesses: witnesses.map((w) => ({ name: w.name, verifierKey: w.vkey })) }, 200, org);
}
