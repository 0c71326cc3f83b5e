import { declareEligibilityOperation } from '@/lib/actions/operations';
import { proposalWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/**
 * POST /api/v1/orgs/{slug}/proposals/{number}/eligibility-declaration: no body, the appointee of a class seat declares in their own
 * name the qualification the proposal states (logged; voting waits for it); the same operation as the proposal page's Declare button.
 */
export async function POST(request: Request, context: Context): Promise<Response> {
  return proposalWrite(request, await context.params, declareEligibilityOperation, () => ({ ok: true, declaration: { declared: true } }));
}
