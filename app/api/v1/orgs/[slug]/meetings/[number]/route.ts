import { loadApiMeeting } from '@/db/read/api-v1-meetings';
import { readableOrganization } from '@/lib/api/auth';
import { problem } from '@/lib/api/problem';
import { readResponse } from '@/lib/api/read';
import { now } from '@/lib/clock';

type Context = { params: Promise<{ slug: string; number: string }> };

/** GET /api/v1/orgs/{slug}/meetings/{number}: one meeting with its agenda, notice, attendance and quorum, as its page shows them (names, never e-mail addresses). */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug, number } = await context.params;
  const at = now();
  const ctx = await readableOrganization(request, slug, at);
  if (ctx instanceof Response) return ctx;
  const meeting = /^\d{1,9}$/.test(number) ? await loadApiMeeting(ctx.org.id, Number(number), at) : null;
  if (!meeting) return problem(request, 'api.not_found', { what: 'meeting' });
  return readResponse(meeting, ctx.caller, ctx.org);
}
