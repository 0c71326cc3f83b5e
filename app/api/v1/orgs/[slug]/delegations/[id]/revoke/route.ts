import { revokeDelegationOperation } from '@/lib/actions/operations';
import { rowWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; id: string }> };

/** POST /api/v1/orgs/{slug}/delegations/{id}/revoke: revokes one of the caller's own active delegations; the same operation as the form's button. */
export async function POST(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return rowWrite(request, params, 'delegationId', revokeDelegationOperation, () => ({ ok: true, delegation: { id: params.id, revoked: true } }));
}
