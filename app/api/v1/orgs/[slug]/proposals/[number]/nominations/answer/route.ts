import { answerNominationOperation } from '@/lib/actions/operations';
import { proposalWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

const statusAfter = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' } as const;

/** POST /api/v1/orgs/{slug}/proposals/{number}/nominations/answer: `{ "answer", "declarationConfirmed"? }`, the caller's answer to their own nomination; the same operation as the nominee's form. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return proposalWrite(
    request,
    await context.params,
    answerNominationOperation,
    (input) => ({ ok: true, nomination: { status: statusAfter[input.answer] } }),
    200,
  );
}
