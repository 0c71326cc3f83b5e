import { deleteWebhookOperation } from '@/lib/actions/operations';
import { rowWriteWith } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; id: string }> };

/** DELETE /api/v1/orgs/{slug}/webhooks/{id}: deletes the endpoint and its delivery history (an admin's write token); the method is the form's confirmation. */
export async function DELETE(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return rowWriteWith(request, params, 'endpointId', { confirmDelete: 'yes' }, deleteWebhookOperation, () => ({
    ok: true,
    endpoint: { id: params.id, deleted: true },
  }));
}
