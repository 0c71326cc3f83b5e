/**
 * Backup and restore (README "Backups"): a restored copy must still be the same record — every
 * entry, the chain, the signed checkpoints — and still refuse rewrites.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, dropPostgresDatabase } from '@/db/databases';
import { createDatabase } from '@/db/client';
import type { Database } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { organizations } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { latestCheckpoint, logExportStream } from '@/db/queries/transparency';
import { base64Decode } from '@/lib/log/base64';
import type { StoredEntry } from '@/lib/log/entry';
import { nodeSha256 } from '@/lib/log/node-hash';
import { verifyLog } from '@/lib/log/verify';

type ExportDoc = { origin: string; publicKey: string; entries: StoredEntry[]; checkpoints: { size: number; note: string }[] };

async function exportAndVerify(db: Database) {
  const [org] = await db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.slug, 'riverbend-commons'));
  await latestCheckpoint(db, org!.id);
  const doc = JSON.parse(await new Response(await logExportStream(db, org!)).text()) as ExportDoc;
  const report = await verifyLog(
    { entries: doc.entries, checkpoints: doc.checkpoints, publicKeyRaw: base64Decode(doc.publicKey)!, origin: doc.origin },
    undefined,
    { hasher: nodeSha256 },
  );
  return { doc, report };
}

async function rewriteRefused(db: Database): Promise<string> {
  try {
    await db.execute(sql`update decision_log set kind = 'forged'`);
  } catch (error) {
    return String((error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message);
  }
  return 'no error';
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('PGlite data-folder backup', () => {
  it('a copy of the stopped data folder opens with the same, verifiable log', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quorate-backup-'));
    const original = createDatabase({ pgliteDir: path.join(dir, 'pglite') });
    await migrateDatabase(original);
    await seedDemo(original.db, () => {}, new Date('2026-06-01T12:00:00Z'));
    const before = await exportAndVerify(original.db);
    expect(before.report.ok).toBe(true);
    await original.close(); // back up a stopped database: PGlite is one process, one writer

    cpSync(path.join(dir, 'pglite'), path.join(dir, 'restored'), { recursive: true });
    const restored = createDatabase({ pgliteDir: path.join(dir, 'restored') });
    cleanups.push(() => restored.close());
    const after = await exportAndVerify(restored.db);
    expect(after.report).toMatchObject({ ok: true, firstBadSeq: null });
    expect(after.doc.entries).toEqual(before.doc.entries);
    expect(await rewriteRefused(restored.db)).toMatch(/append-only/);
    // Two data folders created, migrated and seeded on disk: 30 s was not enough on a loaded 2-core machine.
  }, 120_000);
});

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL pg_dump / pg_restore (needs TEST_DATABASE_URL)', () => {
  it('a restored dump verifies, keeps its signed checkpoints and still refuses rewrites', async () => {
    const server = process.env.TEST_DATABASE_URL!;
    const suffix = randomBytes(5).toString('hex');
    const source = `quorate_backup_src_${suffix}`;
    const target = `quorate_backup_dst_${suffix}`;
    await createPostgresDatabase(server, source);
    await createPostgresDatabase(server, target);
    cleanups.push(async () => {
      await dropPostgresDatabase(server, source);
      await dropPostgresDatabase(server, target);
    });
    const urlOf = (name: string) => {
      const u = new URL(server);
      u.pathname = `/${name}`;
      return u.toString();
    };
    const original = createDatabase({ databaseUrl: urlOf(source), max: 2 });
    await migrateDatabase(original);
    await seedDemo(original.db, () => {}, new Date('2026-06-01T12:00:00Z'));
    const before = await exportAndVerify(original.db);
    expect(before.report.ok).toBe(true);
    await original.close();

    const file = path.join(mkdtempSync(path.join(tmpdir(), 'quorate-dump-')), 'quorate.dump');
    execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, urlOf(source)]);
    execFileSync('pg_restore', ['--no-owner', `--dbname=${urlOf(target)}`, file]);

    const restored = createDatabase({ databaseUrl: urlOf(target), max: 2 });
    cleanups.push(() => restored.close());
    const after = await exportAndVerify(restored.db);
    expect(after.report).toMatchObject({ ok: true, firstBadSeq: null });
    expect(after.doc.entries).toEqual(before.doc.entries);
    expect(after.doc.checkpoints.map((c) => c.note)).toEqual(before.doc.checkpoints.map((c) => c.note));
    expect(await rewriteRefused(restored.db)).toMatch(/append-only/);
  });
});
