import { loadApiRollCalls } from '@/db/read/api-v1-meeting-record';
import { readableOrganization } from '@/lib/api/auth';
import { problem } from '@/lib/api/problem';
import { readResponse } from '@/lib/api/read';
import { now } from '@/lib/clock';
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
  const { slug, number } = await context.params;
  const at = now();
  const ctx = await readableOrganization(request, slug, at);
  if (ctx instanceof Response) return ctx;
  const found = /^[1-9]\d{0,8}$/.test(number) ? await loadApiRollCalls(ctx.org.id, Number(number), at) : null;
  if (!found) return problem('api.not_found', { what: 'meeting' });
  return readResponse(found, ctx.caller, ctx.org);
}
