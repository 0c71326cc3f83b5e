import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, dropPostgresDatabase } from '@/db/databases';
import { createDatabase, preparedStatementsOn } from '@/db/client';
import type { DatabaseHandle } from '@/db/client';

/** The setting PgBouncer in transaction mode needs (README, "Connection poolers"). */
describe('prepared statements setting', () => {
  it('is on unless QUORATE_PREPARED_STATEMENTS=0 or prepare=false (0, off, no, disable) on the URL', () => {
    expect(preparedStatementsOn('postgres://u@db:5432/q')).toBe(true);
    expect(preparedStatementsOn('postgres://u@db:5432/q', true)).toBe(true);
    expect(preparedStatementsOn('postgres://u@db:5432/q', false)).toBe(false);
    expect(preparedStatementsOn('postgres://u@db:5432/q?prepare=true')).toBe(true);
    expect(preparedStatementsOn('postgres://u@db:5432/q?prepare=true', false)).toBe(false);
    for (const off of ['false', 'FALSE', '0', 'off', 'no', 'disable'])
      expect(preparedStatementsOn(`postgresql://u:p%40ss@db:6432/q?sslmode=require&prepare=${off}`), off).toBe(false);
    // Neither the password nor other parameters are mistaken for it.
    expect(preparedStatementsOn('postgres://u:prepare=false@db/q?application_name=prepare')).toBe(true);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('against PostgreSQL (needs TEST_DATABASE_URL)', () => {
  const server = process.env.TEST_DATABASE_URL!;
  const name = `quorate_prepare_${randomBytes(5).toString('hex')}`;
  const urlOf = (query: string) => {
    const u = new URL(server);
    u.pathname = `/${name}`;
    u.search = query;
    return u.toString();
  };
  beforeAll(async () => {
    await createPostgresDatabase(server, name);
  });
  afterAll(async () => {
    await dropPostgresDatabase(server, name);
  });

  /** How many statements this connection holds prepared after a parameterized query (one connection, so the same session). */
  async function preparedAfterQuery(options: { query: string; prepare?: boolean }): Promise<number> {
    const handle: DatabaseHandle = createDatabase({ databaseUrl: urlOf(options.query), max: 1, prepare: options.prepare });
    try {
      await handle.db.execute(sql`select ${1}::int + 1 as two`);
      await handle.db.execute(sql`select ${2}::int + 1 as three`);
      const rows = await handle.db.execute(sql`select count(*)::int as n from pg_prepared_statements`);
      return Number((rows as unknown as { n: number }[])[0]!.n);
    } finally {
      await handle.close();
    }
  }

  it('prepares statements by default, and none with prepare=false on the URL or QUORATE_PREPARED_STATEMENTS=0', async () => {
    expect(await preparedAfterQuery({ query: '' })).toBeGreaterThan(0);
    expect(await preparedAfterQuery({ query: '?prepare=false' })).toBe(0);
    expect(await preparedAfterQuery({ query: '', prepare: false })).toBe(0);
  });
});
