import { loadApiRollCalls } from '@/db/read/api-v1-meeting-record';
import { readOneByNumber } from '@/lib/api/read';
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

/** GET /api/v1/orgs/{slug}/meetings/{number}/roll-calls: the meeting's roll calls, each vote with its confirmation or dispute, the outcome and where it stands, as its page lists them (names, never e-mail addresses). */
export async function GET(request: Request, context: Context): Promise<Response> {
  return readOneByNumber(request, context.params, 'meeting', (orgId, number, _viewerId, at) => loadApiRollCalls(orgId, number, at));
}
