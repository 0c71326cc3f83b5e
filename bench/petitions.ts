// A petition with 100,000 signatures (issue 15, item 8): `npm run bench -- --only petitions`.
//
// The demo organization on PostgreSQL with one more petition carrying --signatures (default 100,000) signatures,
// written in one statement as test/integration/petition-scale.test.ts writes them, and its stored count set. Then:
//   - in process, the petition page's and the list's loaders (db/read/petitions.ts), median of 7, against the same
//     loaders for the demo's small petition;
//   - over HTTP against `next start`, signed out: the petition page and the list from the public page cache against
//     a static file of the same bytes (the public-page target: ≥ 0.7×, p99 < 50 ms), and rendered every time.

import { eq, sql } from 'drizzle-orm';
import { args, fmt, log, ms, notes, pageBytes, pageVsStatic, startServer, staticCopies, table } from './common';
import type { BenchDatabase } from './common';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function petitionBench({ pg, pgUrl }: BenchDatabase, demo: { orgId: string }): Promise<void> {
  const { organizations, petitions, users } = await import('@/db/schema');
  const { openPetition } = await import('@/lib/use-cases/petitions');
  const { loadPetitionPage, loadPetitionsPage } = await import('@/db/read/petitions');
  const { setDatabaseHandleForTests } = await import('@/db/client');
  const signatures = Number(args.signatures ?? 100_000);
  const db = pg.db;
  setDatabaseHandleForTests(pg);
  const [org] = await db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, demo.orgId));
  const [author] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'linus@demo.quorate.localhost'));
  if (!org || !author) throw new Error('petitions bench: the demo organization or its member linus is missing');
  const small = await openPetition(
    db,
    { userId: author.id, role: 'member' },
    { orgId: demo.orgId, title: 'A petition with one signature', body: 'A petition body long enough for the rules.', forGroup: false },
    new Date(),
  );
  const big = await openPetition(
    db,
    { userId: author.id, role: 'member' },
    { orgId: demo.orgId, title: `A petition with ${fmt(signatures)} signatures`, body: 'A petition body long enough for the rules.', forGroup: false },
    new Date(),
  );
  const t = performance.now();
  // Signatures of people who have since deleted their account (user id null: counted, nameless).
  await db.execute(
    sql`insert into petition_signatures (petition_id, user_id, signed_at) select ${big.id}::uuid, null, now() - (g * interval '1 second') from generate_series(1, ${signatures}) g`,
  );
  await db.update(petitions).set({ signatureCount: signatures }).where(eq(petitions.id, big.id));
  await db.execute(sql`analyze petition_signatures`);
  log(`petitions: ${fmt(signatures)} signatures written in ${fmt((performance.now() - t) / 1000, 1)} s`);

  // --- In process: the loaders. -----------------------------------------------------------------
  const time = async (fn: () => Promise<unknown>) => {
    await fn();
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) {
      const s = performance.now();
      await fn();
      runs.push(performance.now() - s);
    }
    return median(runs);
  };
  const at = new Date();
  const bigPage = await time(() => loadPetitionPage(demo.orgId, big.number, null, at));
  const smallPage = await time(() => loadPetitionPage(demo.orgId, small.number, null, at));
  const list = await time(() => loadPetitionsPage(demo.orgId, null, at));
  table.push({
    figure: `(k) petition page data (db/read/petitions loadPetitionPage), ${fmt(signatures)} signatures, signed out, median of 7`,
    measured: ms(bigPage),
    baseline: `the same for a petition with no signatures: ${ms(smallPage)}`,
    ratio: `${fmt(bigPage / smallPage, 2)}×`,
    target: '≤ 2× (the stored count, no recount)',
    met: bigPage / smallPage <= 2 ? 'yes' : 'no',
  });
  notes.push(`(k) the petitions list's data (loadPetitionsPage, both petitions and the demo's): ${ms(list)}, median of 7.`);
  setDatabaseHandleForTests(undefined);

  // --- Over HTTP: the public-page target. -------------------------------------------------------
  const env = { DATABASE_URL: pgUrl };
  const pagePath = `/o/${org.slug}/petitions/${big.number}`;
  const listPath = `/o/${org.slug}/petitions`;
  const probe = await startServer(env, 'PostgreSQL probe');
  const pages = { petition: await pageBytes(`${probe.base}${pagePath}`), petitions: await pageBytes(`${probe.base}${listPath}`) };
  if (!pages.petition.includes(fmt(signatures))) throw new Error(`petitions bench: the page does not show ${fmt(signatures)}`);
  await probe.stop();
  const files = staticCopies(pages);
  const server = await startServer(env, 'PostgreSQL');
  log('(k) petition pages vs static');
  await pageVsStatic(server.base, 'PostgreSQL', pagePath, files.petition!, Buffer.byteLength(pages.petition), '(k)');
  await pageVsStatic(server.base, 'PostgreSQL', listPath, files.petitions!, Buffer.byteLength(pages.petitions), '(k)');
  if (server.stderr().trim()) notes.push(`PostgreSQL server stderr: ${server.stderr().trim().slice(-2000)}`);
  await server.stop();
}
