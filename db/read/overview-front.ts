import 'server-only';
import type { Executor } from '@/db/client';
import { listFrontProposals, listProposalPage } from '@/db/queries/proposal-reads';
import type { SettledCounts } from '@/db/queries/proposal-reads';
import type { ProposalListFilter } from '@/lib/validation/proposal-list';
import { charterOverview, loadOrganizationBodies, summarizeProposals } from './overview';
import type { OrganizationOverview } from './overview';

/** How many proposals the organization page lists (app/o/[slug]/page.tsx shows the newest eight not drafts). */
export const FRONT_PROPOSALS = 8;

export type OrganizationFront = OrganizationOverview & {
  /** How many proposals settled by `at` (a recorded outcome no later instant changes) and not in `proposals` have each outcome. */
  settled: SettledCounts;
};

/**
 * The organization page's overview without deriving every proposal's phase: `proposals` holds the
 * proposals not settled by `at` (every one still under way among them) and the newest `shown`
 * non-drafts, derived as loadOrganizationOverview derives them, newest first; `settled` counts the rest
 * by recorded outcome, which is their phase. So the page's list, its count of proposals under way
 * and the health counts are the same as from loadOrganizationOverview (test/integration/overview-front.test.ts).
 */
export async function loadOrganizationFront(
  db: Executor,
  orgId: string,
  viewerId: string | null,
  at: Date,
  shown = FRONT_PROPOSALS,
): Promise<OrganizationFront> {
  const [{ charter, bodies, seatRows }, { items, settled }] = await Promise.all([
    loadOrganizationBodies(db, orgId, at),
    listFrontProposals(db, orgId, viewerId, at, shown),
  ]);
  if (!charter) return { charter: null, bodies: [], proposals: [], settled: {} };
  return {
    charter: charterOverview(charter),
    bodies,
    proposals: await summarizeProposals(db, orgId, charter, seatRows, at, items),
    settled,
  };
}

/** How many proposals a page of /o/[slug]/proposals lists. */
export const PROPOSAL_PAGE_SIZE = 50;

/** One page of the proposals page (newest first), derived as loadOrganizationOverview derives them, and how many the viewer may see in all. */
export async function loadProposalPage(
  db: Executor,
  orgId: string,
  viewerId: string | null,
  at: Date,
  page: number,
  size = PROPOSAL_PAGE_SIZE,
  filter?: ProposalListFilter,
) {
  const [{ charter, seatRows }, { items, total }] = await Promise.all([
    loadOrganizationBodies(db, orgId, at),
    listProposalPage(db, orgId, viewerId, page, size, filter),
  ]);
  if (!charter) return { proposals: [], total: 0, page, size, types: [] };
  const types = charter.document.proposalTypes.map((t) => ({ key: t.key, name: t.name }));
  return { proposals: await summarizeProposals(db, orgId, charter, seatRows, at, items), total, page, size, types };
}
