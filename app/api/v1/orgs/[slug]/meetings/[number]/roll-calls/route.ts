import { recordRollCallOperation } from '@/lib/actions/operations';
import { meetingWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/meetings/{number}/roll-calls: `{ "agendaItem", "motion", "votes" }` (a secretary or an admin); the same operation as the roll-call form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return meetingWrite(
    request,
    await context.params,
    recordRollCallOperation,
    (_input, r) => ({ ok: true, meeting: { number: r.meetingNumber }, rollCall: { number: r.number, carried: r.carried, held: r.held } }),
    201,
  );
}
