import { getDb } from '@/db/client';
import { now } from '@/lib/clock';
import { MAX_COSIGNED_NOTE_BYTES, acceptCosignature } from '@/lib/transparency/witnesses';
import { jsonResponse, publicOrganizationOr404 } from '../http';
import type { LogRouteContext } from '../http';

/**
 * POST /api/o/[slug]/log/cosign — a registered witness hands in its cosignature: the body
 * (text/plain) is a checkpoint this log signed, with the witness's cosignature/v1 line among
 * the signature lines. Stored only if the checkpoint is one we signed and the cosignature
 * verifies with a registered witness's key; served afterwards with the checkpoint.
 */
export async function POST(request: Request, context: LogRouteContext): Promise<Response> {
  const org = await publicOrganizationOr404(context);
  if (org instanceof Response) return org;
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_COSIGNED_NOTE_BYTES) return jsonResponse({ error: 'The note is too large.' }, 400);
  const body = await request.text();
  const outcome = await acceptCosignature(getDb(), org.id, body, now());
  if (!outcome.ok) return jsonResponse({ error: outcome.error }, outcome.status);
  return new Response(JSON.stringify({ accepted: outcome.accepted }), {
    status: 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
