import { replayWebhookDeliveryOperation } from '@/lib/actions/operations';
import { rowWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; id: string }> };

/** POST /api/v1/orgs/{slug}/webhooks/deliveries/{id}/replay: a dead delivery is sent again on the worker's next pass (an admin's write token), as the Replay button. */
export async function POST(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return rowWrite(request, params, 'deliveryId', replayWebhookDeliveryOperation, () => ({ ok: true, delivery: { id: params.id, status: 'pending' } }));
}
