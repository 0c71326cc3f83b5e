import 'server-only';
import type { Executor } from '@/db/client';
import { listFrontProposals } from '@/db/queries/proposal-reads';
import type { SettledProposal } from '@/db/queries/proposal-reads';
import type { Phase } from '@/lib/governance/types';
import { charterOverview, loadOrganizationBodies, summarizeProposals } from './overview';
import type { OrganizationOverview } from './overview';

/** How many proposals the organization page lists (app/o/[slug]/page.tsx shows the newest eight not drafts). */
export const FRONT_PROPOSALS = 8;

export type OrganizationFront = OrganizationOverview & {
  /** Every proposal settled by `at` (recorded outcome no later instant changes) and not in `proposals`. */
  settled: SettledProposal[];
};

/**
 * The organization page's overview without deriving every proposal's phase: `proposals` holds the
 * proposals not settled by `at` (every one still under way among them) and the newest FRONT_PROPOSALS
 * non-drafts, derived as loadOrganizationOverview derives them, newest first; `settled` the rest, each
 * with its recorded outcome, which is its phase. So the page's list, its count of proposals under way
 * and the health counts are the same as from loadOrganizationOverview (test/integration/overview-front.test.ts).
 */
export async function loadOrganizationFront(db: Executor, orgId: string, viewerId: string | null, at: Date): Promise<OrganizationFront> {
  const [{ charter, bodies, seatRows }, { items, settled }] = await Promise.all([
    loadOrganizationBodies(db, orgId, at),
    listFrontProposals(db, orgId, viewerId, at, FRONT_PROPOSALS),
  ]);
  if (!charter) return { charter: null, bodies: [], proposals: [], settled: [] };
  const listed = new Set(items.map((i) => i.id));
  return {
    charter: charterOverview(charter),
    bodies,
    proposals: await summarizeProposals(db, orgId, charter, seatRows, at, items),
    settled: settled.filter((s) => !listed.has(s.id)),
  };
}

/** Every proposal's id and phase kind, listed or settled: what the health counts read. */
export function frontPhases(front: OrganizationFront): { id: string; phase: { kind: Phase['kind'] } }[] {
  return [...front.proposals.map((p) => ({ id: p.id, phase: p.phase })), ...front.settled.map((s) => ({ id: s.id, phase: { kind: s.outcome } }))];
}
