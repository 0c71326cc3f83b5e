import { loadApiInvitationPage } from '@/db/read/api-v1-more';
import { adminReadable, parseQuery, readResponse } from '@/lib/api/read';
import { pageQuerySchema } from '@/lib/api/schemas';

type Context = { params: Promise<{ slug: string }> };

/**
 * GET /api/v1/orgs/{slug}/invitations?cursor=&limit=: the pending invitations, newest first, a page at a time, with
 * addresses and each one's id (to revoke or resend it): an admin's token (read scope will do; 403 `action.forbidden` for
 * anyone else, 401 without a token). Invitations are made with POST /api/v1/orgs/{slug}/members.
 */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug } = await context.params;
  const query = parseQuery(request, pageQuerySchema);
  if (query instanceof Response) return query;
  const ctx = await adminReadable(request, slug);
  if (ctx instanceof Response) return ctx;
  return readResponse(await loadApiInvitationPage(ctx.org.id, query), ctx.caller, ctx.org);
}
