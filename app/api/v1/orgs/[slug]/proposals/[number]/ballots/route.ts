import { castBallotOperation } from '@/lib/actions/operations';
import { proposalWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/proposals/{number}/ballots: `{ "choice": "yes" | "no" | "abstain", "rationale"? }`; the same operation as the ballot form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return proposalWrite(request, await context.params, castBallotOperation, (input) => ({ ok: true, ballot: { choice: input.choice } }));
}
