import { declareRecusalOperation } from '@/lib/actions/operations';
import { proposalWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/proposals/{number}/recusals: `{ "reason" }`, a seat holder of a deciding body recuses their seat (public, on the log); the same operation as the recusal form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return proposalWrite(request, await context.params, declareRecusalOperation, () => ({ ok: true, recusal: { recorded: true } }));
}
