import { loadApiMyDelegations } from '@/db/read/api-v1-more';
import { delegateVoteOperation } from '@/lib/actions/operations';
import { readableOrganization } from '@/lib/api/auth';
import { problem } from '@/lib/api/problem';
import { readResponse } from '@/lib/api/read';
import { organizationWrite } from '@/lib/api/write';
import { now } from '@/lib/clock';

type Context = { params: Promise<{ slug: string }> };

/** POST /api/v1/orgs/{slug}/delegations: `{ "delegateUserId", "scope" }`, names (or replaces) the caller's delegate for a scope; the same operation as the delegation form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return organizationWrite(request, await context.params, delegateVoteOperation, (_input, result) => ({
    ok: true,
    delegation: { id: result.delegationId, replaced: result.replaced },
  }));
}

/** GET /api/v1/orgs/{slug}/delegations: the caller's own active delegations, with their ids; a member's token only (401 without one, 403 for a non-member). */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug } = await context.params;
  const ctx = await readableOrganization(request, slug, now());
  if (ctx instanceof Response) return ctx;
  if (ctx.caller.kind === 'anonymous') return problem(request, 'api.unauthenticated');
  if (!ctx.membership) return problem(request, 'action.forbidden');
  return readResponse(await loadApiMyDelegations(ctx.org.id, ctx.caller.userId), ctx.caller, ctx.org);
}
