// The organization page's overview (loadOrganizationFront) against the one deriving every proposal
// (loadOrganizationOverview): the same listed proposals, the same count under way and the same health
// counts, on the demo organization at several instants as the worker records outcomes (and as it lags),
// and on an organization with many proposals at once in every phase (comment window, awaiting answers,
// voting, closed but not recorded, recorded, withdrawn), most of them counted by phase, not listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { organizations, proposals } from '@/db/schema';
import { loadOrganizationOverview } from '@/db/read/overview';
import type { OrganizationOverview } from '@/db/read/overview';
import { FRONT_PROPOSALS, countUnderWay, decisionsNotListed, loadOrganizationFront, loadProposalPage, phaseCountCache } from '@/db/read/overview-front';
import type { OrganizationFront } from '@/db/read/overview-front';
import { listPublicationNoticeCoverage, sumPublicationNoticeCoverage } from '@/db/queries/org-page';
import { getOrgPageRow } from '@/db/queries/org-page-context';
import { seedDemo } from '@/db/seed';
import { createTestDatabase } from '@/db/testing';
import { organizationHealth } from '@/lib/governance/health';
import { getActiveCharter } from '@/db/queries/charters';
import { loadProposalPhaseRecords, loadProposals } from '@/db/queries/proposals';
import { isUnderWay, proposalPhase } from '@/lib/governance/phase';
import { postComment } from '@/lib/use-cases/comments';
import { recordTransitions, runTransitions } from '@/lib/use-cases/transitions';
import { withdrawProposal } from '@/lib/use-cases/withdraw';
import { foundOrganization } from './fixtures/organization';
import { castBallots, publishedProposal } from './fixtures/scenario';

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
async function oldPageNumbers(overview: OrganizationOverview, shown: number, org = orgId) {
  const coverage = new Map((await listPublicationNoticeCoverage(handle.db, org)).map((n) => [n.proposalId, n]));
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
async function newPageNumbers(front: OrganizationFront, shown: number, org = orgId) {
  return {
    shown: front.proposals.filter((p) => p.status !== 'draft').slice(0, shown),
    underWay: countUnderWay(front),
    health: organizationHealth({
      strengths: front.bodies.map((b) => b.strength),
      proposals: front.proposals.map((p) => ({ phase: p.phase })),
      settled: decisionsNotListed(front),
      noticeTotals: await sumPublicationNoticeCoverage(handle.db, org),
      participation: [],
    }),
    bodies: front.bodies,
  };
}

/** How many proposals the front counts by phase without listing them. */
const counted = (front: OrganizationFront) => Object.values(front.unlisted).reduce((a, b) => a + b, 0);

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
          expect(front.proposals.length + settled + counted(front)).toBe(all.proposals.length);
          settledSeen = Math.max(settledSeen, settled);
        }
      }
    }
    // The test means something: some proposals were settled and left out of the derivation.
    expect(settledSeen).toBeGreaterThan(1);
    expect((await handle.db.select({ outcome: proposals.outcome }).from(proposals)).filter((p) => p.outcome !== null).length).toBeGreaterThan(2);
  });

  it('counts many proposals at once in every phase as deriving each in full does, listing only the newest', async () => {
    const t0 = at(400);
    const day = (d: number, h = 0) => new Date(t0.getTime() + d * DAY + h * 3_600_000);
    const org = await foundOrganization(handle.db, { slug: 'many-under-way', seated: 9, at: t0 });
    const ids: string[] = [];
    let concern: string | null = null;
    // The worker, for this organization only (the demo's proposals keep their own history).
    const worker = async (when: Date) => {
      for (const id of ids) await recordTransitions(handle.db, id, org.orgId, when);
    };
    // A board resolution a day for 24 days: a 7-day comment window, then 3 days of board voting. The worker runs
    // each day until day 20, then lags; ballots by the proposal's number: passed, rejected, too few (quorum), none.
    for (let d = 0; d <= 24; d++) {
      if (d < 24) {
        const fields = d === 5 ? { typeKey: 'officer_removal', subjectUserId: org.people[8]!.userId, effect: { seatId: org.boardSeats[8]! } } : {};
        ids.push(await publishedProposal(handle.db, org.people[d % 3]!, org.orgId, { title: `Resolution ${d}`, body: `Text ${d}.`, ...fields }, day(d)));
      }
      // A concern on the removal in its comment window: it waits for the author's answer (the consultation gate), answered on day 21.
      const comment = (who: number, parentId: string | null, stance: 'concern' | 'none', asReply: boolean, when: Date) =>
        postComment(handle.db, org.people[who]!, { orgId: org.orgId, proposalId: ids[5]!, parentId, body: `Comment by ${who}.`, stance, asReply }, when);
      if (d === 6) concern = (await comment(4, null, 'concern', false, day(6))).id;
      if (d === 6) await comment(8, null, 'none', true, day(6, 1));
      if (d === 21) await comment(2, concern, 'none', false, day(21));
      if (d <= 20) await worker(day(d, 1));
      for (const [k, id] of ids.entries()) {
        // Voting opens when the worker runs after the window (day k + 7), while it still runs; not on the removal or the withdrawn.
        if (k === 5 || k === 9 || k === 14 || d !== k + 7 || d > 20) continue;
        const voters = [[0, 1, 2, 3, 4], [0, 1, 2, 3, 4], [0, 1], []][k % 4]!;
        await castBallots(handle.db, org, id, voters, k % 4 === 1 ? 'no' : 'yes', day(d, 2));
      }
      if (d === 9) await withdrawProposal(handle.db, org.people[9 % 3]!, { orgId: org.orgId, proposalId: ids[9]!, reason: 'Superseded.' }, day(9, 3));
      if (d === 16) await withdrawProposal(handle.db, org.people[14 % 3]!, { orgId: org.orgId, proposalId: ids[14]!, reason: 'Superseded.' }, day(16, 3));
    }
    const charter = (await getActiveCharter(handle.db, org.orgId))!.document;
    const kinds = new Set<string>();
    let countedUnderWay = 0;
    for (const readAt of [day(3), day(12), day(16, 12), day(20, 12), day(23), day(26), day(40)]) {
      // Each proposal's phase from what loadProposalPhaseRecords reads is the one from its full record.
      const full = await loadProposals(handle.db, org.orgId, ids);
      const slim = await loadProposalPhaseRecords(handle.db, org.orgId, sql`true`, readAt);
      expect(slim.size).toBe(ids.length);
      for (const id of ids) {
        const phase = proposalPhase(full.get(id)!.record, charter, readAt);
        expect(proposalPhase(slim.get(id)!.record, charter, readAt)).toEqual(phase);
        kinds.add(phase.kind);
      }
      for (const [viewer, shown] of [
        [null, FRONT_PROPOSALS],
        [org.people[1]!.userId, 3],
        [null, 0],
      ] as const) {
        const all = await loadOrganizationOverview(handle.db, org.orgId, viewer, readAt);
        const front = await loadOrganizationFront(handle.db, org.orgId, viewer, readAt, shown);
        expect(await newPageNumbers(front, shown, org.orgId)).toEqual(await oldPageNumbers(all, shown, org.orgId));
        // With the version, as the page reads it (the counts kept per version and deadline): the same, at instants read out of order.
        const version = (await getOrgPageRow(handle.db, 'many-under-way', viewer))!.version;
        expect(await loadOrganizationFront(handle.db, org.orgId, viewer, readAt, shown, version)).toEqual(front);
        const settled = Object.values(front.settled).reduce((a, b) => a + b, 0);
        expect(front.proposals.length + settled + counted(front)).toBe(all.proposals.length);
        // Only the newest are derived in full; the rest under way are counted.
        expect(front.proposals.length).toBeLessThanOrEqual(shown);
        countedUnderWay = Math.max(countedUnderWay, countUnderWay({ proposals: [], unlisted: front.unlisted }));
      }
    }
    // Many proposals under way were counted without being listed, and the organization really had every phase at some instant read.
    expect(countedUnderWay).toBeGreaterThan(8);
    expect([...kinds]).toEqual(
      expect.arrayContaining(['discussion', 'awaiting_answers', 'ready_for_voting', 'voting', 'passed', 'rejected', 'failed_quorum', 'withdrawn']),
    );
  }, 180_000);

  it('keeps the counts not listed per version until a deadline: a second request reads none, a write or a deadline passing reads again', async () => {
    const t0 = at(600);
    const day = (d: number, h = 0) => new Date(t0.getTime() + d * DAY + h * 3_600_000);
    const org = await foundOrganization(handle.db, { slug: 'counts-kept', seated: 9, at: t0 });
    const shown = 2;
    // Six board resolutions a day apart (7-day comment window, 3 days of voting): the oldest four are counted, not listed.
    const ids: string[] = [];
    for (let d = 0; d < 6; d++) ids.push(await publishedProposal(handle.db, org.people[d % 3]!, org.orgId, { title: `Kept ${d}`, body: `Text ${d}.` }, day(d)));
    const stats = phaseCountCache().stats;
    /** One request at `readAt`: the cached front equals the one counted afresh and the page's numbers equal deriving every proposal; whether it read. */
    const request = async (readAt: Date, viewer: string | null = null) => {
      const misses = stats.misses;
      const version = (await getOrgPageRow(handle.db, 'counts-kept', viewer))!.version;
      const cached = await loadOrganizationFront(handle.db, org.orgId, viewer, readAt, shown, version);
      expect(cached).toEqual(await loadOrganizationFront(handle.db, org.orgId, viewer, readAt, shown));
      const all = await loadOrganizationOverview(handle.db, org.orgId, viewer, readAt);
      expect(await newPageNumbers(cached, shown, org.orgId)).toEqual(await oldPageNumbers(all, shown, org.orgId));
      return { read: stats.misses > misses, unlisted: cached.unlisted };
    };

    // Two requests in a row: the second is served the first's counts (for any viewer: the counted proposals are the same).
    expect(await request(day(5, 1))).toEqual({ read: true, unlisted: { discussion: 4 } });
    expect(await request(day(5, 2), org.people[1]!.userId)).toEqual({ read: false, unlisted: { discussion: 4 } });
    // A write between (a comment): the version moved, read again; then kept again.
    await postComment(
      handle.db,
      org.people[4]!,
      { orgId: org.orgId, proposalId: ids[0]!, parentId: null, body: 'A thought.', stance: 'none', asReply: false },
      day(5, 3),
    );
    expect((await request(day(5, 4))).read).toBe(true);
    expect((await request(day(6, 23))).read).toBe(false);
    // The oldest one's comment window closes at day 7 with nothing written: read again from then on.
    expect(await request(day(7, 1))).toEqual({ read: true, unlisted: { discussion: 3, ready_for_voting: 1 } });
    expect((await request(day(7, 2))).read).toBe(false);
    // The worker opens its vote (a write) and five seats vote yes; its vote closes three days later, unrecorded yet: passed, by its phase.
    await recordTransitions(handle.db, ids[0]!, org.orgId, day(7, 3));
    await castBallots(handle.db, org, ids[0]!, [0, 1, 2, 3, 4], 'yes', day(7, 4));
    expect(await request(day(7, 5))).toEqual({ read: true, unlisted: { discussion: 3, voting: 1 } });
    expect((await request(day(7, 6))).read).toBe(false);
    // The next window (day 8) passes first, then the vote's close (day 10, 3 h): each read again.
    expect(await request(day(8, 1))).toEqual({ read: true, unlisted: { discussion: 2, ready_for_voting: 1, voting: 1 } });
    expect(await request(day(10, 4))).toEqual({ read: true, unlisted: { ready_for_voting: 3, passed: 1 } });
    // A clock moved back (the end-to-end suite's) reads again rather than serve counts from a later instant.
    expect(await request(day(6))).toEqual({ read: true, unlisted: { discussion: 4 } });
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
