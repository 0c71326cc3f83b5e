import { withdrawProposalOperation } from '@/lib/actions/operations';
import { proposalWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/proposals/{number}/withdraw: `{ "reason": "…" }`; the same operation as the withdraw form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return proposalWrite(request, params, withdrawProposalOperation, () => ({ ok: true, proposal: { number: Number(params.number), status: 'withdrawn' } }), 200);
}
