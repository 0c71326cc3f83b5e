import { loadApiPetition } from '@/db/read/api-v1-acts';
import { readableOrganization } from '@/lib/api/auth';
import { problem } from '@/lib/api/problem';
import { readResponse } from '@/lib/api/read';
import { now } from '@/lib/clock';

type Context = { params: Promise<{ slug: string; number: string }> };

/** GET /api/v1/orgs/{slug}/petitions/{number}: one petition as its page shows it to the caller (signers' names only when the charter makes them public). */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug, number } = await context.params;
  const at = now();
  const ctx = await readableOrganization(request, slug, at);
  if (ctx instanceof Response) return ctx;
  const petition = /^[1-9]\d{0,8}$/.test(number) ? await loadApiPetition(ctx.org.id, Number(number), ctx.viewerId, at) : null;
  if (!petition) return problem('api.not_found', { what: 'petition' });
  return readResponse(petition, ctx.caller, ctx.org);
}
