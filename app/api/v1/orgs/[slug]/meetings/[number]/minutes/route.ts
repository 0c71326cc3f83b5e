import { loadApiMinutes } from '@/db/read/api-v1-meeting-record';
import { readableOrganization } from '@/lib/api/auth';
import { problem } from '@/lib/api/problem';
import { readResponse } from '@/lib/api/read';
import { now } from '@/lib/clock';
import { draftMinutesOperation } from '@/lib/actions/operations';
import { meetingWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/meetings/{number}/minutes: `{ "text", "closedMatter" }`, a draft or a revision (a secretary or an admin); the same operation as the minutes form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return meetingWrite(
    request,
    await context.params,
    draftMinutesOperation,
    (_input, r) => ({ ok: true, meeting: { number: r.number }, minutes: { revision: r.revision } }),
    201,
  );
}

/** GET /api/v1/orgs/{slug}/meetings/{number}/minutes: the minutes as the meeting page shows them to the caller (a closed session's text only to the body until disclosed), their approval, and what the caller may do. */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug, number } = await context.params;
  const at = now();
  const ctx = await readableOrganization(request, slug, at);
  if (ctx instanceof Response) return ctx;
  const found = /^[1-9]\d{0,8}$/.test(number) ? await loadApiMinutes(ctx.org.id, Number(number), ctx.viewerId, at) : null;
  if (!found) return problem('api.not_found', { what: 'meeting' });
  return readResponse(found, ctx.caller, ctx.org);
}
