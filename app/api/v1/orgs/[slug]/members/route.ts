import { loadApiMemberPage } from '@/db/read/api-v1-more';
import { inviteMemberOperation } from '@/lib/actions/operations';
import { readableOrganization } from '@/lib/api/auth';
import { problem } from '@/lib/api/problem';
import { parseQuery, readResponse } from '@/lib/api/read';
import { memberListQuerySchema } from '@/lib/api/schemas';
import { organizationWrite } from '@/lib/api/write';
import { now } from '@/lib/clock';

type Context = { params: Promise<{ slug: string }> };

/**
 * GET /api/v1/orgs/{slug}/members?q=&cursor=&limit=: the members, a page at a time, searched by name
 * or e-mail address — with e-mail addresses, so for members only, as the members page: a token of a
 * member (401 without a token, 403 `action.forbidden` for a non-member of a public organization).
 */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug } = await context.params;
  const query = parseQuery(request, memberListQuerySchema);
  if (query instanceof Response) return query;
  const ctx = await readableOrganization(request, slug, now());
  if (ctx instanceof Response) return ctx;
  if (ctx.caller.kind === 'anonymous') return problem(request, 'api.unauthenticated');
  if (!ctx.membership) return problem(request, 'action.forbidden');
  return readResponse(await loadApiMemberPage(ctx.org.id, query), ctx.caller, ctx.org);
}

/**
 * POST /api/v1/orgs/{slug}/members: `{ "email", "name"?, "role"? }` invites someone (a write token; the rules let an
 * admin only, `membership.invite_admin_only` otherwise, as the invite form answers); the invitation link is mailed, and
 * they become a member when they accept it.
 */
export async function POST(request: Request, context: Context): Promise<Response> {
  return organizationWrite(request, await context.params, inviteMemberOperation, (input) => ({
    ok: true,
    invitation: { email: input.email, role: input.role },
  }));
}
