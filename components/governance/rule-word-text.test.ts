import { describe, expect, it } from 'vitest';
import { choiceMethodKeys, choiceMethodName } from '@/lib/governance/choice';
import { unopposedParts, unopposedSentence } from '@/lib/governance/election';
import { defaultDeclaration, defaultDeclarationPart } from '@/lib/governance/seat-class';
import { catalogues, translatorFor } from '@/lib/i18n/catalogue';
import type { Locale } from '@/lib/i18n/locales';
import { methodNameIn, ruleWordText } from './rule-word-text';

// The rules' texts the pages pass on (issue 16): the counting methods' names, a class seat's declaration and the
// statement of an election decided unopposed. The English catalogue says word for word what the rules' English
// functions say (the declaration and the statement are what the log records); French and German keep none of it.

const words = (locale: Locale) => ((key: string, params: never) => translatorFor(locale)(`ruleWords.${key}` as never, params)) as never;
const sayIn = (locale: Locale) => ruleWordText(words(locale), locale);

const classes = ['independent', 'employee_representative', 'member_elected', 'audit_committee_expert', 'trustee'];
const elections: [string[], number][] = [
  [[], 0],
  [[], 1],
  [[], 3],
  [['Ada Lovelace'], 0],
  [['Ada Lovelace'], 1],
  [['Ada Lovelace', 'Bo'], 0],
  [['Ada Lovelace', 'Bo'], 2],
  [['Ada', 'Bo', 'Cy Young (2)'], 0],
  [['Ada', 'Bo', 'Cy', 'Dee'], 5],
];

/** Every English sentence, for the French and German checks. */
const english = [
  ...choiceMethodKeys.map(choiceMethodName),
  ...classes.map(defaultDeclaration),
  ...elections.map(([elected, vacant]) => unopposedSentence(elected, vacant)),
  // Each sentence of a statement on its own (a French statement must not keep any of them).
  'No candidate accepted a nomination, so nobody is elected.',
  'was the only candidate',
  'were the only candidates',
  'elected unopposed, without a vote.',
  'seat stays vacant.',
  'seats stay vacant.',
];

describe('the rules’ words in English: word for word the English functions', () => {
  const say = sayIn('en');
  it('names every counting method as choiceMethodName does', () => {
    for (const key of choiceMethodKeys) expect(methodNameIn(words('en'), key)).toBe(choiceMethodName(key));
  });
  it('words every declaration as defaultDeclaration does (the recorded text)', () => {
    for (const c of classes) expect(say(defaultDeclarationPart(c))).toBe(defaultDeclaration(c));
  });
  it('words every unopposed election as unopposedSentence does (the log’s words)', () => {
    for (const [elected, vacant] of elections) expect(say(unopposedParts(elected, vacant))).toBe(unopposedSentence(elected, vacant));
  });
});

describe.each(['fr', 'de'] as const)('the rules’ words in %s', (locale) => {
  const say = sayIn(locale);
  const said = [
    ...choiceMethodKeys.map((k) => methodNameIn(words(locale), k)),
    ...classes.map((c) => say(defaultDeclarationPart(c))),
    ...elections.map(([elected, vacant]) => say(unopposedParts(elected, vacant))),
  ];
  it('keeps none of the English', () => {
    for (const text of said) {
      expect(text).not.toBe('');
      for (const sentence of english) expect(text, text).not.toContain(sentence);
    }
  });
  it('keeps the names, counts and charter’s own class', () => {
    expect(say(unopposedParts(['Ada', 'Bo', 'Cy'], 2))).toContain(locale === 'fr' ? 'Ada, Bo et Cy' : 'Ada, Bo und Cy');
    expect(say(unopposedParts(['Ada'], 2))).toContain('2');
    expect(say(defaultDeclarationPart('audit_committee_expert'))).toContain('audit committee expert');
  });
  it('names the methods as the charter summary does', () => {
    for (const key of choiceMethodKeys) expect(methodNameIn(words(locale), key)).toBe(catalogues[locale].charter.methods[key]);
  });
});
