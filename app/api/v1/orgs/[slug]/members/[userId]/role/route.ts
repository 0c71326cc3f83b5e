import { changeMemberRoleOperation } from '@/lib/actions/operations';
import { memberWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; userId: string }> };

/** PUT /api/v1/orgs/{slug}/members/{userId}/role: `{ "role" }` changes a member's role (a write token; an admin, by the rules the role form asks). */
export async function PUT(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return memberWrite(request, params, changeMemberRoleOperation, (input) => ({ ok: true, member: { userId: params.userId, role: input.role } }));
}
