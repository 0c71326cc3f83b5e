import { loadApiWrittenConsent } from '@/db/read/api-v1-written-consents';
import { readOneByNumber } from '@/lib/api/read';

type Context = { params: Promise<{ slug: string; number: string }> };

/** GET /api/v1/orgs/{slug}/written-consents/{number}: one written consent as its page shows it to the caller: its text, signers, phase and what the caller may do. */
export async function GET(request: Request, context: Context): Promise<Response> {
  return readOneByNumber(request, context.params, 'written consent', loadApiWrittenConsent);
}
