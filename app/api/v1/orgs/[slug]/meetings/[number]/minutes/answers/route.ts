import { answerMinutesOperation } from '@/lib/actions/operations';
import { meetingWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/meetings/{number}/minutes/answers: `{ "revision", "answer" }`, a seat holder of the body approves or rejects the revision they read; the same operation as the form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return meetingWrite(request, await context.params, answerMinutesOperation, (input, r) => ({
    ok: true,
    meeting: { number: r.number },
    minutes: { revision: input.revision, approved: input.approve, sealed: r.sealed, approvals: r.approvals, needed: r.needed },
  }));
}
