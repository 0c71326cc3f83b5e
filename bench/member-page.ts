// The proposal page of a member-wide vote at 100,000 members: `npm run bench -- --only member-page`.
//
// Two cooperatives seeded as bench/members.ts seeds them (seedMemberVotes: the real cooperative
// charter, delegations in chains, a member referendum published through the engine): one of
// `--members` (default 100,000) and a 100-member one, the baseline. Each referendum is opened by
// the engine, 70% of its roll votes (members who delegate nobody first, so the delegations carry
// the rest) and every ballot gets its `ballot.cast` log entry (sealed and chained here exactly as
// appendLogEntry would; bench/members.ts leaves them out). The page is then measured during voting
// and after the close recorded by the engine, at the same instants for both cooperatives (the
// server's test clock, QUORATE_UNSAFE_TEST_CLOCK):
//   - in process, the page's data loading (what app/o/[slug]/proposals/[number]/page.tsx reads);
//   - over HTTP against `next start`: signed out and rendered (the cache stepped aside), signed in
//     as a member carrying a chain of delegations, and signed out from the public page cache.
// Every figure is a median set against the same figure for the 100-member vote, in the same run.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { args, cleanups, fmt, load, log, ms, notes, startServer, table, UNCACHED } from './common';
import type { BenchDatabase } from './common';
import { delegationPlan, insertBallots, memberCount, seedMemberVotes } from './members';
import type { Database } from '@/db/client';

const SMALL = 100;
const RUNS = 7;
const VOTING_SHARE = 0.7;
const DAY = 86_400_000;

type Vote = { label: string; orgId: string; slug: string; proposalId: string; number: number; viewer: string; closesAt: Date; cookie: string };

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const samples = (xs: readonly number[]) => xs.map((x) => fmt(x)).join(', ');
const load1 = () => loadavg()[0]!.toFixed(2);

export async function memberPageBench({ pg, pgUrl }: BenchDatabase): Promise<void> {
  // The page's own reads (db/read) and the server share this database and this clock.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'quorate-bench-member-page-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  Object.assign(process.env, { DATABASE_URL: pgUrl, QUORATE_UNSAFE_TEST_CLOCK: '1', DATA_DIR: dataDir });
  const setClock = (at: Date) => writeFileSync(path.join(dataDir, 'test-clock-offset'), String(at.getTime() - Date.now()));
  const db = pg.db;
  const { recordTransitions } = await import('@/lib/use-cases/transitions');
  const { sessions, proposals } = await import('@/db/schema');
  const { newSession } = await import('@/scripts/support/action-client');
  const loads = [load1()];

  // --- Seed both cooperatives, open their votes, cast and log the ballots ----------------------
  const votes: Vote[] = [];
  for (const [label, n, slug, prefix] of [
    [`${fmt(memberCount())} members`, memberCount(), 'bench-members', 'bench-m-'],
    [`${SMALL} members`, SMALL, 'bench-members-small', 'bench-s-'],
  ] as const) {
    const seeded = await seedMemberVotes(db, n, 1, { slug, prefix });
    const proposalId = seeded.proposalIds[0]!;
    const done = await recordTransitions(db, proposalId, seeded.org.id, seeded.opensAt);
    if (done.join() !== 'discussion_closed,stage_0_opened') throw new Error(`opening gave ${done.join()}`);
    const castAt = new Date(seeded.opensAt.getTime() + 3_600_000);
    let t = performance.now();
    await insertBallots(db, proposalId, Math.round(n * VOTING_SHARE), castAt.toISOString());
    const [row] = await db.select({ number: proposals.number }).from(proposals).where(eq(proposals.id, proposalId));
    const logged = await appendBallotEntries(db, seeded.org.id, proposalId, row!.number, castAt);
    log(`(h) ${label}: ${fmt(logged)} ballots cast and logged in ${fmt((performance.now() - t) / 1000, 1)} s`);
    t = performance.now();
    const viewer = deepestDelegate(n, prefix);
    const session = newSession(viewer, 2);
    await db.insert(sessions).values(session);
    votes.push({
      label,
      orgId: seeded.org.id,
      slug,
      proposalId,
      number: row!.number,
      viewer,
      closesAt: seeded.closesAt,
      cookie: `quorate.session=${session.sessionToken}`,
    });
  }
  await db.execute(sql`analyze votes; analyze roll_entries; analyze decision_log`);
  const [big, small] = votes as [Vote, Vote];

  const server = await startServer({ DATABASE_URL: pgUrl, QUORATE_UNSAFE_TEST_CLOCK: '1', DATA_DIR: dataDir }, 'PostgreSQL (member page)');
  const url = (v: Vote) => `${server.base}/o/${v.slug}/proposals/${v.number}`;

  for (const phase of ['voting', 'closed'] as const) {
    if (phase === 'voting') {
      // Two days into both windows (the ballots were cast an hour in).
      setClock(new Date(Math.max(...votes.map((v) => v.closesAt.getTime())) - 5 * DAY));
    } else {
      for (const v of votes) {
        const t0 = performance.now();
        const done = await recordTransitions(db, v.proposalId, v.orgId, new Date(v.closesAt.getTime() + 1000));
        log(`(h) ${v.label}: closed in ${fmt(performance.now() - t0)} ms (${done.join(' → ')})`);
      }
      setClock(new Date(Math.max(...votes.map((v) => v.closesAt.getTime())) + DAY));
    }
    loads.push(load1());
    // In process: the page's data, signed out and as the delegate.
    for (const who of ['signed out', 'signed in'] as const) {
      const time = async (v: Vote) => {
        const out: number[] = [];
        for (let i = 0; i <= RUNS; i++) {
          const t0 = performance.now();
          await pageData(v, who === 'signed in' ? v.viewer : null);
          out.push(performance.now() - t0);
        }
        notes.push(`(h) ${phase}, ${v.label}, page data in process, ${who}: first load (not in the median) ${ms(out[0]!)}`);
        return out.slice(1);
      };
      row(`(h) ${phase}: page data in process (the page's db/read calls), ${who}`, await time(big), await time(small));
    }
    // Over HTTP: rendered every time (signed out, cache stepped aside), and signed in.
    for (const [who, headers] of [
      ['signed out, rendered every time', () => UNCACHED],
      ['signed in as a delegate', (v: Vote) => ({ cookie: v.cookie })],
    ] as const) {
      const time = async (v: Vote) => {
        const out: number[] = [];
        let bytes = 0;
        for (let i = 0; i <= RUNS; i++) {
          const t0 = performance.now();
          const res = await fetch(url(v), { headers: headers(v) });
          const text = await res.text();
          if (res.status !== 200) throw new Error(`GET ${url(v)}: ${res.status}`);
          out.push(performance.now() - t0);
          bytes = Buffer.byteLength(text);
        }
        notes.push(`(h) ${phase}, ${v.label}, ${who}: first request (not in the median) ${ms(out[0]!)}`);
        return { times: out.slice(1), bytes };
      };
      const a = await time(big);
      const b = await time(small);
      row(`(h) ${phase}: GET the proposal page over HTTP, ${who} (${fmt(a.bytes / 1024)} KiB vs ${fmt(b.bytes / 1024)} KiB)`, a.times, b.times);
    }
    if (args.shots) await screenshots(args.shots, url(big), big.cookie, server.base, phase);
    // Signed out from the public page cache: the one render a crowd waits on, then served.
    const missTimes: number[] = [];
    for (const v of votes) {
      const t0 = performance.now();
      const res = await fetch(url(v));
      await res.text();
      missTimes.push(performance.now() - t0);
      notes.push(`(h) ${phase}, ${v.label}: first signed-out request X-Quorate-Cache: ${res.headers.get('x-quorate-cache')}, ${ms(missTimes.at(-1)!)}`);
    }
    const hit = await load(url(big));
    const hitSmall = await load(url(small));
    const ratio = hit.rps / hitSmall.rps;
    table.push({
      figure: `(h) ${phase}: signed out, public page cache (autocannon): req/s, p50/p99; first (miss) request ${ms(missTimes[0]!)}`,
      measured: `${fmt(hit.rps)} req/s, ${ms(hit.p50)} / ${ms(hit.p99)}${hit.errors ? `, ${hit.errors} errors` : ''}`,
      baseline: `100-member vote's page: ${fmt(hitSmall.rps)} req/s, ${ms(hitSmall.p50)} / ${ms(hitSmall.p99)}; miss ${ms(missTimes[1]!)}`,
      ratio: `${fmt(ratio, 2)}×`,
      target: '≥ 0.7×, p99 < 50 ms',
      met: ratio >= 0.7 && hit.p99 < 50 ? 'yes' : 'no',
    });
  }
  loads.push(load1());
  table.push({
    figure: '(h) load average (1 min) before seeding, during voting, after the close, at the end',
    measured: loads.join(' / '),
    baseline: '',
    ratio: '',
    target: '',
    met: '',
  });
  if (server.stderr().trim()) notes.push(`member-page server stderr: ${server.stderr().trim().slice(-2000)}`);
  await server.stop();
}

/** The 100,000-member page signed in, full length, at 1280 px and at 390 px (Debian's chromium when present). */
async function screenshots(dir: string, pageUrl: string, cookie: string, base: string, phase: string): Promise<void> {
  const { chromium } = await import('playwright');
  const { existsSync, mkdirSync } = await import('node:fs');
  mkdirSync(dir, { recursive: true });
  const browser = await chromium.launch(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] } : {});
  try {
    for (const [name, width] of [
      ['desktop', 1280],
      ['390', 390],
    ] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const [cookieName, cookieValue] = cookie.split('=') as [string, string];
      await context.addCookies([{ name: cookieName, value: cookieValue, url: base }]);
      const page = await context.newPage();
      await page.goto(pageUrl, { timeout: 60_000 });
      await page.locator('details').evaluateAll((ds) => ds.forEach((d) => d.setAttribute('open', '')));
      await page.screenshot({ path: path.join(dir, `member-page-${phase}-${name}.png`), fullPage: true });
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

/** A figure set against the same figure for the 100-member vote (target: within 2× of it). */
function row(figure: string, times: readonly number[], base: readonly number[]): void {
  const m = median(times);
  const b = median(base);
  table.push({
    figure: `${figure}, median of ${times.length}`,
    measured: `${ms(m)} (${samples(times)})`,
    baseline: `the same for the 100-member vote: ${ms(b)}`,
    ratio: `${fmt(m / b, 2)}×`,
    target: '≤ 2× the 100-member page',
    met: m / b <= 2 ? 'yes' : 'no',
  });
}

/** What the page reads for one view (app/o/[slug]/proposals/[number]/page.tsx), as `viewerId`. */
async function pageData(v: Vote, viewerId: string | null): Promise<void> {
  const { findProposalForPage } = await import('@/db/read/proposal-page');
  const { loadProposalView } = await import('@/db/read/proposal-view');
  const { now } = await import('@/lib/clock');
  const loaded = await findProposalForPage(v.orgId, v.number, viewerId);
  if (!loaded) throw new Error('no proposal');
  await loadProposalView(v.orgId, loaded, viewerId ? { userId: viewerId, role: 'member' } : { userId: null, role: null }, now());
}

/** The member at the end of the longest chain of delegations (delegationPlan): what their ballot carries is followed furthest. */
function deepestDelegate(members: number, prefix: string): string {
  const plan = delegationPlan(members - 1);
  const delegatorOf = new Map<number, number>(plan.to.map((to, i) => [to, plan.from[i]!]));
  const delegates = new Set(plan.from);
  let best = -1;
  let bestDepth = 0;
  for (const end of new Set(plan.to)) {
    if (delegates.has(end)) continue;
    let depth = 0;
    for (let x = end; delegatorOf.has(x) && depth < 10; depth++) x = delegatorOf.get(x)!;
    if (depth > bestDepth) [best, bestDepth] = [end, depth];
  }
  return `${prefix}${String(best).padStart(7, '0')}`;
}

/**
 * A `ballot.cast` entry for every current ballot of the proposal, chained onto the log's head and
 * sealed with lib/log as appendLogEntry seals it (member ballots' payload, hiding commitment),
 * inserted in batches; the head (size, hash, Merkle frontier) moved past them.
 */
async function appendBallotEntries(db: Database, orgId: string, proposalId: string, number: number, at: Date): Promise<number> {
  const { decisionLog, logHeads } = await import('@/db/schema');
  const { rowsOf } = await import('@/db/queries/prepared');
  const { utf8 } = await import('@/lib/log/canonical');
  const { canonicalEntry } = await import('@/lib/log/entry');
  const { chainHash } = await import('@/lib/log/hash');
  const { appendLeaf, frontierFromJson, frontierToJson, leafHash } = await import('@/lib/log/merkle');
  const { nodeSha256 } = await import('@/lib/log/node-hash');
  const { BALLOT_COMMITMENT_SCHEME, hidingBallotCommitment } = await import('@/lib/log/ballot-commitment');
  const ballots = rowsOf(
    await db.execute(
      sql`select id, voter_user_id, choice::text as choice, nonce from votes where proposal_id = ${proposalId}::uuid and is_current order by cast_at, id`,
    ),
  );
  const [head] = await db.select().from(logHeads).where(eq(logHeads.orgId, orgId));
  if (!head) throw new Error('no log head');
  let prev = head.headHash;
  let frontier = frontierFromJson(head.frontier);
  let seq = head.size;
  let batch: (typeof decisionLog.$inferInsert)[] = [];
  for (const b of ballots) {
    seq++;
    const entry = {
      orgId,
      seq,
      at: at.toISOString(),
      actorId: String(b.voter_user_id),
      kind: 'ballot.cast',
      subject: `proposal:${proposalId}`,
      payload: {
        number,
        stageIndex: 0,
        voteId: String(b.id),
        member: true,
        voterUserId: String(b.voter_user_id),
        commitmentScheme: BALLOT_COMMITMENT_SCHEME,
        commitment: hidingBallotCommitment(nodeSha256, String(b.id), String(b.choice), String(b.nonce)),
      },
    };
    const canonical = canonicalEntry(entry);
    const hash = chainHash(nodeSha256, prev, canonical);
    frontier = appendLeaf(nodeSha256, frontier, leafHash(nodeSha256, utf8(canonical)));
    batch.push({ ...entry, at, entry: canonical, prevHash: prev, hash });
    prev = hash;
    if (batch.length === 2000) {
      await db.insert(decisionLog).values(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await db.insert(decisionLog).values(batch);
  await db
    .update(logHeads)
    .set({ size: seq, headHash: prev, frontier: frontierToJson(frontier), updatedAt: new Date() })
    .where(eq(logHeads.orgId, orgId));
  return ballots.length;
}
