import { describe, expect, it } from 'vitest';
import { charterDiff, charterDiffParts } from '@/lib/governance/charter-diff';
import { charterDiffPairs } from '@/test/support/charter-diff-corpus';
import { catalogues, translatorFor } from '@/lib/i18n/catalogue';
import type { Locale } from '@/lib/i18n/locales';
import { charterDiffWords } from './charter-diff-words';

// What a charter amendment changes, from its parts, in each language: the English catalogue says word for word what
// charterDiff says (its English is unchanged); French and German keep none of its sentences.

const sayIn = (locale: Locale) => {
  const t = translatorFor(locale);
  return charterDiffWords(((key: string, params: never) => t(`charterDiff.${key}` as never, params)) as never);
};

const pairs = charterDiffPairs(1500);
const keysSaid = new Set(pairs.flatMap(([b, a]) => charterDiffParts(b, a).map((p) => p.key)));

describe('charter diff words', () => {
  it('the corpus says every kind of sentence', () => {
    const all = Object.entries(catalogues.en.charterDiff)
      .filter(([, v]) => typeof v === 'string')
      .map(([k]) => k)
      .filter((k) => !['newStage', 'stagesThen', 'noStage', 'bodiesThen', 'noBodies', 'where', 'duration', 'ratio'].includes(k));
    expect([...keysSaid].sort()).toEqual(all.sort());
  });

  it('English from the catalogue is charterDiff’s, word for word', () => {
    const say = sayIn('en');
    for (const [before, after] of pairs) expect(charterDiffParts(before, after).map(say)).toEqual(charterDiff(before, after));
  });

  it.each(['fr', 'de'] as const)('%s keeps none of the English sentences', (locale) => {
    const say = sayIn(locale);
    const english = new Set(pairs.flatMap(([b, a]) => charterDiff(b, a)));
    // The English sentences' fixed words, with the charter's names and the numbers taken out.
    const phrases = [
      'removed from the charter',
      'New body',
      'charter seat',
      'New proposal type',
      'of comments, then',
      'votes for',
      'no deciding stage',
      'Petitions change',
      'Meetings change',
      'back to the default notice',
      'every signature is needed',
      'sealed minutes are disclosed',
      'renamed to',
      'filled seats needed',
      'vacancy deadline',
      'seat class',
      'recused seats',
      'shortfall',
      'who fills its vacancies',
      'what it does changes',
      'comment window',
      'late-revision',
      'reply window',
      'critical',
      'a subject',
      'answer to every concern',
      'consultation audience',
      'deciding stages',
      'decided by',
      'voting window',
      'threshold',
      'the election is counted',
      'emergency procedure',
      'stage ',
      'yes or no',
      'by consent',
      'choosing',
      'approved per ballot',
      'single transferable vote',
      'or more',
      'more than',
      ' days',
      ' hours',
      ' day',
      'votes cast',
      'seat holders',
      'charter amendment',
      'membership weight',
      'employee representative',
      'none',
    ];
    const anyPhrase = new RegExp(phrases.map((x) => x.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
    let said = 0;
    for (const [before, after] of pairs) {
      // Names from the charter stay as given: taken out before looking for English.
      const names = [before, after].flatMap((c) => [...c.bodies, ...c.proposalTypes].map((x) => x.name)).sort((a, b) => b.length - a.length);
      for (const line of charterDiffParts(before, after).map(say)) {
        said++;
        expect(english.has(line), line).toBe(false);
        const words = names.reduce((l, name) => l.split(name).join('·'), line).toLowerCase();
        expect(words, `${locale}: ${line}`).not.toMatch(anyPhrase);
      }
    }
    expect(said).toBeGreaterThan(1000);
  });
});
