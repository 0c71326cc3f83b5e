import { setStakeholderGroupOperation } from '@/lib/actions/operations';
import { memberWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; userId: string }> };

/** PUT /api/v1/orgs/{slug}/members/{userId}/stakeholder-group: `{ "group" }` sets a member's stakeholder group, empty or absent clears it (a write token; an admin, as the form). */
export async function PUT(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return memberWrite(request, params, setStakeholderGroupOperation, (input) => ({
    ok: true,
    member: { userId: params.userId, stakeholderGroup: input.group },
  }));
}
