import { withdrawObjectionOperation } from '@/lib/actions/operations';
import { proposalWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/proposals/{number}/objections/withdraw: withdraws the caller's seat's standing objection; the same operation as the form's button. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return proposalWrite(request, await context.params, withdrawObjectionOperation, () => ({ ok: true, objection: { standing: false } }), 200);
}
