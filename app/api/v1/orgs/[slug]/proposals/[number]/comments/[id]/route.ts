import { deleteCommentOperation, editCommentOperation } from '@/lib/actions/operations';
import { proposalWriteWith } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string; id: string }> };

/** PATCH /api/v1/orgs/{slug}/proposals/{number}/comments/{id}: `{ "body" }`, the author's new text while comments are open; the same operation as the comment's edit form. */
export async function PATCH(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return proposalWriteWith(request, params, { commentId: params.id }, editCommentOperation, (input, r) => ({
    ok: true,
    comment: { id: input.commentId, revision: r.revision },
  }));
}

/** DELETE /api/v1/orgs/{slug}/proposals/{number}/comments/{id}: the author deletes their comment while comments are open (a tombstone); the same operation as the delete form. */
export async function DELETE(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return proposalWriteWith(request, params, { commentId: params.id }, deleteCommentOperation, (input) => ({
    ok: true,
    comment: { id: input.commentId, deleted: true },
  }));
}
