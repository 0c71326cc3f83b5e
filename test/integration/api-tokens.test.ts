/**
 * Personal API tokens on /account: made by their owner and shown once (only the hash is kept),
 * revoked only by their owner and only with the box ticked, limited to an organization only one
 * belongs to; a token's last use is written at most once a minute.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { apiTokens, users } from '@/db/schema';
import { personalDataExport } from '@/db/queries/account-export';
import { insertOrganization } from '@/db/queries/organizations';
import { initialActionState } from '@/lib/actions/state';
import { bearerToken, hashApiToken } from '@/lib/auth/api-token';
import type * as ClockModule from '@/lib/clock';
import { deleteAccount } from '@/lib/use-cases/account';
import { issueApiToken } from '@/lib/use-cases/api-tokens';
import { expectFieldRefusal, form, session, signInAs, withTestDatabase } from './helpers';

const clock = { now: new Date('2026-06-01T12:00:00Z') };
vi.mock('@/lib/clock', async (importOriginal) => ({ ...(await importOriginal<typeof ClockModule>()), now: () => new Date(clock.now) }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('@/lib/actions/flash', () => ({ setFlash: async () => {} }));

const account = await import('@/app/account/actions');
const orgRoute = await import('@/app/api/v1/orgs/[slug]/route');

let db: Database;
const people: Record<'ann' | 'bob' | 'cy', { id: string; email: string; name: string }> = {} as never;
let orgId = '';
let foreignOrgId = '';

withTestDatabase({ app: true }, async (handle) => {
  db = handle.db;
});

beforeAll(async () => {
  for (const key of ['ann', 'bob', 'cy'] as const) {
    const [u] = await db
      .insert(users)
      .values({ email: `${key}@tokens.example.org`, name: key })
      .returning();
    people[key] = { id: u!.id, email: u!.email, name: key };
  }
  orgId = (await db.transaction((tx) => insertOrganization(tx, { slug: 'tok-org', name: 'Tok', mission: '', createdBy: people.ann.id, at: clock.now }))).id;
  foreignOrgId = (
    await db.transaction((tx) => insertOrganization(tx, { slug: 'tok-foreign', name: 'F', mission: '', createdBy: people.bob.id, at: clock.now }))
  ).id;
});

const create = (fields: Record<string, string>) =>
  account.createApiTokenAction(initialActionState, form({ name: 'CI', scope: 'read', orgId: '', expiresInDays: '30', ...fields }));

describe('API tokens', () => {
  it('the token format: qrt_ and 43 base64url characters; only a well-formed Bearer header is read', () => {
    expect(bearerToken(`Bearer qrt_${'a'.repeat(43)}`)).toBe(`qrt_${'a'.repeat(43)}`);
    for (const h of [null, '', 'Basic x', `Bearer qrt_${'a'.repeat(42)}`, `Bearer ${'a'.repeat(47)}`, `Bearer qrt_${'a'.repeat(43)} extra`])
      expect(bearerToken(h)).toBeNull();
  });

  it('is shown once and stored only as its hash', async () => {
    signInAs(people.ann);
    const state = await create({ name: 'Deploy bot', scope: 'write' });
    expect(state.ok).toBe(true);
    const token = state.recorded!.token!;
    expect(token).toMatch(/^qrt_[A-Za-z0-9_-]{43}$/);
    expect(state.message).not.toContain(token);
    const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, people.ann.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'Deploy bot', scope: 'write', orgId: null, tokenHash: hashApiToken(token), revokedAt: null });
    expect(JSON.stringify(rows)).not.toContain(token.slice(4));
    expect(rows[0]!.expiresAt.getTime() - clock.now.getTime()).toBe(30 * 86_400_000);
  });

  it('can be limited only to an organization one belongs to', async () => {
    signInAs(people.ann);
    expect((await create({ orgId })).ok).toBe(true);
    const refused = await create({ orgId: foreignOrgId });
    expectFieldRefusal(refused, 'orgId', 'api_token.org_not_member');
    expect((await create({ scope: 'admin' })).code).toBe('action.invalid_input');
    expect((await create({ expiresInDays: '99999' })).code).toBe('action.invalid_input');
  });

  it('is revoked only by its owner, and only with the box ticked', async () => {
    signInAs(people.ann);
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.userId, people.ann.id));
    const unticked = await account.revokeApiTokenAction(initialActionState, form({ tokenId: row!.id }));
    expect(unticked.fieldErrors?.confirmRevoke).toBeTruthy();
    signInAs(people.bob);
    const foreign = await account.revokeApiTokenAction(initialActionState, form({ tokenId: row!.id, confirmRevoke: 'yes' }));
    expect(foreign.code).toBe('api_token.not_found');
    signInAs(null);
    expect((await account.revokeApiTokenAction(initialActionState, form({ tokenId: row!.id, confirmRevoke: 'yes' }))).code).toBe('action.signed_out');
    const [still] = await db.select().from(apiTokens).where(eq(apiTokens.id, row!.id));
    expect(still!.revokedAt).toBeNull();
    signInAs(people.ann);
    expect((await account.revokeApiTokenAction(initialActionState, form({ tokenId: row!.id, confirmRevoke: 'yes' }))).ok).toBe(true);
    expect((await account.revokeApiTokenAction(initialActionState, form({ tokenId: row!.id, confirmRevoke: 'yes' }))).code).toBe('api_token.not_found');
  });

  it('notes its last use at most once a minute', async () => {
    signInAs(people.ann);
    const token = (await create({ name: 'poller' })).recorded!.token!;
    const read = () =>
      orgRoute.GET(new Request('http://quorate.test/api/v1/orgs/tok-org', { headers: { Authorization: `Bearer ${token}` } }), {
        params: Promise.resolve({ slug: 'tok-org' }),
      });
    const lastUsed = async () =>
      (
        await db
          .select()
          .from(apiTokens)
          .where(eq(apiTokens.tokenHash, hashApiToken(token)))
      )[0]!.lastUsedAt;
    const t = clock.now;
    expect((await read()).status).toBe(200);
    expect(await lastUsed()).toEqual(t);
    clock.now = new Date(t.getTime() + 30_000);
    await read();
    expect(await lastUsed()).toEqual(t);
    clock.now = new Date(t.getTime() + 61_000);
    await read();
    expect(await lastUsed()).toEqual(clock.now);
  });

  it('is in the personal data export by name, scope and dates, never the token or its hash', async () => {
    const data = (await personalDataExport(db, people.ann.id))!;
    expect(data.apiTokens.map((t) => t.name)).toContain('Deploy bot');
    const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, people.ann.id));
    const text = JSON.stringify(data);
    for (const r of rows) expect(text).not.toContain(r.tokenHash);
  });

  it('ends with the account: deleting it deletes its tokens', async () => {
    signInAs(people.cy);
    const token = (await create({ name: 'doomed' })).recorded!.token!;
    await deleteAccount(db, { userId: people.cy.id, at: clock.now });
    expect(await db.select().from(apiTokens).where(eq(apiTokens.userId, people.cy.id))).toEqual([]);
    const res = await orgRoute.GET(new Request('http://quorate.test/api/v1/orgs/tok-org', { headers: { Authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({ slug: 'tok-org' }),
    });
    expect(res.status).toBe(401);
  });
});

describe('the 20-token cap', () => {
  // Found by the docs audit: the count and the insert, unserialized, let creations made at the same moment all see
  // room (5 of 5 passed on both databases). They now run in one transaction under a per-person lock.
  it('holds under concurrent creations', async () => {
    const [u] = await db.insert(users).values({ email: 'dan@tokens.example.org', name: 'dan' }).returning();
    for (let i = 0; i < 18; i++) await issueApiToken(db, u!.id, { name: `t${i}`, scope: 'read', orgId: null, expiresInDays: 30 }, clock.now);
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => issueApiToken(db, u!.id, { name: `c${i}`, scope: 'read', orgId: null, expiresInDays: 30 }, clock.now)),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(2);
    expect(await db.select().from(apiTokens).where(eq(apiTokens.userId, u!.id))).toHaveLength(20);
  });
});
