import { setWebhookEnabledOperation } from '@/lib/actions/operations';
import { rowWriteWith } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; id: string }> };

function setEnabled(request: Request, params: { slug: string; id: string }, enabled: boolean): Promise<Response> {
  return rowWriteWith(request, params, 'endpointId', { enabled: String(enabled) }, setWebhookEnabledOperation, () => ({
    ok: true,
    endpoint: { id: params.id, enabled },
  }));
}

/** PUT /api/v1/orgs/{slug}/webhooks/{id}/enabled: the endpoint is sent deliveries again (an admin's write token), as the Enable button. */
export async function PUT(request: Request, context: Context): Promise<Response> {
  return setEnabled(request, await context.params, true);
}

/** DELETE /api/v1/orgs/{slug}/webhooks/{id}/enabled: no more deliveries to the endpoint until enabled again, as the Disable button. */
export async function DELETE(request: Request, context: Context): Promise<Response> {
  return setEnabled(request, await context.params, false);
}
