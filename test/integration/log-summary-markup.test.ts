import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LogEntryItem } from '@/components/transparency/log-entry-item';
import type { PublicLogRow } from '@/db/read/types';
import { translatorFor } from '@/lib/i18n/catalogue';
import type { Locale } from '@/lib/i18n/locales';
import { actorAsRecorded } from '@/lib/transparency/actor-name';
import { summarizeEntryIn } from '@/lib/transparency/summary';
import { englishSummaries, fixtureContext, summaryFixtures } from '@/lib/transparency/summary-fixtures';
import { logLanguageFor } from '@/lib/transparency/summary-text';
import { inLocale } from '../support/intl';

// The decision log's entries as the log page shows them, in English, French and German: the summary of an entry of
// every kind, and who acted ("(now …)", "A member") in the reader's language.

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');

/** Entries of a kind the log does not know: shown by their code in every language. */
const unknownKind = new Set(summaryFixtures.filter(([, e]) => e.kind === 'future.kind').map(([name]) => name));

function logPage(locale: Locale): string {
  const language = logLanguageFor(locale, translatorFor(locale));
  const items = summaryFixtures.map(([, e], i) => {
    const entry: PublicLogRow = {
      ...e,
      seq: i + 1,
      at: new Date('2026-03-04T09:05:00Z'),
      prevHash: '0',
      hash: '1',
      entry: '{}',
      problem: null,
      problemText: null,
    };
    return createElement(LogEntryItem, {
      key: i,
      entry,
      summary: summarizeEntryIn(e, fixtureContext, language.summary),
      actor: e.actorId ? actorAsRecorded(null, fixtureContext.personName(e.actorId), language.actor) : null,
      proposalHref: null,
    });
  });
  return text(renderToStaticMarkup(inLocale(locale, createElement('ol', null, items))));
}

describe('the log page’s entries in every language', () => {
  it('English: every summary word for word, and "A member (now …)"', () => {
    const page = logPage('en');
    for (const english of Object.values(englishSummaries)) expect(page).toContain(english);
    expect(page).toContain('By A member (now Grace Hopper)');
  });

  it.each(['fr', 'de'] as const)('%s: no English summary is left, and the actor is in the reader’s language', (locale) => {
    const page = logPage(locale);
    const left = Object.entries(englishSummaries).filter(([name, english]) => !unknownKind.has(name) && page.includes(english));
    expect(left).toEqual([]);
    expect(page).toContain(locale === 'fr' ? 'Par Un membre (aujourd’hui Grace Hopper)' : 'Von Ein Mitglied (heute Grace Hopper)');
    expect(page).not.toContain('(now ');
  });
});
