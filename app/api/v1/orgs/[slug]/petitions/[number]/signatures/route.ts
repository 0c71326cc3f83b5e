import { signPetitionOperation } from '@/lib/actions/operations';
import { petitionWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/petitions/{number}/signatures: `{ "confirm": "yes" }`, the caller signs the petition; the same operation as the sign form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return petitionWrite(request, params, signPetitionOperation, (_input, result) => ({
    ok: true,
    petition: { number: Number(params.number), signatureCount: result.count, thresholdReached: result.thresholdReached },
  }));
}
