import { revokeWrittenConsentSignatureOperation } from '@/lib/actions/operations';
import { writtenConsentWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/written-consents/{number}/signatures/revoke: `{ "confirm": "yes" }`, a signer revokes their signature while it is open; the same operation as the revoke form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return writtenConsentWrite(request, params, revokeWrittenConsentSignatureOperation, (_input, r) => ({
    ok: true,
    writtenConsent: { number: Number(params.number), signatures: r.signatures, of: r.of },
  }));
}
