import { revokeInvitationOperation } from '@/lib/actions/operations';
import { rowWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; id: string }> };

/**
 * DELETE /api/v1/orgs/{slug}/invitations/{id}: revokes a pending invitation (a write token; an admin, by the rules the
 * revoke button asks: `invitation.manage_admin_only` otherwise, `invitation.not_pending` once accepted), 404
 * `invitation.not_found_for_admin` for no such invitation.
 */
export async function DELETE(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return rowWrite(request, params, 'membershipId', revokeInvitationOperation, () => ({ ok: true, invitation: { id: params.id, revoked: true } }));
}
