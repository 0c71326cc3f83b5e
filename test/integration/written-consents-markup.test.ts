/**
 * The written-consent pages in French and German: the list page (rules, groups, each card, the form to open one) and a
 * consent's page (state, signers, the sign, revoke and withdraw forms) keep none of their English sentences, and an
 * action's success line comes in the reader's language.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { seats, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { initialActionState } from '@/lib/actions/state';
import type { Locale } from '@/lib/i18n/locales';
import { pageText, serverIntl } from '../support/server-intl';
import { expectRedirect, form, session, signInAs, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('@/lib/rate-limit', () => ({ consumeLimit: async () => ({ ok: true }), consumeLimitIn: async () => ({ ok: true }) }));
vi.mock('next-intl/server', async () => (await import('../support/server-intl')).nextIntlServer);
// The flash region reads the request's cookies: nothing to show here.
vi.mock('@/components/ui/flash', () => ({ FlashRegion: () => null }));

const { openWrittenConsentAction, signWrittenConsentAction } = await import('@/app/o/[slug]/written-consents/actions');
const { default: ListPage } = await import('@/app/o/[slug]/written-consents/page');
const { default: ConsentPage } = await import('@/app/o/[slug]/written-consents/[number]/page');

const slug = 'riverbend-commons';
let db: Database;
let orgId: string;
const people: Record<string, { id: string; email: string; name: string | null }> = {};
let number: number;
let consentId: string;

withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  ({ orgId } = await seedDemo(db));
  for (const u of await db.select().from(users)) people[u.email.split('@')[0]!] = u;
  // Seat 7 filled: the board at its minimum for critical decisions, so a consent can open.
  await db
    .update(seats)
    .set({ holderUserId: people.sofia!.id, vacatedAt: null })
    .where(and(eq(seats.orgId, orgId), eq(seats.bodyKey, 'board'), eq(seats.position, 7)));
  signInAs(people.linus!);
  const to = await expectRedirect(() =>
    openWrittenConsentAction(
      initialActionState,
      form({ orgId, bodyKey: 'board', title: 'Renew the insurance policy', body: 'Resolved, that the board renews the insurance policy.' }),
    ),
  );
  number = Number(to.split('/').at(-1));
  consentId = (await db.query.writtenConsents.findFirst({ where: (c, { eq: is }) => is(c.number, number) }))!.id;
});

const list = (locale: Locale) => pageText(locale, () => ListPage({ params: Promise.resolve({ slug }) }));
const consent = (locale: Locale) => pageText(locale, () => ConsentPage({ params: Promise.resolve({ slug, number: String(number) }) }));

// English sentences of the two pages (as the English page shows them, each within one element).
const englishOfList = [
  'A body decides without a meeting only when every one of its seat holders signs.',
  'A body of seats may decide without a meeting by unanimous written consent',
  'Open for signatures (1)',
  'Written consent #1 Renew the insurance policy',
  'of 7 signed',
  'left: it expires',
  'Open a written consent',
  'Every person holding one of the body’s seats now must sign',
  'seat holders must sign',
  'Resolution text',
];
const englishOfConsent = [
  'All written consents',
  'Unanimous written consent of the board',
  'The resolution',
  'The seat holders when it opened; fixed then.',
  'Not signed',
  '0 of 7 signers have signed.',
  'charter seats were filled when it opened',
  'I consent in writing to this resolution, in lieu of a meeting.',
  'Withdraw this written consent…',
  'Withdraw written consent #1',
];

describe('the written-consent pages in French and German', () => {
  it('in English: the sentences the checks below look for are there', async () => {
    signInAs(people.linus!);
    const l = await list('en');
    for (const s of englishOfList) expect(l).toContain(s);
    const c = await consent('en');
    for (const s of englishOfConsent) expect(c).toContain(s);
  });

  it.each(['fr', 'de'] as const)('in %s: no English sentence left on the list and on the consent’s page', async (locale) => {
    signInAs(people.linus!);
    const l = await list(locale);
    for (const s of englishOfList) expect(l).not.toContain(s);
    expect(l).toContain(locale === 'fr' ? 'Ouverts à la signature (1)' : 'Offen zur Unterschrift (1)');
    const c = await consent(locale);
    for (const s of englishOfConsent) expect(c).not.toContain(s);
    expect(c).toContain(locale === 'fr' ? '0 signataires sur 7 ont signé.' : '0 von 7 unterzeichnenden Personen haben unterschrieben.');
    expect(c).toContain(locale === 'fr' ? 'Consentement écrit unanime de l’organe « Board »' : 'Einstimmiger Umlaufbeschluss des Gremiums „Board“');
  });

  it('a signature’s success line in French', async () => {
    signInAs(people.linus!);
    serverIntl.locale = 'fr';
    try {
      const state = await signWrittenConsentAction(initialActionState, form({ orgId, consentId, confirm: 'yes' }));
      expect(state.ok, state.message).toBe(true);
      expect(state.message).toBe('Signé. 1 signature sur 7.');
    } finally {
      serverIntl.locale = 'en';
    }
  });
});
