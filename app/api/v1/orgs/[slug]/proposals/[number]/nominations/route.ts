import { nominateCandidateOperation } from '@/lib/actions/operations';
import { proposalWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/proposals/{number}/nominations: `{ "nomineeUserId" }`, a nomination for a seat election's seats; the same operation as the nomination form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return proposalWrite(request, await context.params, nominateCandidateOperation, (input) => ({
    ok: true,
    nomination: { nomineeUserId: input.nomineeUserId, status: 'nominated' },
  }));
}
