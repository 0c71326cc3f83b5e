// The organization page's overview (loadOrganizationFront) against the one deriving every proposal
// (loadOrganizationOverview): the same listed proposals, the same count under way and the same health
// counts, on the demo organization at several instants as the worker records outcomes (and as it lags).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { organizations, proposals } from '@/db/schema';
import { loadOrganizationOverview } from '@/db/read/overview';
import type { OrganizationOverview } from '@/db/read/overview';
import { FRONT_PROPOSALS, loadOrganizationFront, loadProposalPage } from '@/db/read/overview-front';
import type { OrganizationFront } from '@/db/read/overview-front';
import { listPublicationNoticeCoverage, sumPublicationNoticeCoverage } from '@/db/queries/org-page';
import { seedDemo } from '@/db/seed';
import { createTestDatabase } from '@/db/testing';
import { organizationHealth } from '@/lib/governance/health';
import { isUnderWay } from '@/lib/governance/phase';
import { runTransitions } from '@/lib/use-cases/transitions';

const DAY = 86_400_000;
const base = new Date(Date.UTC(2026, 0, 10, 12));
const at = (days: number) => new Date(base.getTime() + days * DAY);

let handle: DatabaseHandle & { drop: () => Promise<void> };
let orgId: string;
let draftAuthor: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  ({ orgId } = await seedDemo(handle.db, () => {}, base));
  const [draft] = await handle.db.select({ authorId: proposals.authorId }).from(proposals).where(eq(proposals.status, 'draft')).limit(1);
  const [org] = await handle.db.select({ createdBy: organizations.createdBy }).from(organizations).where(eq(organizations.id, orgId));
  draftAuthor = draft?.authorId ?? org!.createdBy!;
});
afterAll(async () => handle.drop());

/** What the organization page showed from the overview deriving every proposal: its list, the count under way, the health counts. */
async function oldPageNumbers(overview: OrganizationOverview, shown: number) {
  const coverage = new Map((await listPublicationNoticeCoverage(handle.db, orgId)).map((n) => [n.proposalId, n]));
  return {
    shown: overview.proposals.filter((p) => p.status !== 'draft').slice(0, shown),
    underWay: overview.proposals.filter((p) => isUnderWay(p.phase)).length,
    health: organizationHealth({
      strengths: overview.bodies.map((b) => b.strength),
      proposals: overview.proposals.map((p) => ({ phase: p.phase, noticeCoverage: coverage.get(p.id) })),
      participation: [],
    }),
    bodies: overview.bodies,
  };
}

/** The same numbers as db/read/org-page.ts now computes them. */
async function newPageNumbers(front: OrganizationFront, shown: number) {
  return {
    shown: front.proposals.filter((p) => p.status !== 'draft').slice(0, shown),
    underWay: front.proposals.filter((p) => isUnderWay(p.phase)).length,
    health: organizationHealth({
      strengths: front.bodies.map((b) => b.strength),
      proposals: front.proposals.map((p) => ({ phase: p.phase })),
      settled: front.settled,
      noticeTotals: await sumPublicationNoticeCoverage(handle.db, orgId),
      participation: [],
    }),
    bodies: front.bodies,
  };
}

describe('loadOrganizationFront', () => {
  it('gives the organization page the same numbers as deriving every proposal, as outcomes are recorded and while the worker lags', async () => {
    let settledSeen = 0;
    for (const recordAt of [0, 2, 9, 40, 120]) {
      // The worker records what is due at recordAt; pages read then and later (the worker lagging).
      for (let i = 0; i < 5 && (await runTransitions(handle.db, at(recordAt))) > 0; i++);
      for (const readAt of [recordAt, recordAt + 30]) {
        // The page's eight, and fewer so that settled proposals fall outside the list (the demo has about ten published).
        for (const [viewer, shown] of [
          [null, FRONT_PROPOSALS],
          [draftAuthor, FRONT_PROPOSALS],
          [null, 2],
          [draftAuthor, 1],
        ] as const) {
          const all = await loadOrganizationOverview(handle.db, orgId, viewer, at(readAt));
          const front = await loadOrganizationFront(handle.db, orgId, viewer, at(readAt), shown);
          expect(await newPageNumbers(front, shown)).toEqual(await oldPageNumbers(all, shown));
          expect(front.charter).toEqual(all.charter);
          // Nothing counted twice, nothing lost.
          const settled = Object.values(front.settled).reduce((a, b) => a + b, 0);
          expect(front.proposals.length + settled).toBe(all.proposals.length);
          settledSeen = Math.max(settledSeen, settled);
        }
      }
    }
    // The test means something: some proposals were settled and left out of the derivation.
    expect(settledSeen).toBeGreaterThan(1);
    expect((await handle.db.select({ outcome: proposals.outcome }).from(proposals)).filter((p) => p.outcome !== null).length).toBeGreaterThan(2);
  });

  it('pages through the proposals page: the pages together are every proposal the viewer sees, derived the same way', async () => {
    for (const viewer of [null, draftAuthor]) {
      const all = await loadOrganizationOverview(handle.db, orgId, viewer, at(3));
      const paged = [];
      for (let page = 1; page <= Math.ceil(all.proposals.length / 3) + 1; page++) {
        const p = await loadProposalPage(handle.db, orgId, viewer, at(3), page, 3);
        expect(p.total).toBe(all.proposals.length);
        paged.push(...p.proposals);
      }
      expect(paged).toEqual(all.proposals);
    }
  });
});
