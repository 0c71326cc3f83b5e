import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, dropPostgresDatabase } from '@/db/databases';
import { createDatabase } from '@/db/client';
import type { DatabaseHandle } from '@/db/client';
import { freePort } from '@/scripts/support/free-port';
import { PGBOUNCER, pgbouncerSetup, reachable } from '@/scripts/support/pgbouncer';

/**
 * Quorate through PgBouncer in transaction mode (README, "Connection poolers"): with `prepare=false`
 * the client neither prepares statements nor pipelines a query behind another on a busy
 * connection. PgBouncer 1.18 hands a server connection back when the first of two pipelined
 * queries ends, logs the second's answer "when not linked", and that caller waits for ever (the
 * scale-out drill's hung votes). Runs with TEST_DATABASE_URL when PgBouncer is installed (.ci/run
 * installs it).
 */
describe.runIf(process.env.TEST_DATABASE_URL && existsSync(PGBOUNCER))('through PgBouncer in transaction mode', () => {
  const server = process.env.TEST_DATABASE_URL!;
  const name = `quorate_pooler_${randomBytes(5).toString('hex')}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'quorate-pooler-'));
  let pooler: ChildProcess;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    const direct = await createPostgresDatabase(server, name);
    const port = await freePort();
    // Fewer server connections than the client's: queries queue in the client, as under load.
    const { argv, url } = pgbouncerSetup(direct, dir, port, 2);
    pooler = spawn(PGBOUNCER, argv, { stdio: 'ignore', detached: true });
    const deadline = Date.now() + 10_000;
    while (!(await reachable(port))) {
      if (Date.now() > deadline) throw new Error(`PgBouncer did not listen on ${port}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    handle = createDatabase({ databaseUrl: url, max: 3 });
  });
  afterAll(async () => {
    await handle?.close();
    if (pooler?.pid) process.kill(-pooler.pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    await dropPostgresDatabase(server, name);
  });

  it('answers every one of many concurrent queries and transactions, each with its own answer', async () => {
    const { db } = handle;
    const one = async (i: number) => {
      // Arrivals spread over a few milliseconds, as requests' are: some find a connection mid-answer.
      await new Promise((r) => setTimeout(r, i % 7));
      if (i % 4 === 0)
        return db.transaction(async (tx) => {
          const rows = (await tx.execute(sql`select ${i}::int as n`)) as unknown as { n: number }[];
          return Number(rows[0]!.n);
        });
      // A statement without parameters is sent whole (postgres.js pipelines the next one behind it);
      // with parameters and no prepared statements, it is described first and nothing follows it.
      const rows = (await db.execute(i % 2 ? sql.raw(`select ${i}::int as n`) : sql`select ${i}::int as n`)) as unknown as { n: number }[];
      return Number(rows[0]!.n);
    };
    const count = 600;
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('a query never answered (pipelined through the pooler?)')), 20_000));
    const answers = await Promise.race([Promise.all(Array.from({ length: count }, (_, i) => one(i))), timeout]);
    expect(answers).toEqual(Array.from({ length: count }, (_, i) => i));
  }, 30_000);
});
