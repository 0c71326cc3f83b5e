import { followProposalOperation } from '@/lib/actions/operations';
import { proposalWriteWith } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** The answer: whether the caller follows the proposal now. */
const answer = (number: string) => (_input: unknown, result: { following: boolean }) => ({
  ok: true,
  proposal: { number: Number(number), following: result.following },
});

/** PUT /api/v1/orgs/{slug}/proposals/{number}/follow: the caller follows the proposal (e-mail for its comments, revisions and decision); the same operation as the Follow button. */
export async function PUT(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return proposalWriteWith(request, params, { follow: 'true' }, followProposalOperation, answer(params.number));
}

/** DELETE /api/v1/orgs/{slug}/proposals/{number}/follow: the caller no longer follows the proposal; the same operation as the Unfollow button. */
export async function DELETE(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return proposalWriteWith(request, params, { follow: 'false' }, followProposalOperation, answer(params.number));
}
