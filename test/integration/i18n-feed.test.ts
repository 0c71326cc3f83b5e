/**
 * The Atom feed's titles in the reader's language: the request's Accept-Language, else the
 * organization's default language, else English (a feed reader has no session). English titles
 * keep their wording; French and German ones name the entry's kind, and the summary is in the same language.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { organizations } from '@/db/schema';
import { GET as atomGET } from '@/app/o/[slug]/log/feed.atom/route';
import { foundOrganization } from './fixtures/organization';
import { session, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));

let db: Database;
withTestDatabase({ app: true }, (handle) => (db = handle.db));

const feed = async (slug: string, acceptLanguage?: string) => {
  const headers = acceptLanguage ? { 'Accept-Language': acceptLanguage } : undefined;
  const res = await atomGET(new Request(`http://quorate.test/o/${slug}/log/feed.atom`, { headers }), { params: Promise.resolve({ slug }) });
  expect(res.status).toBe(200);
  return { res, xml: await res.text() };
};
const titles = (xml: string) => [...xml.matchAll(/<title type="text">([^<]*)<\/title>/g)].map((m) => m[1]!);

describe('the Atom feed’s language', () => {
  it('follows Accept-Language, else the organization’s default, else English; English wording unchanged', async () => {
    const org = await foundOrganization(db, { slug: 'feed-words', name: 'Feed Words', seated: 3, at: new Date('2026-05-01T09:00:00Z') });

    const en = await feed(org.slug);
    expect(en.res.headers.get('content-language')).toBe('en');
    expect(en.res.headers.get('vary')).toContain('Accept-Language');
    expect(en.xml).toContain('<title type="text">Feed Words — decision log</title>');
    expect(en.xml).toContain('<subtitle type="text">Every governance event, append-only and hash-chained.</subtitle>');
    expect(titles(en.xml)).toContain('#2 Founding appointment: feed-words person 0 to Board seat 1');

    const fr = await feed(org.slug, 'fr-CA,fr;q=0.9');
    expect(fr.res.headers.get('content-language')).toBe('fr');
    expect(fr.xml).toContain('<title type="text">Feed Words — journal des décisions</title>');
    expect(fr.xml).toContain('<subtitle type="text">Chaque événement de gouvernance, en ajout seul et chaîné par hachage.</subtitle>');
    expect(titles(fr.xml)).toContain('#1 Statuts adoptés');
    expect(titles(fr.xml)).toContain('#2 Nomination fondatrice');
    // The summary is in the feed's language too (the English one is unchanged); names and body names stay as given.
    expect(en.xml).toContain('<summary type="text">Founding appointment: feed-words person 0 to Board seat 1</summary>');
    expect(fr.xml).toContain('<summary type="text">Nomination fondatrice : feed-words person 0 au siège 1 de l’organe « Board »</summary>');
    expect(fr.xml).not.toContain('Founding appointment');

    // No language the browser asks for that Quorate speaks: the organization's default.
    await db.update(organizations).set({ defaultLocale: 'de' }).where(eq(organizations.id, org.orgId));
    for (const header of [undefined, 'es']) {
      const de = await feed(org.slug, header);
      expect(de.res.headers.get('content-language')).toBe('de');
      expect(de.xml).toContain('<title type="text">Feed Words — Entscheidungsprotokoll</title>');
      expect(titles(de.xml)).toContain('#1 Satzung angenommen');
      expect(de.xml).toContain('<summary type="text">Gründungsbesetzung: feed-words person 0 auf Sitz 1 im Gremium „Board“</summary>');
    }
    // The browser's language comes before the organization's default.
    expect((await feed(org.slug, 'en-GB')).xml).toContain('<title type="text">Feed Words — decision log</title>');
  }, 60_000);
});
