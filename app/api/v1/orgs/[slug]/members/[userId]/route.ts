import { removeMemberOperation } from '@/lib/actions/operations';
import { memberWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; userId: string }> };

/** DELETE /api/v1/orgs/{slug}/members/{userId}: removes a member (a write token; an admin, by the rules the form's button asks: not the last admin, not oneself, not a seat holder). */
export async function DELETE(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return memberWrite(request, params, removeMemberOperation, () => ({ ok: true, member: { userId: params.userId, removed: true } }));
}
