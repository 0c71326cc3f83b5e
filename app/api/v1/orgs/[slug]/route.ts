import { loadApiOrganization } from '@/db/read/api-v1';
import { readableOrganization } from '@/lib/api/auth';
import { readResponse } from '@/lib/api/read';
import { now } from '@/lib/clock';

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/orgs/{slug}: the organization, its charter version and its bodies with their seats and holders, as its public page shows them. */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug } = await context.params;
  const at = now();
  const ctx = await readableOrganization(request, slug, at);
  if (ctx instanceof Response) return ctx;
  return readResponse(await loadApiOrganization(ctx.org, at), ctx.caller, ctx.org);
}
