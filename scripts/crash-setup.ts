/**
 * Prepares a database for the crash drill (e2e/crash.spec.ts) before the server starts on it:
 * migrates, builds a storm organization (scripts/support/storm-org.ts: `--seats` board seats, all
 * filled, a resolution whose vote closes `--closes-in` ms from now), drafts for a notice
 * fan-out, and a signed-in session for the admin and every voter. Prints one JSON line.
 *
 *   tsx --conditions=react-server scripts/crash-setup.ts --seats 200 --closes-in 30000 --drafts 3
 *
 * DATABASE_URL selects PostgreSQL, otherwise PGLITE_DIR (PGlite allows one process, so this
 * must finish before `next start` opens the folder).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { sessions } from '@/db/schema';
import { env } from '@/lib/env';
import { createStormDrafts, createStormOrg } from '@/scripts/support/storm-org';

export type CrashSetup = {
  orgId: string;
  slug: string;
  proposalId: string;
  proposalNumber: number;
  closesAt: string;
  admin: { userId: string; email: string; sessionToken: string };
  voters: { userId: string; email: string; seatId: string; sessionToken: string }[];
  drafts: { id: string; number: number; authorId: string; authorSessionToken: string }[];
  setupMs: number;
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seats: { type: 'string', default: '200' },
      'closes-in': { type: 'string', default: '30000' },
      drafts: { type: 'string', default: '2' },
      slug: { type: 'string', default: `crash-${Date.now().toString(36)}` },
    },
  });
  const started = Date.now();
  const e = env();
  const handle = createDatabase({ databaseUrl: e.databaseUrl, pgliteDir: e.pgliteDir, max: 10, prepare: e.preparedStatements });
  try {
    await migrateDatabase(handle);
    const db = handle.db;
    // Whole seconds: the page shows the close to the second, and so the drill can reason about it.
    const closesAt = new Date(Math.ceil((Date.now() + Number(values['closes-in'])) / 1000) * 1000);
    const org = await createStormOrg(db, {
      slug: values.slug!,
      seats: Number(values.seats),
      voteClosesAt: closesAt,
      concurrency: handle.kind === 'postgres' ? 10 : 1,
    });
    const drafts = await createStormDrafts(db, org, Number(values.drafts), new Date(closesAt.getTime() - 60 * 60_000));
    const expires = new Date(Date.now() + 24 * 3_600_000);
    const token = () => randomBytes(32).toString('hex');
    const tokens = new Map<string, string>([org.admin, ...org.voters].map((p) => [p.userId, token()]));
    await db.insert(sessions).values([...tokens].map(([userId, sessionToken]) => ({ userId, sessionToken, expires })));
    const setup: CrashSetup = {
      orgId: org.orgId,
      slug: org.slug,
      proposalId: org.proposalId,
      proposalNumber: org.proposalNumber,
      closesAt: org.closesAt.toISOString(),
      admin: { userId: org.admin.userId, email: org.admin.email, sessionToken: tokens.get(org.admin.userId)! },
      voters: org.voters.map((v) => ({ ...v, sessionToken: tokens.get(v.userId)! })),
      drafts: drafts.map((d) => ({ ...d, authorSessionToken: tokens.get(d.authorId)! })),
      setupMs: Date.now() - started,
    };
    process.stdout.write(`${JSON.stringify(setup)}\n`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error('[crash-setup] failed:', error);
  process.exit(1);
});
