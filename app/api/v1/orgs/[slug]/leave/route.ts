import { leaveOrganizationOperation } from '@/lib/actions/operations';
import { organizationWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string }> };

/**
 * POST /api/v1/orgs/{slug}/leave: `{ "confirm": "leave" }` ends the caller's own membership (a write token), as the
 * members page's form does once its box is ticked: not the last admin (`membership.leave_last_admin`), not while holding
 * a seat (`membership.leave_seat_holder`).
 */
export async function POST(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return organizationWrite(request, params, leaveOrganizationOperation, () => ({ ok: true, membership: { left: true } }), 200);
}
