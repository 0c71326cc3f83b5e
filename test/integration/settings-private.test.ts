/**
 * Visibility as an outsider sees it: every export, feed and proof of a private organization is a
 * 404 (the same answer as an unknown organization), while an archived public one stays readable.
 * Exports never read the session, so an outsider's request is a plain GET.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { organizations } from '@/db/schema';
import { GET as checkpointGET } from '@/app/api/o/[slug]/log/checkpoint/route';
import { GET as exportGET } from '@/app/api/o/[slug]/log/export/route';
import { GET as consistencyGET } from '@/app/api/o/[slug]/log/proof/consistency/route';
import { GET as inclusionGET } from '@/app/api/o/[slug]/log/proof/inclusion/route';
import { GET as csvGET } from '@/app/o/[slug]/log/export.csv/route';
import { GET as atomGET } from '@/app/o/[slug]/log/feed.atom/route';
import { foundOrganization } from './fixtures/organization';
import { withTestDatabase } from './helpers';

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

describe('a private organization as an outsider', () => {
  it('every export, feed and proof answers 404, and none names anything from its record', async () => {
    const org = await foundOrganization(db, { slug: 'quiet-tenants', name: 'Quiet Tenants', seated: 3, at: new Date('2026-05-01T09:00:00Z') });
    for (const [label, run] of routes(org.slug)) expect((await run()).status, `${label} while public`).toBe(200);

    await db.update(organizations).set({ isPublic: false }).where(eq(organizations.id, org.orgId));
    for (const [label, run] of routes(org.slug)) {
      const res = await run();
      expect(res.status, label).toBe(404);
      expect(await res.text(), label).not.toMatch(/Person \d|seat\.|founding/);
    }
  }, 60_000);

  it('an archived public organization stays readable: exports, feeds and proofs answer', async () => {
    const org = await foundOrganization(db, { slug: 'archived-readable', seated: 3, at: new Date('2026-05-01T09:00:00Z') });
    await db.update(organizations).set({ archivedAt: new Date() }).where(eq(organizations.id, org.orgId));
    for (const [label, run] of routes(org.slug)) expect((await run()).status, label).toBe(200);
  }, 60_000);
});
