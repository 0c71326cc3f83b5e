import { answerPetitionOperation } from '@/lib/actions/operations';
import { petitionWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/petitions/{number}/answer: `{ "answer" }`, the answering body's public answer (a secretary or an admin, once it is owed); the same operation as the answer form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return petitionWrite(
    request,
    params,
    answerPetitionOperation,
    (_input, r) => ({ ok: true, petition: { number: Number(params.number), answered: true, late: r.late } }),
    200,
  );
}
