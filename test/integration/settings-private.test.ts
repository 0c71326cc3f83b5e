/**
 * Visibility of exports, feeds and proofs: a private organization's answer a 404 to outsiders, to
 * pending invitees and without a session (the same answer as an unknown organization), and its
 * record to its accepted members, never publicly cacheable; an archived public one stays readable.
 * A public organization's exports never read the session. The session is the mocked one here.
 */
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { memberships, organizations } from '@/db/schema';
import { GET as checkpointGET } from '@/app/api/o/[slug]/log/checkpoint/route';
import { GET as exportGET } from '@/app/api/o/[slug]/log/export/route';
import { GET as consistencyGET } from '@/app/api/o/[slug]/log/proof/consistency/route';
import { GET as inclusionGET } from '@/app/api/o/[slug]/log/proof/inclusion/route';
import { GET as csvGET } from '@/app/o/[slug]/log/export.csv/route';
import { GET as atomGET } from '@/app/o/[slug]/log/feed.atom/route';
import { foundOrganization, insertUser } from './fixtures/organization';
import { session, signInAs, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));

let db: Database;
withTestDatabase({ app: true }, (handle) => (db = handle.db));

const context = (slug: string) => ({ params: Promise.resolve({ slug }) });
const get = (path: string) => new Request(`http://quorate.test${path}`);

/** Every public read of an organization's record, as outsider GETs. */
const routes = (slug: string): [string, () => Promise<Response>][] => [
  ['CSV export', () => csvGET(get(`/o/${slug}/log/export.csv`), context(slug))],
  ['Atom feed', () => atomGET(get(`/o/${slug}/log/feed.atom`), context(slug))],
  ['JSON export', () => exportGET(get(`/api/o/${slug}/log/export`), context(slug))],
  ['checkpoint', () => checkpointGET(get(`/api/o/${slug}/log/checkpoint`), context(slug))],
  ['inclusion proof', () => inclusionGET(get(`/api/o/${slug}/log/proof/inclusion?seq=1`), context(slug))],
  ['consistency proof', () => consistencyGET(get(`/api/o/${slug}/log/proof/consistency?from=1&to=2`), context(slug))],
];

beforeEach(() => signInAs(null));

const as = (id: string) => signInAs({ id, email: `${id}@example.org`, name: null });

describe('a private organization as an outsider', () => {
  it('every export, feed and proof answers 404, and none names anything from its record', async () => {
    const org = await foundOrganization(db, { slug: 'quiet-tenants', name: 'Quiet Tenants', seated: 3, at: new Date('2026-05-01T09:00:00Z') });
    for (const [label, run] of routes(org.slug)) expect((await run()).status, `${label} while public`).toBe(200);

    await db.update(organizations).set({ isPublic: false }).where(eq(organizations.id, org.orgId));
    const unknown = routes('no-such-organization');
    const outsider = await insertUser(db, 'outsider@example.org', 'Outsider');
    for (const who of [null, outsider]) {
      if (who) as(who);
      else signInAs(null);
      for (const [i, [label, run]] of routes(org.slug).entries()) {
        const res = await run();
        expect(res.status, label).toBe(404);
        const text = await res.text();
        expect(text, label).not.toMatch(/Person \d|seat\.|founding|Quiet/);
        // The same answer as for an organization that does not exist: nothing says this one does.
        const none = await unknown[i]![1]();
        expect(text.replaceAll(org.slug, 'no-such-organization'), label).toBe(await none.text());
        expect(res.headers.get('cache-control'), label).toBe('no-store');
      }
    }
  }, 60_000);

  it('an archived public organization stays readable: exports, feeds and proofs answer', async () => {
    const org = await foundOrganization(db, { slug: 'archived-readable', seated: 3, at: new Date('2026-05-01T09:00:00Z') });
    await db.update(organizations).set({ archivedAt: new Date() }).where(eq(organizations.id, org.orgId));
    for (const [label, run] of routes(org.slug)) expect((await run()).status, label).toBe(200);
  }, 60_000);
});

describe('a private organization as its members see it', () => {
  it('an accepted member reads every export, feed and proof, answered privately; a pending invitee still gets the 404', async () => {
    const org = await foundOrganization(db, { slug: 'members-only', name: 'Members Only', seated: 3, at: new Date('2026-05-01T09:00:00Z') });
    await db.update(organizations).set({ isPublic: false }).where(eq(organizations.id, org.orgId));

    as(org.people[4]!.userId);
    for (const [label, run] of routes(org.slug)) {
      const res = await run();
      expect(res.status, label).toBe(200);
      // A member's answer is theirs alone: no shared cache keeps it, no other site reads it.
      expect(res.headers.get('cache-control'), label).toBe('private, no-store');
      expect(res.headers.get('vary'), label).toBe('Cookie');
      expect(res.headers.get('access-control-allow-origin'), label).toBeNull();
      await res.arrayBuffer();
    }
    const exported = await (await exportGET(get(`/api/o/${org.slug}/log/export`), context(org.slug))).json();
    expect(exported.organization.slug).toBe(org.slug);
    expect(exported.entries.length).toBeGreaterThan(3);

    // A pending invitation is not membership yet.
    const invitee = await insertUser(db, 'invitee@example.org', 'Invitee');
    await db.insert(memberships).values({ orgId: org.orgId, userId: invitee, role: 'member', acceptedAt: null });
    as(invitee);
    for (const [label, run] of routes(org.slug)) expect((await run()).status, label).toBe(404);

    // Removed from the organization: the session alone opens nothing.
    await db.delete(memberships).where(and(eq(memberships.orgId, org.orgId), eq(memberships.userId, org.people[4]!.userId)));
    as(org.people[4]!.userId);
    for (const [label, run] of routes(org.slug)) expect((await run()).status, label).toBe(404);
  }, 60_000);

  it('a public organization answers the same to everyone, cacheable publicly, whoever is signed in', async () => {
    const org = await foundOrganization(db, { slug: 'open-books', seated: 3, at: new Date('2026-05-01T09:00:00Z') });
    as(org.people[1]!.userId);
    for (const [label, run] of routes(org.slug)) {
      const res = await run();
      expect(res.status, label).toBe(200);
      expect(res.headers.get('cache-control'), label).toMatch(/^public, /);
      await res.arrayBuffer();
    }
  }, 60_000);
});
