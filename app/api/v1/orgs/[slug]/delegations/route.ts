import { delegateVoteOperation } from '@/lib/actions/operations';
import { organizationWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string }> };

/** POST /api/v1/orgs/{slug}/delegations: `{ "delegateUserId", "scope" }`, names (or replaces) the caller's delegate for a scope; the same operation as the delegation form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return organizationWrite(request, await context.params, delegateVoteOperation, (_input, result) => ({
    ok: true,
    delegation: { id: result.delegationId, replaced: result.replaced },
  }));
}
