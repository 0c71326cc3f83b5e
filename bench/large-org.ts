// A large organization's signed-in pages, server time (issue 17, item 3): `npm run bench -- --only large-org
// --members 100000 --proposals 20000 --log 1000000`.
//
// In process, like the organization-page breakdown in bench/pages.ts: each page's db/read loaders (the
// data the page renders, the same calls its page.tsx makes) timed against the organization seeded by
// seedScale (PostgreSQL, COPY), signed in as one of its members, median of 5 after one warm-up. The
// baseline is the same loaders on the small demo organization in the same run. Target: < 100 ms each.

import { args, fmt, log, ms, notes, num, table } from './common';
import type { BenchDatabase } from './common';

type Loaders = Record<string, () => Promise<unknown>>;

async function median(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * The loaders of the four pages, as their page.tsx calls them, for one organization and viewer. The
 * overview three ways: without a version (every request counts the proposals not listed by phase, as
 * before they were kept: the cost of a request after a write); as the page reads it, with the version
 * getOrgPageRow gives (timed with it), the counts kept (db/read/overview-front.ts) — as for a viewer with
 * drafts, or with the public cache off, so not the 10 s shared overview of lib/public-cache/org-data.ts;
 * and the same with a new version at every request (every request after a write: counted afresh).
 */
async function pageLoaders(orgId: string, viewerId: string): Promise<Loaders> {
  const { loadOrganizationPage, loadProposalList, loadWaitingForMyVote } = await import('@/db/read/org-page');
  const { getOrgPageRow } = await import('@/db/queries/org-page-context');
  const { getDb } = await import('@/db/client');
  const { organizations } = await import('@/db/schema');
  const { eq } = await import('drizzle-orm');
  const [{ slug }] = (await getDb().select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, orgId))) as [{ slug: string }];
  let written = 0;
  const overviewAt = async (nextVersion: (v: string) => string) => {
    const { version } = (await getOrgPageRow(getDb(), slug, viewerId))!;
    const at = new Date();
    return Promise.all([
      loadOrganizationPage(orgId, viewerId, at, { version: nextVersion(version), viewerHasDrafts: true }),
      loadWaitingForMyVote(orgId, viewerId, at, () => false),
    ]);
  };
  const { loadMemberList, loadPendingInvitations, loadStakeholderGroups } = await import('@/db/read/member-pages');
  const { loadSeatsPage } = await import('@/db/read/seats-page');
  // The middle page's Next link (a signed keyset cursor), as the page hands it out: read before timing.
  const middle = await loadMemberList(orgId, '', 500);
  const { publicPageVersion } = await import('@/db/queries/organizations');
  const { countMembersByRole } = await import('@/db/queries/memberships');
  return {
    // What every /o/[slug] page reads first (lib/auth/org-page.ts): the organization, the viewer's membership, the version.
    [`context getOrgPageRow (every /o/<slug> page)`]: () => getOrgPageRow(getDb(), slug, viewerId),
    // The public page cache's version check (lib/public-cache/server.ts), before every cached public page is served.
    [`context publicPageVersion (the public page cache's check)`]: () => publicPageVersion(getDb(), slug),
    [`context countMembersByRole (the overview's counts)`]: () => countMembersByRole(getDb(), orgId),
    [`overview /o/<slug>`]: () =>
      Promise.all([loadOrganizationPage(orgId, viewerId, new Date()), loadWaitingForMyVote(orgId, viewerId, new Date(), () => false)]),
    [`overview /o/<slug>, as the page reads it (version; counts kept)`]: () => overviewAt((v) => v),
    [`overview /o/<slug>, as the page reads it, a write before every request (a new version each: counted afresh)`]: () =>
      overviewAt((v) => `${v}#${++written}`),
    [`members /o/<slug>/members`]: () => Promise.all([loadMemberList(orgId, '', 1), loadPendingInvitations(orgId), loadStakeholderGroups(orgId)]),
    [`proposals /o/<slug>/proposals`]: () => loadProposalList(orgId, viewerId, new Date(), 1),
    [`proposals /o/<slug>/proposals?page=200`]: () => loadProposalList(orgId, viewerId, new Date(), 200),
    // Full-text search (proposal_revisions_search_idx): one match, and a word every generated proposal has.
    [`proposals /o/<slug>/proposals?q=12345`]: () => loadProposalList(orgId, viewerId, new Date(), 1, { q: '12345', type: null, state: null }),
    [`proposals /o/<slug>/proposals?q=generated (every one matches)`]: () =>
      loadProposalList(orgId, viewerId, new Date(), 1, { q: 'generated', type: null, state: null }),
    [`proposals /o/<slug>/proposals?state=undecided`]: () => loadProposalList(orgId, viewerId, new Date(), 1, { q: '', type: null, state: 'undecided' }),
    [`members /o/<slug>/members?page=500 (the middle, by its number: OFFSET)`]: () => loadMemberList(orgId, '', 500),
    [`members /o/<slug>/members?page=501&c=… (the middle, by the Next link: keyset)`]: () => loadMemberList(orgId, '', 501, middle.cursors.next ?? ''),
    [`members /o/<slug>/members?q=member12`]: () => loadMemberList(orgId, 'member12', 1),
    [`seats /o/<slug>/seats`]: () => loadSeatsPage(orgId, { userId: viewerId, isAdmin: false }, new Date()),
  };
}

/** A member of the organization who is neither its founder nor an admin, if there is one. */
async function memberOf(db: BenchDatabase['pg']['db'], orgId: string): Promise<string> {
  const { memberships } = await import('@/db/schema');
  const { and, eq } = await import('drizzle-orm');
  const [m] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'member')))
    .limit(1);
  if (!m) throw new Error('large-org bench: the organization has no plain member');
  return m.userId;
}

export async function largeOrgBench({ pg, pgUrl }: BenchDatabase, demo: { orgId: string }): Promise<void> {
  const { setDatabaseHandleForTests } = await import('@/db/client');
  const { seedScale } = await import('@/db/seed/scale');
  const sizes = { members: num('members'), proposals: num('proposals'), log: num('log'), decided: args.decided === undefined ? 0 : num('decided') };
  log(`(l) seeding ${fmt(sizes.members)} members, ${fmt(sizes.proposals)} proposals (${fmt(sizes.decided)} decided), ${fmt(sizes.log)} log entries`);
  const t0 = performance.now();
  const big = await seedScale(pg, pgUrl, { slug: 'bench-large-org', ...sizes }, (phase, done, total) => {
    if (done === total) log(`seed ${phase} ${fmt(done)}/${fmt(total)}`);
  });
  notes.push(`(l) seedScale (PostgreSQL, COPY): ${fmt((performance.now() - t0) / 1000, 1)} s for ${JSON.stringify(sizes)}.`);
  // The loaders read getDb(): point it at the bench database.
  setDatabaseHandleForTests(pg);
  const small = await pageLoaders(demo.orgId, await memberOf(pg.db, demo.orgId));
  const large = await pageLoaders(big.orgId, await memberOf(pg.db, big.orgId));
  for (const page of Object.keys(large)) {
    log(`(l) ${page}`);
    const base = await median(small[page]!);
    const measured = await median(large[page]!);
    table.push({
      figure: `(l) ${page} loaders, signed in as a member: ${fmt(sizes.members)} members, ${fmt(sizes.proposals)} proposals (${fmt(sizes.decided)} decided), ${fmt(sizes.log)} log entries`,
      measured: `${ms(measured)} (median of 5, in process)`,
      baseline: `demo organization: ${ms(base)}`,
      ratio: `${fmt(measured / base, 1)}×`,
      target: '< 100 ms',
      met: measured < 100 ? 'yes' : 'no',
    });
  }
  const { phaseCountCache } = await import('@/db/read/overview-front');
  const { hits, misses } = phaseCountCache().stats;
  notes.push(`(l) the kept phase counts (db/read/overview-front.ts) over the run: ${fmt(hits)} requests served, ${fmt(misses)} counted afresh.`);
  setDatabaseHandleForTests(undefined);
}
