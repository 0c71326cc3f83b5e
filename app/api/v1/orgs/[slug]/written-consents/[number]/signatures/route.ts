import { signWrittenConsentOperation } from '@/lib/actions/operations';
import { writtenConsentWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/written-consents/{number}/signatures: `{ "confirm": "yes" }`, a frozen signer signs; the same operation as the sign form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return writtenConsentWrite(
    request,
    params,
    signWrittenConsentOperation,
    (_input, r) => ({ ok: true, writtenConsent: { number: Number(params.number), signatures: r.signatures, of: r.of, adopted: r.adopted } }),
    201,
  );
}
