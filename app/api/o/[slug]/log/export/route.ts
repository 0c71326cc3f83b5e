import { getDb } from '@/db/client';
import { logExportStream } from '@/db/queries/transparency';
import { logCacheHeaders, readableOrganizationOr404 } from '../http';
import type { LogRouteContext } from '../http';

/**
 * GET /api/o/[slug]/log/export — the whole decision log as `quorate-log-export/1` JSON, streamed,
 * with the signed checkpoints and the key to check them: everything `npm run verify` and the
 * verify page need, and nothing that is not already public (or, for a private organization, already
 * readable by the member asking).
 */
export async function GET(_request: Request, context: LogRouteContext): Promise<Response> {
  const org = await readableOrganizationOr404(context);
  if (org instanceof Response) return org;
  const body = await logExportStream(getDb(), org);
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `inline; filename="${org.slug}-decision-log.json"`,
      ...logCacheHeaders(org),
    },
  });
}
