import { loadApiWebhookEndpoints } from '@/db/read/webhooks';
import { registerWebhookApiOperation } from '@/lib/actions/operations';
import { adminReadable, readResponse } from '@/lib/api/read';
import { organizationWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/orgs/{slug}/webhooks: the organization's webhook endpoints, never their secrets; an admin's token (read scope will do). */
export async function GET(request: Request, context: Context): Promise<Response> {
  const ctx = await adminReadable(request, (await context.params).slug);
  if (ctx instanceof Response) return ctx;
  return readResponse(await loadApiWebhookEndpoints(ctx.org.id), ctx.caller, ctx.org);
}

/**
 * POST /api/v1/orgs/{slug}/webhooks: `{ "url", "kinds"? }` registers an endpoint (an admin's write token), through the
 * settings form's operation: the same destination check (no private or loopback address), the same limit of endpoints.
 * The answer carries the signing secret, once, as the form shows it; it is never shown again.
 */
export async function POST(request: Request, context: Context): Promise<Response> {
  return organizationWrite(request, await context.params, registerWebhookApiOperation, (input, result) => ({
    ok: true,
    endpoint: { id: result.id, kinds: input.kinds, enabled: true },
    secret: result.secret,
  }));
}
