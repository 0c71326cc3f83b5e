import 'server-only';
import { getDb } from '@/db/client';
import { getActiveCharter, listSeats } from '@/db/queries/charters';
import { listMembers } from '@/db/queries/memberships';
import { listRatifiableDecisions } from '@/db/queries/emergency';

/** What the new-proposal form offers: the charter's types, the seats and members it can name, the emergency decisions awaiting ratification. */
export async function loadNewProposalPage(orgId: string, at: Date) {
  const db = getDb();
  const [charter, seats, members, ratifiable] = await Promise.all([
    getActiveCharter(db, orgId),
    listSeats(db, orgId),
    listMembers(db, orgId),
    listRatifiableDecisions(db, orgId, at),
  ]);
  return { charter, seats, members, ratifiable };
}
