/**
 * The decision log's summaries in every language: English word for word as the CSV export has always written them
 * (for an entry of every kind, with its variants), French and German with no English sentence left — only the data
 * (names, titles, reasons, body names) stays as given.
 */
import { describe, expect, it } from 'vitest';
import { translatorFor } from '@/lib/i18n/catalogue';
import { logKindLabels, summarizeEntry, summarizeEntryIn, summaryParts } from './summary';
import { englishSummaries, fixtureContext, summaryFixtures } from './summary-fixtures';
import { summaryWordsFor } from './summary-text';

const inLanguage = (locale: 'en' | 'fr' | 'de') => summaryWordsFor(locale, translatorFor(locale));

/** The fixtures' data: shown as given in every language, so removed before looking for English words. */
const data = [
  'Grace Hopper',
  'Ada Lovelace',
  'Member assembly',
  'Board',
  'Green Co-op',
  'Blue Co-op',
  'Body "x" is unknown',
  'Quorum too low',
  'The seat is no longer vacant.',
  'Buy a van',
  'Superseded.',
  'My brother sells vans.',
  'Too costly.',
  'I have no conflict.',
  'Ada was elected unopposed.',
  'Not ratified in time.',
  'Nothing to ratify.',
  'Not a member any more.',
  'Workers',
  'Users',
  'Member 4f2a',
  'budget',
  'Longer hours',
  'Storm.',
  'Adopt the budget',
  'Hire',
  'I voted yes.',
  'Bank mandate',
  'future.kind',
  'proposal:abc',
  'weird',
  'odd',
  'Hall',
  'Park',
  'strategy',
];
/** Words of an English sentence: none may be left in a French or German summary once the data is removed. */
const englishWords =
  /\b(the|of|by|on|to|and|was|with|from|their|its|until|after|for|has|could|not|published|closed|opened|changed|voting|seats?|members?|meeting|proposal|ballots?|stood|decided|removed|signed|invited|holders?|minutes|notice|deadline|untitled|unknown|none|group|passed|rejected|carried)\b/i;

describe('decision-log summaries in every language', () => {
  it('has a fixture of every kind the log writes', () => {
    const kinds = new Set(summaryFixtures.map(([, e]) => e.kind));
    expect(Object.keys(logKindLabels).filter((k) => !kinds.has(k))).toEqual([]);
    expect(Object.keys(englishSummaries).sort()).toEqual(summaryFixtures.map(([name]) => name).sort());
  });

  it.each(summaryFixtures)('English is word for word the export’s: %s', (name, e) => {
    expect(summarizeEntry(e, fixtureContext)).toBe(englishSummaries[name]);
    // The English log page's words (next-intl's translator) are the same.
    expect(summarizeEntryIn(e, fixtureContext, inLanguage('en'))).toBe(englishSummaries[name]);
  });

  it.each(['fr', 'de'] as const)('%s: every summary is translated, only the data stays as given', (locale) => {
    const words = inLanguage(locale);
    const left: string[] = [];
    for (const [name, e] of summaryFixtures) {
      const text = summarizeEntryIn(e, fixtureContext, words);
      let rest = text;
      for (const d of [...data].sort((a, b) => b.length - a.length)) rest = rest.split(d).join(' ');
      if (englishWords.test(rest)) left.push(`${name}: ${text}`);
      // Only an unknown kind (its code) reads the same in every language.
      if (text === englishSummaries[name] && e.kind !== 'future.kind') left.push(`${name} (unchanged): ${text}`);
    }
    expect(left).toEqual([]);
  });

  it('writes dates with Intl in French and German, as the English always did in English', () => {
    const [, published] = summaryFixtures.find(([name]) => name === 'proposal.published')!;
    expect(summarizeEntry(published, fixtureContext)).toContain('discussion until 4 Mar 2026, 09:05 UTC');
    expect(summarizeEntryIn(published, fixtureContext, inLanguage('fr'))).toBe(
      `Publication de la proposition n° 7 : « Buy a van » (procédure d’urgence), discussion jusqu’au ${new Intl.DateTimeFormat('fr', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: 'UTC',
        timeZoneName: 'short',
      }).format(new Date('2026-03-04T09:05:00Z'))}`,
    );
    const [, reached] = summaryFixtures.find(([name]) => name === 'petition.threshold_reached')!;
    expect(summarizeEntryIn(reached, fixtureContext, inLanguage('de'))).toBe(
      'Petition Nr. 2 hat ihre Schwelle mit 10 Unterschriften erreicht: Das Gremium „Board“ muss bis 4. März 2026 antworten',
    );
  });

  it('keeps names, titles and body names as given, and every key it uses is in the catalogue', () => {
    const [, opened] = summaryFixtures.find(([name]) => name === 'written_consent.opened')!;
    const text = summarizeEntryIn(opened, fixtureContext, inLanguage('de'));
    expect(text).toBe('Grace Hopper hat den Umlaufbeschluss Nr. 4 „Bank mandate“ des Gremiums „Board“ eröffnet: 3 Sitzinhaber müssen unterschreiben');
    for (const [, e] of summaryFixtures) expect(summaryParts(e, fixtureContext).key).toMatch(/^logSummary\./);
  });
});
