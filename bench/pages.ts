// Pages: where the organization page's time goes (in process), the log page's query plans, and
// over HTTP pages vs static files of the same bytes and the log page, 1k entries vs many.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { args, cleanups, fmt, load, log, ms, notes, num, pageBytes, pageVsStatic, startServer, staticCopies, table, UNCACHED } from './common';
import type { BenchDatabase } from './common';

type SeededOrg = { orgId: string; slug: string };

export async function pageBench({ pg, pgUrl }: BenchDatabase, demo: { orgId: string }, small: SeededOrg, big: SeededOrg): Promise<void> {
  const { createDatabase } = await import('@/db/client');
  const { migrateDatabase } = await import('@/db/migrate');
  const { seedDemo } = await import('@/db/seed');
  const { organizations } = await import('@/db/schema');
  const { loadOrganizationOverview } = await import('@/db/read/overview');
  const { countMembersByRole } = await import('@/db/queries/memberships');
  const { listRecentParticipation } = await import('@/db/queries/log-public');
  const { getLogHead, getOrgVerifierKey } = await import('@/db/queries/log');

  // --- Page path breakdown (in process, same queries as the organization page). ---------------
  for (const [label, orgId] of [
    ['demo', demo.orgId],
    [`${fmt(num('proposals'))} proposals`, big.orgId],
  ] as const) {
    const time = async (fn: () => Promise<unknown>) => {
      await fn();
      const t1 = performance.now();
      for (let i = 0; i < 5; i++) await fn();
      return (performance.now() - t1) / 5;
    };
    const at = new Date();
    const parts = {
      overview: await time(() => loadOrganizationOverview(pg.db, orgId, null, at)),
      countMembersByRole: await time(() => countMembersByRole(pg.db, orgId)),
      participation: await time(() => listRecentParticipation(pg.db, orgId, 10)),
      logHead: await time(() => getLogHead(pg.db, orgId)),
      verifierKey: await time(() => getOrgVerifierKey(pg.db, orgId)),
    };
    notes.push(
      `Organization page data, ${label} (PostgreSQL, mean of 5, sequential): ${Object.entries(parts)
        .map(([k, v]) => `${k} ${ms(v)}`)
        .join(', ')}.`,
    );
  }

  // --- EXPLAIN ANALYZE of the log page's queries, 1k vs big. ----------------------------------
  for (const o of [small, big]) {
    for (const [label, q] of [
      [
        'newest page',
        sql`explain (analyze, buffers) select seq, at, actor_id, kind, subject, payload, entry, prev_hash, hash from decision_log where org_id = ${o.orgId} order by seq desc limit 51`,
      ],
      ['proposal refs', sql`explain (analyze) select id, number, title from proposals where org_id = ${o.orgId} and status <> 'draft' order by number desc`],
      ['log head', sql`explain (analyze) select * from log_heads where org_id = ${o.orgId}`],
    ] as const) {
      const plan = (await pg.db.execute(q)) as unknown as Record<string, string>[];
      notes.push(`EXPLAIN ANALYZE, ${o.slug}, ${label}:\n    ${plan.map((r) => Object.values(r)[0]).join('\n    ')}`);
    }
  }

  // --- (a) and (d) over HTTP against PostgreSQL. ----------------------------------------------
  const [orgSlug] = (await pg.db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, demo.orgId))).map((r) => r.slug);
  const pgEnv = { DATABASE_URL: pgUrl };
  {
    log('(a)(d) probing page sizes');
    const probe = await startServer(pgEnv, 'PostgreSQL probe');
    const pages = { org: await pageBytes(`${probe.base}/o/${orgSlug}`), log: await pageBytes(`${probe.base}/o/${orgSlug}/log`) };
    await probe.stop();
    const files = staticCopies(pages);
    const server = await startServer(pgEnv, 'PostgreSQL');
    log('(a) PostgreSQL pages vs static');
    await pageVsStatic(server.base, 'PostgreSQL', `/o/${orgSlug}`, files.org!, Buffer.byteLength(pages.org));
    await pageVsStatic(server.base, 'PostgreSQL', `/o/${orgSlug}/log`, files.log!, Buffer.byteLength(pages.log));
    log('(d) log page, 1k vs big');
    // Rendered every time: with the page cache both would be served from memory.
    const a = await load(`${server.base}/o/bench-log-1k/log`, UNCACHED);
    const b = await load(`${server.base}/o/bench-log-big/log`, UNCACHED);
    table.push({
      figure: `(d) /o/…/log with ${fmt(num('log'))} entries vs 1,000 (same ${fmt(num('proposals'))} proposals), rendered every time`,
      measured: `${fmt(b.rps, 1)} req/s, ${ms(b.p50)} / ${ms(b.p99)}${b.errors ? `, ${b.errors} errors` : ''}`,
      baseline: `1,000 entries: ${fmt(a.rps, 1)} req/s, ${ms(a.p50)} / ${ms(a.p99)}`,
      ratio: `${fmt(b.p50 / a.p50, 3)}× p50 time`,
      target: '≤ 1.3× the 1k time',
      met: b.p50 / a.p50 <= 1.3 ? 'yes' : 'no',
    });
    if (server.stderr().trim()) notes.push(`PostgreSQL server stderr: ${server.stderr().trim().slice(-2000)}`);
    await server.stop();
  }

  // --- (a) against embedded PGlite ((b) on PGlite ran above). --------------------------------
  if (!args['no-pglite']) {
    const dir = mkdtempSync(path.join(tmpdir(), 'quorate-bench-pglite-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const pgliteDir = path.join(dir, 'pglite');
    const lite = createDatabase({ pgliteDir });
    await migrateDatabase(lite);
    await seedDemo(lite.db);
    await lite.close();
    const env = { PGLITE_DIR: pgliteDir, DATA_DIR: dir };
    const probe = await startServer(env, 'PGlite probe');
    const pages = { org: await pageBytes(`${probe.base}/o/${orgSlug}`), log: await pageBytes(`${probe.base}/o/${orgSlug}/log`) };
    await probe.stop();
    const files = staticCopies({ 'lite-org': pages.org, 'lite-log': pages.log });
    const server = await startServer(env, 'PGlite');
    log('(a) PGlite pages vs static');
    await pageVsStatic(server.base, 'PGlite', `/o/${orgSlug}`, files['lite-org']!, Buffer.byteLength(pages.org));
    await pageVsStatic(server.base, 'PGlite', `/o/${orgSlug}/log`, files['lite-log']!, Buffer.byteLength(pages.log));
    if (server.stderr().trim()) notes.push(`PGlite server stderr: ${server.stderr().trim().slice(-2000)}`);
    await server.stop();
  }
}
