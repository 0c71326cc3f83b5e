/**
 * The catalogues' CI check: every language has exactly English's keys, every message parses as
 * ICU MessageFormat, and each translation uses the same placeholders and tags as the English (a
 * translation that drops `{count}` or renames a tag fails here, not in front of a reader). The
 * refusals in the catalogues are codes the rules really use, with the English of
 * lib/governance/messages.ts, so the two cannot drift apart.
 */
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { messages as refusalMessages } from '@/lib/governance/messages';
import { catalogues } from './catalogue';
import { locales } from './locales';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (key.includes('.')) throw new Error(`A key must not contain a dot: ${prefix}${key}`);
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/**
 * The arguments and tags a message uses. A language may treat a number as a plural (French agrees
 * the participle with it) but never a date as anything else: dates are marked.
 */
function signature(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number) into.add(`arg:${e.value}`);
    else if (e.type === TYPE.date || e.type === TYPE.time) into.add(`date:${e.value}`);
    else if (e.type === TYPE.plural || e.type === TYPE.select) {
      into.add(`arg:${e.value}`);
      for (const option of Object.values(e.options)) signature(option.value, into);
    } else if (e.type === TYPE.tag) {
      into.add(`tag:${e.value}`);
      signature(e.children, into);
    }
  }
  return into;
}

const flat = Object.fromEntries(locales.map((l) => [l, flatten(catalogues[l] as unknown as Tree)])) as Record<(typeof locales)[number], Map<string, string>>;
const english = flat.en;

describe('message catalogues', () => {
  it('English has messages for the translated surfaces', () => {
    expect(english.size).toBeGreaterThan(300);
  });

  it.each(locales.filter((l) => l !== 'en'))('%s has exactly the keys of en.json', (locale) => {
    const keys = [...flat[locale].keys()].sort();
    expect(keys).toEqual([...english.keys()].sort());
  });

  it.each(locales)('every %s message parses as ICU and is not empty', (locale) => {
    for (const [key, text] of flat[locale]) {
      expect(() => parse(text), `${locale}: ${key}`).not.toThrow();
      // Deliberately empty branches live inside plurals/selects; a whole message is never empty.
      expect(text.trim().length, `${locale}: ${key}`).toBeGreaterThan(0);
    }
  });

  it.each(locales.filter((l) => l !== 'en'))('%s uses the same placeholders and tags as English in every message', (locale) => {
    for (const [key, text] of english) {
      const theirs = flat[locale].get(key)!;
      expect([...signature(parse(theirs))].sort(), `${locale}: ${key}`).toEqual([...signature(parse(text))].sort());
    }
  });

  it('a translation is not left in English (beyond names, codes and a few shared words)', () => {
    const shared = new Set([
      'layout.footer',
      'header.menu',
      'orgNav.notifications',
      'org.csv',
      'org.participation',
      'health.participation',
      'chart.quorum',
      'stage.csv',
      'common.when',
      'discussion.heading',
      'comments.version',
      'text.heading',
      'proposal.statusRegion',
      'health.overdueIn',
      'orgNav.sections',
      'chart.describe',
      'chart.outcome',
      'body.vacant',
      'stage.optionN',
      'proposalFilters.type',
      'members.columns.person',
      'memberForms.name',
      'proposalActions.text',
      'log.filters.utc',
      'verify.intact',
      'verify.optional',
      'verify.checkpoints',
      'settings.missionField',
      'settings.nameField',
      'settings.logo',
      'settings.webhooksTitle',
      // “absent” is French too (a roll call's attendance inside a refusal).
      'refusalWords.attendance.absent',
    ]);
    for (const locale of ['fr', 'de'] as const) {
      const same = [...english].filter(
        ([key, text]) => flat[locale].get(key) === text && !shared.has(key) && /[a-z]{3,}/i.test(text.replace(/\{[^}]*\}/g, '')),
      );
      expect(same.map(([k]) => `${locale}: ${k}`)).toEqual([]);
    }
  });

  it('every refusal code is translated, but the two that only pass another text through', () => {
    // `rule.refused` and `proposal.options_invalid` are `{reason}`: words a rule or a check composed without a code of their own.
    const passThrough = new Set(['rule.refused', 'proposal.options_invalid']);
    const missing = Object.keys(refusalMessages).filter((code) => !passThrough.has(code) && !english.has(`refusals.${code}`));
    expect(missing).toEqual([]);
    for (const code of passThrough) expect(refusalMessages[code as keyof typeof refusalMessages]).toBe('{reason}');
  });

  it('refusals are keyed by real codes, and the English matches lib/governance/messages.ts', () => {
    const refusals = [...english].filter(([key]) => key.startsWith('refusals.'));
    expect(refusals.length).toBeGreaterThan(40);
    for (const [key, text] of refusals) {
      const code = key.slice('refusals.'.length) as keyof typeof refusalMessages;
      expect(refusalMessages[code], key).toBe(text);
    }
  });
});
