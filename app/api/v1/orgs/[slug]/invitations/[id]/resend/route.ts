import { resendInvitationOperation } from '@/lib/actions/operations';
import { rowWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; id: string }> };

/**
 * POST /api/v1/orgs/{slug}/invitations/{id}/resend: mails a pending invitation's link again (a write token; an admin, by
 * the rules the resend button asks), spending the sign-in links' limit for that invitation as the button does (429 once spent).
 */
export async function POST(request: Request, context: Context): Promise<Response> {
  const params = await context.params;
  return rowWrite(request, params, 'membershipId', resendInvitationOperation, (_input, email) => ({
    ok: true,
    invitation: { id: params.id, email, resent: true },
  }));
}
