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
