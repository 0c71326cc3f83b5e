import { withdrawWrittenConsentOperation } from '@/lib/actions/operations';
import { writtenConsentWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/written-consents/{number}/withdraw: `{ "confirm": "yes" }`, its opener or an admin withdraws it while it is open; the same operation as the withdraw form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return writtenConsentWrite(request, await context.params, withdrawWrittenConsentOperation, (_input, r) => ({
    ok: true,
    writtenConsent: { number: r.number, withdrawn: true },
  }));
}
