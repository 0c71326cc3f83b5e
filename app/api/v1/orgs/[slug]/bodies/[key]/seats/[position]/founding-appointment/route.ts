import { foundingAppointOperation } from '@/lib/actions/operations';
import { seatWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; key: string; position: string }> };

/**
 * POST /api/v1/orgs/{slug}/bodies/{key}/seats/{position}/founding-appointment: `{ "userId" }`, an admin seats a member in the
 * vacant seat while founding appointments are open; the same operation as the seats page's Appoint form.
 */
export async function POST(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return seatWrite(
    request,
    params,
    foundingAppointOperation,
    (input) => ({ ok: true, seat: { body: params.key, position: Number(params.position), vacant: false, holderUserId: input.userId } }),
    201,
  );
}
