import { scheduleMeetingOperation } from '@/lib/actions/operations';
import { loadApiMeetings } from '@/db/read/api-v1-meetings';
import { readableOrganization } from '@/lib/api/auth';
import { readResponse } from '@/lib/api/read';
import { organizationWrite } from '@/lib/api/write';
import { now } from '@/lib/clock';

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/orgs/{slug}/meetings: every meeting, latest first, with its irregular flag, as the meetings page lists them. */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug } = await context.params;
  const ctx = await readableOrganization(request, slug, now());
  if (ctx instanceof Response) return ctx;
  return readResponse(await loadApiMeetings(ctx.org.id), ctx.caller, ctx.org);
}

/** POST /api/v1/orgs/{slug}/meetings: schedules a meeting from the meeting form's fields as JSON (a secretary or an admin); the same operation as the form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return organizationWrite(request, await context.params, scheduleMeetingOperation, (_input, r) => ({ ok: true, meeting: { number: r.number } }));
}
