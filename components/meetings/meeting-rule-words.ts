import { useLocale, useTranslations } from 'next-intl';
import { ruleWords } from '@/components/governance/rule-words';
import { formatUtc } from '@/lib/governance/time';
import type { RuleParam, RulePart } from '@/lib/governance/rule-parts';

type TRules = ReturnType<typeof useTranslations<'meetingRules'>>;
type TCommon = ReturnType<typeof useTranslations<'common'>>;

/**
 * The meetings' rule texts (lib/governance/rule-parts.ts) in the reader's language, from the `meetingRules` messages:
 * durations and ratios in the `common` words. An instant (only the minutes' first draft has one) reads as the draft
 * always has in English ('3 Dec 2026, 14:00 UTC'), and as `common.when` in another language.
 */
export function meetingRuleWords(tr: TRules, tc: TCommon, locale: string): (p: RulePart) => string {
  const { hours, ratio } = ruleWords(tc);
  const value = (v: RuleParam): string | number => {
    if (typeof v !== 'object') return v;
    if ('hours' in v) return hours(v.hours);
    if ('ratio' in v) return ratio(v.ratio);
    return locale === 'en' ? formatUtc(v.date) : tc('when', { at: v.date });
  };
  return (p) => tr(p.key, Object.fromEntries(Object.entries(p.params).map(([k, v]) => [k, value(v)])) as never);
}

/** The same in a server component (or a markup test's provider). */
export function useMeetingRuleWords(): (p: RulePart) => string {
  return meetingRuleWords(useTranslations('meetingRules'), useTranslations('common'), useLocale());
}
