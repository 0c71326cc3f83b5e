import 'server-only';
import type { Executor } from '@/db/client';
import { canBeRatified, emergencyStatus } from '@/lib/governance/emergency';
import { getCharterVersion } from './charters';
import { logActorIds } from './log-lookups';
import { listUnratifiedEmergencyDecisions } from './proposal-changes';
import { loadProposal } from './proposals';

/** Seat holders of the first deciding body who have backed this proposal's emergency motion (from the log). */
export async function emergencyBackers(tx: Executor, orgId: string, proposalId: string): Promise<string[]> {
  return logActorIds(tx, orgId, `proposal:${proposalId}`, 'emergency.backed');
}

/** Passed, unlapsed, unratified emergency decisions of the organization, newest first: what a new proposal may ratify. */
export async function listRatifiableDecisions(db: Executor, orgId: string, at: Date): Promise<{ id: string; number: number; title: string; deadline: Date }[]> {
  const candidates = await listUnratifiedEmergencyDecisions(db, { orgId, passedOnly: false });
  const out: { id: string; number: number; title: string; deadline: Date }[] = [];
  for (const c of candidates) {
    const loaded = await loadProposal(db, orgId, c.id);
    if (!loaded) continue;
    const charter = await getCharterVersion(db, orgId, loaded.row.charterVersion);
    if (!charter || !canBeRatified(loaded.record, charter, at).ok) continue;
    const deadline = emergencyStatus(loaded.record, charter, at).deadline;
    if (deadline) out.push({ id: loaded.row.id, number: loaded.row.number, title: loaded.row.title, deadline });
  }
  return out.sort((a, b) => b.number - a.number);
}
