/**
 * The decision log's CSV export in the reader's language, through the real route: its summaries (and the flag of an
 * entry whose bytes do not verify) follow the request's Accept-Language, else the organization's default, else
 * English, as the Atom feed's do; English is word for word the export as before; the columns, kinds, raw entries and
 * hashes are the same in every language.
 */
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, organizations } from '@/db/schema';
import { GET as csvGET } from '@/app/o/[slug]/log/export.csv/route';
import { forgetLogIntegrity } from '@/lib/transparency/log-status';
import { foundOrganization } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { session, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));

let db: Database;
let org: FoundedOrganization;
let tampered: number;
withTestDatabase({ app: true }, async (handle) => {
  db = handle.db;
  org = await foundOrganization(db, { slug: 'csv-words', seated: 3, at: new Date('2026-05-01T09:00:00Z') });
  // The last entry's bytes changed as a superuser would (the append-only triggers off for this transaction only).
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw('alter table decision_log disable trigger user'));
    const rows = await tx.select().from(decisionLog).where(eq(decisionLog.orgId, org.orgId));
    const last = rows.sort((a, b) => b.seq - a.seq)[0]!;
    tampered = last.seq;
    await tx
      .update(decisionLog)
      .set({ entry: last.entry.replace('"kind":"', '"kind":"x') })
      .where(and(eq(decisionLog.orgId, org.orgId), eq(decisionLog.seq, tampered)));
    await tx.execute(sql.raw('alter table decision_log enable trigger user'));
  });
  forgetLogIntegrity();
});

const csv = async (acceptLanguage?: string) => {
  const headers = acceptLanguage ? { 'Accept-Language': acceptLanguage } : undefined;
  const res = await csvGET(new Request(`http://quorate.test/o/${org.slug}/log/export.csv`, { headers }), { params: Promise.resolve({ slug: org.slug }) });
  expect(res.status).toBe(200);
  return { res, text: await res.text() };
};
/** Every line but its summary column (the 4th): the same in every language. */
const withoutSummaries = (text: string) => text.split('\n').map((l) => l.split(',').slice(0, 3).join(','));

describe('the decision log’s CSV export', () => {
  it('English: the summaries and the flag word for word as before', async () => {
    const { res, text } = await csv();
    expect(res.headers.get('content-language')).toBe('en');
    expect(res.headers.get('vary')).toContain('Accept-Language');
    expect(text).toContain(',"Charter version 1 adopted: Board 9 seats, Member assembly 25 seats",');
    expect(text).toContain(',Founding appointment: csv-words person 0 to Board seat 1,');
    expect(text).toContain(`[DOES NOT VERIFY: entry #${tampered} does not match its hash]`);
  });

  it('French and German: the summaries and the flag in the language, the rest unchanged', async () => {
    const en = await csv();
    const fr = await csv('fr-CA,fr;q=0.9');
    expect(fr.res.headers.get('content-language')).toBe('fr');
    // A shared cache keeps one copy per language asked (the public page cache never holds the export: policy.test.ts).
    expect(fr.res.headers.get('cache-control')).toContain('public');
    expect(fr.res.headers.get('vary')).toContain('Accept-Language');
    expect(fr.text).toContain(',Nomination fondatrice : csv-words person 0 au siège 1 de l’organe « Board »,');
    expect(fr.text).toContain(`[NE SE VÉRIFIE PAS : `);
    expect(fr.text).not.toMatch(/Founding appointment|Charter version|seats,|DOES NOT VERIFY|does not match/);
    expect(withoutSummaries(fr.text)).toEqual(withoutSummaries(en.text));
    // No language the browser asks for that Quorate speaks: the organization's default.
    await db.update(organizations).set({ defaultLocale: 'de' }).where(eq(organizations.id, org.orgId));
    const de = await csv('es');
    expect(de.res.headers.get('content-language')).toBe('de');
    expect(de.text).toContain(',Gründungsbesetzung: csv-words person 0 auf Sitz 1 im Gremium „Board“,');
    expect(de.text).toContain('[NICHT VERIFIZIERBAR: ');
    expect(de.text).not.toMatch(/Founding appointment|Charter version|seats,|DOES NOT VERIFY|does not match/);
    await db.update(organizations).set({ defaultLocale: 'en' }).where(eq(organizations.id, org.orgId));
  });
});
