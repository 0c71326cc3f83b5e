import { loadApiBodies } from '@/db/read/api-v1-more';
import { readableOrganization } from '@/lib/api/auth';
import { readResponse } from '@/lib/api/read';
import { now } from '@/lib/clock';

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/orgs/{slug}/bodies: every body's seats, who holds each, and each vacancy with its deadline. */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug } = await context.params;
  const at = now();
  const ctx = await readableOrganization(request, slug, at);
  if (ctx instanceof Response) return ctx;
  return readResponse(await loadApiBodies(ctx.org.id, at), ctx.caller, ctx.org);
}
