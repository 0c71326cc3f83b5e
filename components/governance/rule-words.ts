import { useTranslations } from 'next-intl';
import type { Ratio } from '@/lib/governance/types';

type TCommon = ReturnType<typeof useTranslations<'common'>>;

export type RuleWords = {
  /** "2/3 or more", "more than 1/2" in the reader's language. */
  ratio: (r: Ratio) => string;
  /** "7 days" when a whole number of days, else "36 hours", in the reader's language. */
  hours: (hours: number) => string;
};

/** The charter's ratios and durations in words, from the `common` messages (for code that already holds them). */
export function ruleWords(tc: TCommon): RuleWords {
  return {
    ratio: (r) => tc('ratio', { inclusive: String(r.inclusive), num: r.num, den: r.den }),
    hours: (h) => (h >= 24 && h % 24 === 0 ? tc('duration', { unit: 'day', n: h / 24 }) : tc('duration', { unit: 'hour', n: h })),
  };
}

/** The charter's ratios and durations in words, in the reader's language (server or client component). */
export function useRuleWords(): RuleWords {
  return ruleWords(useTranslations('common'));
}
