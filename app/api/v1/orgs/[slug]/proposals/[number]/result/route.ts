import { loadApiProposal } from '@/db/read/api-v1';
import { readableOrganization } from '@/lib/api/auth';
import { problem } from '@/lib/api/problem';
import { readResponse } from '@/lib/api/read';
import { now } from '@/lib/clock';

type Context = { params: Promise<{ slug: string; number: string }> };

/** The phases in which a proposal is decided (lib/governance/types.ts `Phase`): nothing more happens to it. */
const outcomes = new Set(['passed', 'rejected', 'failed_quorum', 'lapsed', 'withdrawn']);

/**
 * GET /api/v1/orgs/{slug}/proposals/{number}/result: whether the proposal is decided, how, and
 * each stage's count once that stage has closed (never while voting is open).
 */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug, number } = await context.params;
  const at = now();
  const ctx = await readableOrganization(request, slug, at);
  if (ctx instanceof Response) return ctx;
  const proposal = /^\d{1,10}$/.test(number) ? await loadApiProposal(ctx.org.id, Number(number), ctx.viewerId, at) : null;
  if (!proposal) return problem(request, 'api.not_found', { what: 'proposal' });
  const decided = outcomes.has(proposal.phase.kind);
  return readResponse(
    {
      number: proposal.number,
      title: proposal.title,
      decided,
      outcome: decided ? proposal.phase.kind : null,
      phase: proposal.phase,
      statusLabel: proposal.statusLabel,
      stages: proposal.stages.map((s) => ({ index: s.index, body: s.body, closesAt: s.closesAt, closed: s.closed, tally: s.tally })),
    },
    ctx.caller,
    ctx.org,
  );
}
