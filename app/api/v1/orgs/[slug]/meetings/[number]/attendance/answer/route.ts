import { answerAttendanceOperation } from '@/lib/actions/operations';
import { meetingWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/meetings/{number}/attendance/answer: `{ "answer", "note" }`, the seat holder confirms or disputes their own record; the same operation as the form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return meetingWrite(request, await context.params, answerAttendanceOperation, (_input, r) => ({
    ok: true,
    meeting: { number: r.number },
    attendance: { answer: r.answer },
  }));
}
