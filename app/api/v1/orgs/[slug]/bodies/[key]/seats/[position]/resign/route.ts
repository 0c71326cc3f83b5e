import { resignSeatOperation } from '@/lib/actions/operations';
import { seatWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; key: string; position: string }> };

/** POST /api/v1/orgs/{slug}/bodies/{key}/seats/{position}/resign: no body, the caller resigns the seat they hold; the same operation as the seats page's Resign button. */
export async function POST(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return seatWrite(request, params, resignSeatOperation, () => ({ ok: true, seat: { body: params.key, position: Number(params.position), vacant: true } }));
}
