/**
 * The /unsubscribe page and its one-click answers in English (word for word), French and German: the page's title, the
 * question for one notice and for all, the confirmation, an invalid link, and the plain-text answers of the POST route.
 */
import { describe, expect, it, vi } from 'vitest';
import { users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/locales';
import { signUnsubscribeToken } from '@/lib/notify/unsubscribe-token';
import { pageText, serverIntl } from '../support/server-intl';
import { withTestDatabase } from './helpers';

vi.mock('next-intl/server', async () => (await import('../support/server-intl')).nextIntlServer);

const page = await import('@/app/unsubscribe/page');
const { POST } = await import('@/app/unsubscribe/one-click/route');

let one = '';
let all = '';

withTestDatabase({ app: true }, async (ready) => {
  const { orgId } = await seedDemo(ready.db);
  const userId = (await ready.db.select().from(users))[0]!.id;
  one = signUnsubscribeToken(env().authSecret, { userId, orgId, kind: 'vote_reminder' });
  all = signUnsubscribeToken(env().authSecret, { userId, orgId, kind: 'all' });
});

const render = (locale: Locale, t: string | undefined, done?: string) => pageText(locale, () => page.default({ searchParams: Promise.resolve({ t, done }) }));

// Every English sentence the page can show, as the English page shows it.
const sentences = {
  invalid: ['This unsubscribe link is not valid', 'It may have been copied incompletely. Sign in and open your notification preferences instead.'],
  one: [
    'Unsubscribe',
    'Riverbend Commons on Quorate',
    'Stop “Vote reminders” e-mails from Riverbend Commons?',
    'Notices the charter requires — a proposal your body decides, a proposal that names you — cannot be turned off. Signed-in members can change every setting on the notification preferences page.',
  ],
  all: ['Stop optional e-mails (the daily digest and every notice you can turn off) from Riverbend Commons?'],
  doneOne: ['You are unsubscribed', 'You will no longer receive “Vote reminders” e-mails from Riverbend Commons.'],
  doneAll: ['You will no longer receive optional e-mails (the daily digest and every notice you can turn off) from Riverbend Commons.'],
};
const cases = {
  invalid: (l: Locale) => render(l, 'not-a-token'),
  one: (l: Locale) => render(l, one),
  all: (l: Locale) => render(l, all),
  doneOne: (l: Locale) => render(l, one, '1'),
  doneAll: (l: Locale) => render(l, all, '1'),
};
// English words a French or German page must not show (the button is “Unsubscribe” only in English).
const englishWords = /\b(Unsubscribe|unsubscribe|e-mails from|notice|Notices|Signed-in|no longer|not valid|on Quorate)\b/;

describe('the unsubscribe page', () => {
  it.each(Object.keys(cases) as (keyof typeof cases)[])('%s: English word for word, French and German without it', async (which) => {
    const en = await cases[which]('en');
    for (const s of sentences[which]) expect(en).toContain(s);
    for (const locale of ['fr', 'de'] as const) {
      const text = await cases[which](locale);
      for (const s of sentences[which]) expect(text, locale).not.toContain(s);
      expect(text, locale).not.toMatch(englishWords);
    }
  });

  it('French and German say what the English says', async () => {
    expect(await render('fr', one)).toContain('Ne plus recevoir les e-mails « Rappels de vote » de Riverbend Commons ?');
    expect(await render('de', all, '1')).toContain('Sie erhalten keine optionalen E-Mails');
    expect(await render('fr', one)).toContain('sur la page des préférences de notification .');
  });

  it('its <title>', async () => {
    const title = async (locale: Locale) => {
      serverIntl.locale = locale;
      try {
        return (await page.generateMetadata()).title;
      } finally {
        serverIntl.locale = 'en';
      }
    };
    expect(await title('en')).toBe('Unsubscribe');
    expect(await title('fr')).toBe('Se désabonner');
    expect(await title('de')).toBe('Abmelden');
  });

  it('the one-click answers follow Accept-Language, English without one', async () => {
    const post = async (token: string, language?: string) => {
      const response = await POST(
        new Request(`http://quorate.test/unsubscribe/one-click?t=${token}`, {
          method: 'POST',
          headers: language ? { 'accept-language': language } : {},
          body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }),
        }),
      );
      return [response.status, await response.text(), response.headers.get('content-language')];
    };
    expect(await post('x.y')).toEqual([400, 'This unsubscribe link is not valid.', 'en']);
    expect(await post('x.y', 'fr-CA,fr;q=0.9')).toEqual([400, 'Ce lien de désabonnement n’est pas valide.', 'fr']);
    expect(await post(one, 'de')).toEqual([200, 'Sie sind abgemeldet.', 'de']);
    expect(await post(one, 'es')).toEqual([200, 'You are unsubscribed.', 'en']);
  });
});
