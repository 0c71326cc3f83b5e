import { reviseProposalOperation } from '@/lib/actions/operations';
import { proposalWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/proposals/{number}/revisions: `{ "title", "body", "changeNote"?, "substantive"? }`, the author's revision; the same operation as the revise form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return proposalWrite(request, await context.params, reviseProposalOperation, (_input, result) => ({
    ok: true,
    revision: { number: result.revision, substantive: result.substantive },
  }));
}
