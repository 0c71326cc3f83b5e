import { publishProposalOperation } from '@/lib/actions/operations';
import { proposalWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/proposals/{number}/publish: publish a draft (its author), `{ "confirmFoundingClose"?: "yes" }`; the same operation as the publish form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return proposalWrite(request, params, publishProposalOperation, () => ({ ok: true, proposal: { number: Number(params.number), status: 'published' } }), 200);
}
