import { postCommentOperation } from '@/lib/actions/operations';
import { proposalWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/** POST /api/v1/orgs/{slug}/proposals/{number}/comments: the comment form's fields as JSON; the same operation as the form (lib/actions/operations.ts). */
export async function POST(request: Request, context: Context): Promise<Response> {
  return proposalWrite(request, await context.params, postCommentOperation, (_input, result) => ({ ok: true, comment: { id: result.id } }));
}
