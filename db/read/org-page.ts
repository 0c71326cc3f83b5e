import 'server-only';
import type { ProposalListFilter } from '@/lib/validation/proposal-list';
import { getDb } from '@/db/client';
import { getLogHead, getOrgVerifierKey } from '@/db/queries/log';
import { listRecentParticipation } from '@/db/queries/log-public';
import { countMembersByRole } from '@/db/queries/memberships';
import { listWaitingForMyVote } from '@/db/queries/my-votes';
import type { WaitingVote } from '@/db/queries/my-votes';
import { sumPublicationNoticeCoverage } from '@/db/queries/org-page';
import { latestWitnessings } from '@/db/queries/witnesses';
import { anyPublishedProposal } from '@/db/queries/seats-page';
import { countOverduePetitionAnswers } from '@/db/queries/petitions';
import { listMeetingSummaries } from './meetings';
import { listPetitionSummaries } from './petitions';
import { listWrittenConsentSummaries } from './written-consents';
import { foundingStatus } from '@/lib/governance/founding';
import { organizationHealth } from '@/lib/governance/health';
import { countUnderWay, decisionsNotListed, loadOrganizationFront, loadProposalPage } from '@/db/read/overview-front';
import { sharedOrgData } from '@/lib/public-cache/org-data';
import type { OrganizationOverview } from '@/db/read/overview';

export type { OrganizationOverview };

/** One page of the proposals page (newest first) with the viewer's total. */
export async function loadProposalList(orgId: string, viewerId: string | null, at: Date, page: number, filter?: ProposalListFilter) {
  return loadProposalPage(getDb(), orgId, viewerId, at, page, undefined, filter);
}

/**
 * Everything the organization's public page shows, with its health from the rules (organizationHealth).
 * With `shared` (the version the page read: lib/auth/org-page.ts), what every viewer sees alike is read
 * once per version and shared (lib/public-cache/org-data.ts) — unless the viewer has drafts, which the
 * page lists among the proposals for them alone: then it is all read for them. Either way, with the
 * version the proposals not listed are counted by phase once per version and deadline in this process
 * (loadOrganizationFront), not on every request.
 */
export function loadOrganizationPage(orgId: string, viewerId: string | null, at: Date, shared?: { version: string; viewerHasDrafts: boolean }) {
  if (!shared || (viewerId && shared.viewerHasDrafts)) return readOrganizationPage(orgId, viewerId, at, shared?.version);
  return sharedOrgData('overview', orgId, '', shared.version, () => readOrganizationPage(orgId, null, at, shared.version));
}

async function readOrganizationPage(orgId: string, viewerId: string | null, at: Date, version?: string) {
  const db = getDb();
  const [front, byRole, participation, head, verifier, witnessings, notices, published, overduePetitionAnswers, petitions, meetings, writtenConsents] =
    await Promise.all([
      loadOrganizationFront(db, orgId, viewerId, at, undefined, version),
      countMembersByRole(db, orgId),
      listRecentParticipation(db, orgId, 10),
      getLogHead(db, orgId),
      getOrgVerifierKey(db, orgId),
      latestWitnessings(db, orgId),
      sumPublicationNoticeCoverage(db, orgId),
      anyPublishedProposal(db, orgId),
      countOverduePetitionAnswers(db, orgId, at),
      listPetitionSummaries(orgId, at),
      listMeetingSummaries(orgId),
      listWrittenConsentSummaries(orgId, at),
    ]);
  const overview: OrganizationOverview = { charter: front.charter, bodies: front.bodies, proposals: front.proposals };
  const founding = foundingStatus({ anyProposalPublished: published, seats: overview.bodies.flatMap((b) => b.seats) });
  const health = organizationHealth({
    strengths: overview.bodies.map((b) => b.strength),
    // Listed proposals by their derived phase, the others by their counted phase or recorded outcome; notice coverage summed in SQL.
    proposals: front.proposals.map((p) => ({ phase: p.phase })),
    settled: decisionsNotListed(front),
    noticeTotals: front.charter ? notices : undefined,
    participation: participation.map((s) => ({ ballots: s.cast, eligible: s.charterSeats })),
    overduePetitionAnswers,
  });
  // Open written consents only: the org page shows what is being decided now.
  const openWrittenConsents = writtenConsents.filter((c) => c.phase.kind === 'open');
  // Proposals under way: the listed ones and the unlisted ones counted by phase (overview.proposals lists only the newest).
  const underWay = countUnderWay(front);
  return { overview, underWay, byRole, participation, head, verifier, witnessings, health, founding, petitions, meetings, openWrittenConsents };
}

export type { WaitingVote };

/** The open votes a member may cast and has not (decisions by consent left out: they take objections, not ballots). */
export async function loadWaitingForMyVote(orgId: string, userId: string, at: Date, isConsent: (typeKey: string) => boolean): Promise<WaitingVote[]> {
  return (await listWaitingForMyVote(getDb(), orgId, userId, at)).filter((w) => !isConsent(w.typeKey));
}
