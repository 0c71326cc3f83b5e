import { useLocale, useTranslations } from 'next-intl';
import type { RuleWordParam, RuleWordPart } from '@/lib/governance/rule-word-parts';
import type { ChoiceMethodSpec } from '@/lib/governance/types';

type TWords = ReturnType<typeof useTranslations<'ruleWords'>>;

/** A list of names: in English as the rules join it ("Ada, Bo and Cy", no serial comma), else through Intl.ListFormat. */
function listIn(locale: string, items: readonly string[]): string {
  if (locale === 'en') return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}

/**
 * The rules' texts given as parts (lib/governance/rule-word-parts.ts) in the reader's language, from the `ruleWords`
 * messages; several parts read as one text, joined by a space. In English, word for word the rules' English functions.
 */
export function ruleWordText(t: TWords, locale: string): (parts: RuleWordPart | readonly RuleWordPart[]) => string {
  const value = (v: RuleWordParam): string | number => (typeof v === 'object' ? listIn(locale, v.list) : v);
  const one = (p: RuleWordPart) => t(p.key, Object.fromEntries(Object.entries(p.params).map(([k, v]) => [k, value(v)])) as never);
  return (parts) => (Array.isArray(parts) ? (parts as readonly RuleWordPart[]) : [parts as RuleWordPart]).map(one).join(' ');
}

/** A built-in counting method's name in the reader's language ("ranked, instant-runoff"); English is `choiceMethodName`. */
export function methodNameIn(t: TWords, key: ChoiceMethodSpec['key']): string {
  return t(`methods.${key}`);
}

/** The same in a server component (or a markup test's provider). */
export function useRuleWordText(): (parts: RuleWordPart | readonly RuleWordPart[]) => string {
  return ruleWordText(useTranslations('ruleWords'), useLocale());
}
