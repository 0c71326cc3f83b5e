import { openVotingOperation } from '@/lib/actions/operations';
import { proposalWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/**
 * POST /api/v1/orgs/{slug}/proposals/{number}/open-voting: a secretary or an admin opens voting on a
 * proposal the rules find ready (or whose window allows it early); the same operation as the proposal
 * page's "Open voting" button.
 */
export async function POST(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return proposalWrite(request, params, openVotingOperation, () => ({ ok: true, proposal: { number: Number(params.number), votingOpened: true } }), 200);
}
