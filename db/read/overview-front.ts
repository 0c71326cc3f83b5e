import 'server-only';
import type { Executor } from '@/db/client';
import { listFrontProposals, listProposalPage, unlistedFrontProposals } from '@/db/queries/proposal-reads';
import { getActiveCharter } from '@/db/queries/charters';
import { loadProposalPhaseRecords } from '@/db/queries/proposals';
import type { SettledCounts } from '@/db/queries/proposal-reads';
import type { ProposalListFilter } from '@/lib/validation/proposal-list';
import { isUnderWay, proposalPhaseUntil } from '@/lib/governance/phase';
import { orgWriteStamp } from '@/lib/public-cache/org-data';
import { SpanCache } from '@/lib/public-cache/span-cache';
import type { Phase } from '@/lib/governance/types';
import { charterOverview, charterVersions, loadOrganizationBodies, summarizeProposals } from './overview';
import type { OrganizationOverview } from './overview';

/** How many proposals the organization page lists (app/o/[slug]/page.tsx shows the newest eight not drafts). */
export const FRONT_PROPOSALS = 8;

export type OrganizationFront = OrganizationOverview & {
  /** How many proposals settled by `at` (a recorded outcome no later instant changes) and not in `proposals` have each outcome. */
  settled: SettledCounts;
  /** How many of the proposals neither in `proposals` nor settled are in each phase at `at` (proposalPhase, the rules' own). */
  unlisted: PhaseCounts;
};

export type PhaseCounts = Partial<Record<Phase['kind'], number>>;

/**
 * The organization page's overview without deriving every proposal in full: `proposals` holds the newest
 * `shown` non-drafts and the viewer's drafts, derived as loadOrganizationOverview derives them (status
 * lines and all), newest first; `unlisted` counts the other proposals not settled by `at` by their phase,
 * from proposalPhase on what it reads (loadProposalPhaseRecords: no ballots of open stages); `settled`
 * counts the rest by recorded outcome, which is their phase. So the page's list, its count of proposals
 * under way and the health counts are the same as from loadOrganizationOverview
 * (test/integration/overview-front.test.ts), and an organization with thousands of proposals under way
 * costs a row and its stages for each, not its full derivation.
 *
 * With `version` (the organization's data version the request read: lib/auth/org-page.ts), `unlisted`
 * is kept in this process (countUnlisted) and read again only after a write or once a deadline may have
 * changed a counted phase; without it, it is counted afresh.
 */
export async function loadOrganizationFront(
  db: Executor,
  orgId: string,
  viewerId: string | null,
  at: Date,
  shown = FRONT_PROPOSALS,
  version?: string,
): Promise<OrganizationFront> {
  const [{ charter, bodies, seatRows }, { items, settled }, unlisted] = await Promise.all([
    loadOrganizationBodies(db, orgId, at),
    listFrontProposals(db, orgId, viewerId, at, shown),
    version === undefined
      ? countUnlisted(db, orgId, at, shown).then((c) => c.value)
      : phaseCountCache().get(`${orgId}/${shown}`, `${version}:${orgWriteStamp(orgId)}`, at.getTime(), () => countUnlisted(db, orgId, at, shown)),
  ]);
  if (!charter) return { charter: null, bodies: [], proposals: [], settled: {}, unlisted: {} };
  return {
    charter: charterOverview(charter),
    bodies,
    proposals: await summarizeProposals(db, orgId, charter, seatRows, at, items),
    settled,
    unlisted,
  };
}

/**
 * The unlisted proposals (neither the newest `shown` nor drafts, nor settled by `at`: unlistedFrontProposals,
 * the same for every viewer since every draft is listed) counted by their phase at `at`, and `until`: the
 * earliest later instant at which a count may change with nothing written — the earliest instant at which
 * one of their phases may change (proposalPhaseUntil, the rules' own derivation) or one of them is counted
 * as settled instead (an outcome recorded after `at`). Until then, and while the organization's version
 * stands, the counts are the same at every instant.
 */
async function countUnlisted(db: Executor, orgId: string, at: Date, shown: number): Promise<{ value: PhaseCounts; until: number | null }> {
  const [charter, unlisted] = await Promise.all([
    getActiveCharter(db, orgId),
    loadProposalPhaseRecords(db, orgId, unlistedFrontProposals(db, orgId, null, at, shown), at),
  ]);
  if (!charter) return { value: {}, until: null };
  const charterOf = charterVersions(db, orgId, charter);
  const phases: PhaseCounts = {};
  let until: number | null = null;
  const endBy = (instant: Date | null) => {
    if (instant && instant.getTime() > at.getTime() && (until === null || instant.getTime() < until)) until = instant.getTime();
  };
  for (const { charterVersion, outcomeRecordedAt, record } of unlisted.values()) {
    const { phase, until: phaseUntil } = proposalPhaseUntil(record, await charterOf(charterVersion), at);
    phases[phase.kind] = (phases[phase.kind] ?? 0) + 1;
    endBy(phaseUntil);
    endBy(outcomeRecordedAt);
  }
  return { value: phases, until };
}

/** Organizations kept at once, each a dozen numbers: every organization read lately on a large server. */
const PHASE_COUNT_ENTRIES = 2_000;
const cacheKey = Symbol.for('quorate.phaseCountCache');
type GlobalWithCache = typeof globalThis & { [cacheKey]?: SpanCache<PhaseCounts> };

/** This process's cache of unlisted phase counts (one per process, like lib/public-cache/org-data.ts's). */
export function phaseCountCache(): SpanCache<PhaseCounts> {
  const g = globalThis as GlobalWithCache;
  return (g[cacheKey] ??= new SpanCache<PhaseCounts>({ maxEntries: PHASE_COUNT_ENTRIES }));
}

/** How many of the front's proposals are under way at `at`: listed ones by their derived phase, unlisted ones by their counted phase (settled ones never are). */
export function countUnderWay(front: Pick<OrganizationFront, 'proposals' | 'unlisted'>): number {
  const unlisted = Object.entries(front.unlisted).filter(([kind]) => isUnderWay({ kind: kind as Phase['kind'] }));
  return front.proposals.filter((p) => isUnderWay(p.phase)).length + unlisted.reduce((n, [, count]) => n + (count ?? 0), 0);
}

/** The decisions the health strip counts that are not among the front's listed proposals: settled ones by recorded outcome, unlisted ones by phase. */
export function decisionsNotListed(front: Pick<OrganizationFront, 'settled' | 'unlisted'>): SettledCounts {
  const out: SettledCounts = { ...front.settled };
  for (const kind of ['passed', 'rejected', 'failed_quorum', 'lapsed'] as const) {
    const n = front.unlisted[kind];
    if (n) out[kind] = (out[kind] ?? 0) + n;
  }
  return out;
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
