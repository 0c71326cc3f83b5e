import { raiseObjectionOperation } from '@/lib/actions/operations';
import { proposalWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/proposals/{number}/objections: `{ "reason" }`, a seat holder's objection to a decision by consent, public at once; the same operation as the objection form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return proposalWrite(request, await context.params, raiseObjectionOperation, () => ({ ok: true, objection: { standing: true } }));
}
