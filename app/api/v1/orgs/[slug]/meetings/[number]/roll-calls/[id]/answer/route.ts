import { answerRollCallVoteOperation } from '@/lib/actions/operations';
import { meetingWriteWith } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string; id: string }> };

/** POST /api/v1/orgs/{slug}/meetings/{number}/roll-calls/{id}/answer: `{ "answer", "note" }`, the voter confirms or disputes their recorded vote; the same operation as the form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return meetingWriteWith(request, params, { rollCallId: params.id }, answerRollCallVoteOperation, (_input, r) => ({
    ok: true,
    meeting: { number: r.meetingNumber },
    rollCall: { number: r.number, answer: r.answer },
  }));
}
