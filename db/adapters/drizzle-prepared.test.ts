import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/db/testing';
import { rowsOf } from '@/db/queries/prepared';
import { executePrepared } from './drizzle-prepared';

// Guards the one drizzle internal the app relies on (see drizzle-prepared.ts): if an upgrade
// moves it, this fails with a message saying where to look.

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.drop();
});

describe('drizzle-prepared adapter', () => {
  it('finds the session drizzle keeps in db._.session, with prepareQuery', () => {
    const internal = (handle.db as unknown as { _?: { session?: { prepareQuery?: unknown } } })._;
    expect(internal?.session, 'drizzle no longer keeps its session in db._.session: update db/adapters/drizzle-prepared.ts').toBeDefined();
    expect(typeof internal?.session?.prepareQuery, 'drizzle session has no prepareQuery: update db/adapters/drizzle-prepared.ts').toBe('function');
  });

  it('runs a raw statement prepared under a name, with placeholder values, again and again', async () => {
    const query = new PgDialect().sqlToQuery(sql`select ${sql.placeholder('a')}::int + ${sql.placeholder('b')}::int as total`);
    for (const [a, b] of [
      [1, 2],
      [40, 2],
    ] as const) {
      const rows = rowsOf(await executePrepared(handle.db, query, 'adapter_probe', { a, b }));
      expect(rows).toEqual([{ total: a + b }]);
    }
  });

  it('runs inside a transaction as well', async () => {
    const query = new PgDialect().sqlToQuery(sql`select ${sql.placeholder('x')}::text as x`);
    const rows = await handle.db.transaction(async (tx) => rowsOf(await executePrepared(tx, query, 'adapter_probe_tx', { x: 'ok' })));
    expect(rows).toEqual([{ x: 'ok' }]);
  });
});
