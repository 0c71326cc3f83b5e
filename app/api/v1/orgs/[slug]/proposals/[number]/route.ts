import { loadApiProposal } from '@/db/read/api-v1';
import { readableOrganization } from '@/lib/api/auth';
import { problem } from '@/lib/api/problem';
import { readResponse } from '@/lib/api/read';
import { now } from '@/lib/clock';

type Context = { params: Promise<{ slug: string; number: string }> };

/** GET /api/v1/orgs/{slug}/proposals/{number}: the proposal, its phase and stages, and each stage's count once it has closed. */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug, number } = await context.params;
  const at = now();
  const ctx = await readableOrganization(request, slug, at);
  if (ctx instanceof Response) return ctx;
  const proposal = /^\d{1,10}$/.test(number) ? await loadApiProposal(ctx.org.id, Number(number), ctx.viewerId, at) : null;
  if (!proposal) return problem(request, 'api.not_found', { what: 'proposal' });
  return readResponse(proposal, ctx.caller, ctx.org);
}
