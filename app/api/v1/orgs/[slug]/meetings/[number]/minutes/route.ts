import { loadApiMinutes } from '@/db/read/api-v1-meeting-record';
import { readOneByNumber } from '@/lib/api/read';
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
  return readOneByNumber(request, context.params, 'meeting', loadApiMinutes);
}
