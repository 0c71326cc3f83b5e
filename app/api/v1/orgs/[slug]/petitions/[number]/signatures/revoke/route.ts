import { revokePetitionSignatureOperation } from '@/lib/actions/operations';
import { petitionWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/petitions/{number}/signatures/revoke: `{ "confirm": "yes" }`, the signer revokes their signature while signatures are taken; the same operation as the revoke form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return petitionWrite(
    request,
    params,
    revokePetitionSignatureOperation,
    (_input, r) => ({ ok: true, petition: { number: Number(params.number), signatureCount: r.count } }),
    200,
  );
}
