import { cancelMeetingOperation } from '@/lib/actions/operations';
import { meetingWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/meetings/{number}/cancel: `{ "reason" }`, before the start (a secretary or an admin); the same operation as the cancel form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return meetingWrite(request, await context.params, cancelMeetingOperation, (_input, r) => ({ ok: true, meeting: { number: r.number, cancelled: true } }));
}
