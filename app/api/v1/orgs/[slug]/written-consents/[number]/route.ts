import { loadApiWrittenConsent } from '@/db/read/api-v1-written-consents';
import { readableOrganization } from '@/lib/api/auth';
import { problem } from '@/lib/api/problem';
import { readResponse } from '@/lib/api/read';
import { now } from '@/lib/clock';

type Context = { params: Promise<{ slug: string; number: string }> };

/** GET /api/v1/orgs/{slug}/written-consents/{number}: one written consent as its page shows it to the caller: its text, signers, phase and what the caller may do. */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug, number } = await context.params;
  const at = now();
  const ctx = await readableOrganization(request, slug, at);
  if (ctx instanceof Response) return ctx;
  const consent = /^[1-9]\d{0,8}$/.test(number) ? await loadApiWrittenConsent(ctx.org.id, Number(number), ctx.viewerId, at) : null;
  if (!consent) return problem('api.not_found', { what: 'written consent' });
  return readResponse(consent, ctx.caller, ctx.org);
}
