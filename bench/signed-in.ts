// Signed-in pages against the page floor (issue 17, item 1): `npm run bench -- --only signed-in`.
//
// The demo organization on PostgreSQL and on PGlite, `next start` against each, and autocannon at
// --connections (default 10) for --duration seconds after --warmup, one page after the other, in three
// rounds (a shared machine's load swings then fall on the floor and the pages alike):
//   - the page floor: the sign-in page, the cheapest dynamic page under the same root layout
//     (rendered on every request, no database read beyond the session check);
//   - the organization overview, signed in as a seat holder of the board (a real session row);
//   - the proposal page of the budget in voting (with its vote form), signed in as the same seat holder.
// Each page's requests per second are set against the floor's from the same server in the same
// run; the issue's target is ≥ 0.5× the floor and p99 under 100 ms.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { args, cleanups, fmt, load, log, ms, notes, startServer, table } from './common';
import type { Load } from './common';
import type { BenchDatabase } from './common';
import type { Database } from '@/db/client';

const VOTING_TITLE = 'Approve the 2027 operating budget';

export type Viewer = { slug: string; proposalNumber: number; cookie: string; name: string };

/** The demo's board seat holder and the proposal in voting, with a fresh session for them. */
export async function viewerFor(db: Database, orgId: string): Promise<Viewer> {
  const { organizations, seats, users, proposals, sessions } = await import('@/db/schema');
  const { newSession } = await import('@/scripts/support/action-client');
  const [org] = await db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, orgId));
  const [seat] = await db
    .select({ userId: seats.holderUserId, name: users.name })
    .from(seats)
    .innerJoin(users, eq(users.id, seats.holderUserId))
    .where(and(eq(seats.orgId, orgId), isNotNull(seats.holderUserId), isNull(seats.retiredAt)))
    .limit(1);
  const [voting] = await db
    .select({ number: proposals.number })
    .from(proposals)
    // The demo's proposal in voting when the seed ran (db/seed/demo-proposals.ts).
    .where(and(eq(proposals.orgId, orgId), eq(proposals.title, VOTING_TITLE)))
    .limit(1);
  if (!org || !seat?.userId || !voting) throw new Error('signed-in bench: the demo has no seat holder or no proposal in voting');
  const session = newSession(seat.userId, 2);
  await db.insert(sessions).values(session);
  return { slug: org.slug, proposalNumber: voting.number, cookie: `quorate.session=${session.sessionToken}`, name: seat.name ?? 'seat holder' };
}

/** Rounds of floor, overview, proposal page: the three measured in turn, ROUNDS times. */
const ROUNDS = 3;

/** Rounds of one load as one: mean req/s, mean p50, highest p99, errors summed. */
function combine(runs: Load[]): Load {
  const mean = (f: (l: Load) => number) => runs.reduce((sum, l) => sum + f(l), 0) / runs.length;
  return {
    rps: mean((l) => l.rps),
    p50: mean((l) => l.p50),
    p99: Math.max(...runs.map((l) => l.p99)),
    errors: runs.reduce((sum, l) => sum + l.errors, 0),
    bytes: mean((l) => l.bytes),
    detail: runs.map((l) => l.detail).join('; '),
  };
}

function row(label: string, page: string, measured: Load, floor: Load): void {
  const ratio = measured.rps / floor.rps;
  table.push({
    figure: `(i) ${label} ${page}, signed in as a seat holder: req/s, p50/p99`,
    measured: `${fmt(measured.rps, 1)} req/s, ${ms(measured.p50)} / ${ms(measured.p99)}${measured.errors ? `, ${measured.errors} errors` : ''}, ${fmt(measured.bytes / 1024)} KiB`,
    baseline: `page floor (/signin, rendered every time): ${fmt(floor.rps, 1)} req/s, ${ms(floor.p50)} / ${ms(floor.p99)}`,
    ratio: `${fmt(ratio, 3)}×`,
    target: '≥ 0.5×, p99 < 100 ms',
    met: ratio >= 0.5 && measured.p99 < 100 ? 'yes' : 'no',
  });
}

async function measure(label: string, env: Record<string, string>, viewer: Viewer): Promise<void> {
  const server = await startServer(env, label);
  const headers = { cookie: viewer.cookie };
  // Check the session really signs in (a page showing the sign-in link would measure the wrong thing).
  const probe = await fetch(`${server.base}/o/${viewer.slug}/proposals/${viewer.proposalNumber}`, { headers });
  const html = await probe.text();
  if (probe.status !== 200 || !html.includes(viewer.name)) throw new Error(`${label}: the proposal page did not render signed in (${probe.status})`);
  // In ROUNDS rounds of floor, overview, proposal page, so a shared machine's load swings fall on all three alike.
  const rounds: Load[][] = [];
  for (let r = 0; r < ROUNDS; r++) {
    log(`(i) ${label}: round ${r + 1} of ${ROUNDS}: floor, overview, proposal page`);
    rounds.push([
      await load(`${server.base}/signin`),
      await load(`${server.base}/o/${viewer.slug}`, headers),
      await load(`${server.base}/o/${viewer.slug}/proposals/${viewer.proposalNumber}`, headers),
    ]);
  }
  const [floor, overview, proposal] = [0, 1, 2].map((i) => combine(rounds.map((round) => round[i]!))) as [Load, Load, Load];
  notes.push(
    `(i) ${label}: each round's req/s, floor / overview / proposal page: ${rounds.map((round) => round.map((l) => fmt(l.rps, 1)).join(' / ')).join('; ')} (the rows: the mean of the rounds, p50 their mean, p99 their highest).`,
  );
  row(label, `/o/${viewer.slug}`, overview, floor);
  row(label, `/o/${viewer.slug}/proposals/${viewer.proposalNumber}`, proposal, floor);
  if (server.stderr().trim()) notes.push(`${label} server stderr: ${server.stderr().trim().slice(-2000)}`);
  await server.stop();
}

export async function signedInBench({ pg, pgUrl }: BenchDatabase, demo: { orgId: string }): Promise<void> {
  await measure('PostgreSQL', { DATABASE_URL: pgUrl }, await viewerFor(pg.db, demo.orgId));
  if (args['no-pglite']) return;
  const { createDatabase } = await import('@/db/client');
  const { migrateDatabase } = await import('@/db/migrate');
  const { seedDemo } = await import('@/db/seed');
  const dir = mkdtempSync(path.join(tmpdir(), 'quorate-bench-pglite-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const pgliteDir = path.join(dir, 'pglite');
  const lite = createDatabase({ pgliteDir });
  await migrateDatabase(lite);
  const liteDemo = await seedDemo(lite.db);
  const viewer = await viewerFor(lite.db, liteDemo.orgId);
  await lite.close();
  await measure('PGlite', { PGLITE_DIR: pgliteDir, DATA_DIR: dir }, viewer);
}
