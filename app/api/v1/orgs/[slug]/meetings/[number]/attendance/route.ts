import { recordAttendanceOperation } from '@/lib/actions/operations';
import { meetingWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/meetings/{number}/attendance: `{ "userId", "status" }` (a secretary or an admin, once the meeting started); the same operation as the attendance form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return meetingWrite(request, await context.params, recordAttendanceOperation, (input, r) => ({
    ok: true,
    meeting: { number: r.number },
    attendance: { userId: input.userId, name: r.name, status: input.status },
  }));
}
