import { castChoiceBallotOperation } from '@/lib/actions/operations';
import { proposalWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/proposals/{number}/choice-ballots: `{ "preferences": "2,0,1" }`, a secret ranked, approval or STV ballot; the same operation as the ballot form. What it chose is not repeated back. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return proposalWrite(request, await context.params, castChoiceBallotOperation, () => ({ ok: true, ballot: { recorded: true } }));
}
