import { afterEach, describe, expect, it, vi } from 'vitest';
import { setDatabaseHandleForTests } from '@/db/client';
import type { Database, DatabaseHandle } from '@/db/client';
import { GET } from '@/app/api/health/route';
import { withTestDatabase } from './helpers';
import type { TestDatabase } from './helpers';

let handle: TestDatabase;
withTestDatabase({ app: true }, (ready) => {
  handle = ready;
});

/** A database whose every query fails (or never answers) with an error naming a secret connection string. */
function brokenDatabase(mode: 'fail' | 'hang'): DatabaseHandle {
  const secret = new Error('connect ECONNREFUSED postgres://quorate:hunter2-secret@db.internal:5432/quorate');
  const db = { execute: () => (mode === 'fail' ? Promise.reject(secret) : new Promise(() => {})) } as unknown as Database;
  return { kind: 'postgres', db, close: async () => {} };
}

describe('GET /api/health', () => {
  afterEach(() => {
    setDatabaseHandleForTests(handle);
    vi.restoreAllMocks();
  });

  it('answers 200 { ok: true, database: "up" } once the database answers, never cached', async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: 'up' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 when the database fails, and leaks nothing of the error (the server log gets it)', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    setDatabaseHandleForTests(brokenDatabase('fail'));
    const res = await GET();
    expect(res.status).toBe(503);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ ok: false, database: 'down' });
    for (const secret of ['hunter2', 'postgres://', 'db.internal', 'ECONNREFUSED', process.env.AUTH_SECRET!]) expect(body).not.toContain(secret);
    expect(String(logged.mock.calls[0]?.join(' '))).toContain('ECONNREFUSED');
  });

  it('answers 503 within about 3 seconds when the database does not answer at all', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    setDatabaseHandleForTests(brokenDatabase('hang'));
    const started = Date.now();
    const res = await GET();
    expect(res.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await res.json()).toEqual({ ok: false, database: 'down' });
  });
});
