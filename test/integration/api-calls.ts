import { expect } from 'vitest';
import type { Database } from '@/db/client';
import { memberships, nominations, proposalRevisions, recusals } from '@/db/schema';
import { issueApiToken } from '@/lib/use-cases/api-tokens';
import { apiV1Fetch } from './api-routes';
import { writableRowCounts } from './helpers';

export type ApiBody = Record<string, unknown> & { code?: string; errors?: Record<string, string[]>; detail?: string };

/**
 * Calls to /api/v1/orgs… over the route handlers for an API test, and its refusal checks: a
 * problem with a status and code that leaves every table as it was (`writableRowCounts`, with
 * recusals, nominations and revisions), and a read-only token or another organization's token refused.
 */
export function apiCalls(db: () => Database) {
  const fetch = apiV1Fetch();

  async function call(method: string, path: string, token?: string, body?: unknown) {
    const res = await fetch(`http://quorate.test/api/v1/orgs${path}`, {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as ApiBody, type: res.headers.get('content-type') ?? '' };
  }

  const token = async (userId: string, orgId: string | null, scope: 'read' | 'write' = 'write') =>
    (await issueApiToken(db(), userId, { name: 'test', scope, orgId, expiresInDays: 30 }, new Date())).token;

  const counts = async () => ({
    ...(await writableRowCounts(db())),
    recusals: await db().$count(recusals),
    nominations: await db().$count(nominations),
    revisions: await db().$count(proposalRevisions),
  });

  /** Refused with `status` and `code` as a problem; no table changed. */
  async function refusedAndUnchanged(status: number, code: string, run: () => ReturnType<typeof call>) {
    const before = await counts();
    const res = await run();
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(await counts()).toEqual(before);
    return res.body;
  }

  /** The same caller with a read-only token, and with a write token limited to `otherOrgId` (made a member there): both 403, nothing written. */
  async function scopesRefused(userId: string, otherOrgId: string, method: string, path: string, body?: unknown) {
    const read = await token(userId, null, 'read');
    await refusedAndUnchanged(403, 'api.read_only', () => call(method, path, read, body));
    await db().insert(memberships).values({ orgId: otherOrgId, userId, role: 'member' }).onConflictDoNothing();
    const elsewhere = await token(userId, otherOrgId);
    await refusedAndUnchanged(403, 'api.other_organization', () => call(method, path, elsewhere, body));
  }

  return { call, token, counts, refusedAndUnchanged, scopesRefused };
}
