import 'server-only';
import { getDb } from '@/db/client';
import { listSeatsWhoseHoldersAct } from '@/db/queries/charters';
import { listMembers } from '@/db/queries/memberships';
import { anyPublishedProposal } from '@/db/queries/seats-page';
import { foundingStatus } from '@/lib/governance/founding';
import { isStranded } from '@/lib/governance/vacancy';
import { charterOverview, loadOrganizationBodies } from '@/db/read/overview';
import type { OrganizationOverview } from '@/db/read/overview';

/**
 * The seats page: every body's seats, where the founding period stands (for everyone) and, for an admin, whether founding appointments are open
 * (nothing published yet) or which bodies nobody in office may refill (stranded), with the
 * members who could be appointed.
 */
export async function loadSeatsPage(orgId: string, viewer: { userId: string | null; isAdmin: boolean }, at: Date) {
  const db = getDb();
  // The page shows bodies and seats, no proposals: none are loaded.
  const { charter, bodies } = await loadOrganizationBodies(db, orgId, at);
  const overview: OrganizationOverview = { charter: charter ? charterOverview(charter) : null, bodies: charter ? bodies : [], proposals: [] };
  const founding = foundingStatus({ anyProposalPublished: await anyPublishedProposal(db, orgId), seats: overview.bodies.flatMap((b) => b.seats) });
  const foundingOpen = viewer.isAdmin && founding.open;
  // After the founding period, a body nobody in office may refill reopens to founding appointments.
  const actingSeats = viewer.isAdmin && !foundingOpen && overview.charter ? await listSeatsWhoseHoldersAct(db, orgId) : [];
  const strandedKeys = new Set(
    viewer.isAdmin && !foundingOpen && overview.charter
      ? overview.charter.document.bodies.filter((b) => isStranded(overview.charter!.document, b.key, actingSeats)).map((b) => b.key)
      : [],
  );
  const members = foundingOpen || strandedKeys.size > 0 ? await listMembers(db, orgId) : [];
  return { overview, founding, foundingOpen, strandedKeys, members };
}
