import { backEmergencyMotionOperation } from '@/lib/actions/operations';
import { proposalWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/**
 * POST /api/v1/orgs/{slug}/proposals/{number}/emergency-backings: no body, the caller's seat backs the proposal's emergency
 * motion in discussion (a seat holder of its first deciding body); the same operation as the Back button. `approved` once enough seats back it.
 */
export async function POST(request: Request, context: Context): Promise<Response> {
  return proposalWrite(request, await context.params, backEmergencyMotionOperation, (_input, r) => ({
    ok: true,
    emergency: { backers: r.backers, approved: r.approved },
  }));
}
