import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { memberships, organizations, users } from '@/db/schema';
import { demoUsers, seedDemo } from '@/db/seed';
import { createTestDatabase } from '@/db/testing';

let handle: DatabaseHandle & { drop: () => Promise<void> };
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle.drop());

describe('seedDemo', () => {
  it('creates people in every role and is idempotent', async () => {
    const lines: string[] = [];
    const first = await seedDemo(handle.db, (l) => lines.push(l));
    const second = await seedDemo(handle.db);
    expect(second.orgId).toBe(first.orgId);
    expect(lines.some((l) => l.includes('5 added'))).toBe(true);
    expect(await handle.db.$count(organizations)).toBe(1);
    expect(await handle.db.$count(users)).toBe(demoUsers.length);
    const rows = await handle.db.select({ role: memberships.role }).from(memberships);
    expect(rows).toHaveLength(demoUsers.length);
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set(['admin', 'secretary', 'member', 'observer']));
  });
});
