// A decision-log summary as data: a message key of the `logSummary` catalogue namespace (or a kind's name in
// `log.kinds`) and its parameters, which may be texts of their own. The log page and the Atom feed put it into the
// reader's language; `englishSummaryWords` puts it into the English the CSV export and the English pages have always
// shown (lib/transparency/summary-i18n.test.ts holds the English, word for word, for every kind). Pure.
import { createTranslator } from 'use-intl/core';
import en from '@/messages/en.json';
import { formats } from '@/lib/i18n/formats';
import { englishActorWords } from './actor-name';
import type { ActorWords } from './actor-name';

/** A date in a summary, and how the English has always written it. */
export type SummaryDate = {
  at: Date;
  /** 'minute': "4 Mar 2026, 09:05 UTC"; 'isoMinute': "2026-03-04 09:05 UTC"; 'isoDay': "2026-03-04". */
  style: 'minute' | 'isoMinute' | 'isoDay';
};

/** A list of texts joined by `sep` (", " or "; "): the charter's bodies, the candidates, what changed. */
export type SummaryList = { list: SummaryParam[]; sep: string };

/**
 * A parameter: a string shown as given (names, titles, reasons, "?"), a number (only to choose a plural: shown
 * numbers are passed as strings, as the English never grouped their digits), a date, a list or a text of its own.
 */
export type SummaryParam = string | number | SummaryDate | SummaryList | SummaryText;

/** A summary or part of one: `key` is a full catalogue key (`logSummary.…`, or `log.kinds.…` for a kind's name). */
export type SummaryText = { key: string; params?: Record<string, SummaryParam> };

/** How a language turns a summary into words: its messages and its dates. */
export type SummaryWords = {
  t: (key: string, params?: Record<string, string | number>) => string;
  date: (d: SummaryDate) => string;
};

export const summaryText = (key: string, params?: Record<string, SummaryParam>): SummaryText => (params ? { key, params } : { key });
/** A word of the `logSummary.words` messages ("a member", "the body", …). */
export const word = (name: string, params?: Record<string, SummaryParam>): SummaryText => summaryText(`logSummary.words.${name}`, params);

export function renderSummary(text: SummaryText, words: SummaryWords): string {
  const param = (v: SummaryParam): string | number => {
    if (typeof v === 'string' || typeof v === 'number') return v;
    if ('at' in v) return words.date(v);
    if ('list' in v) return v.list.map((x) => String(param(x))).join(v.sep);
    return renderSummary(v, words);
  };
  const params = text.params ? Object.fromEntries(Object.entries(text.params).map(([k, v]) => [k, param(v)])) : undefined;
  return words.t(text.key, params);
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The dates as the English summaries have always written them (UTC). */
export function englishSummaryDate({ at: d, style }: SummaryDate): string {
  if (style === 'isoDay') return d.toISOString().slice(0, 10);
  if (style === 'isoMinute') return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`;
}

const englishT = createTranslator({ locale: 'en', messages: en, timeZone: 'UTC', formats });

/** The English of the summaries: the CSV export's, the English log page's and feed's. */
export const englishSummaryWords: SummaryWords = {
  t: (key, params) => (englishT as unknown as SummaryWords['t'])(key, params),
  date: englishSummaryDate,
};

/**
 * The words of a summary in `locale`, with its translator (next-intl's `getTranslations()` without a namespace, or
 * `translatorFor`). English keeps its own dates (the export's); other languages write them with Intl, in UTC.
 */
export function summaryWordsFor(locale: string, t: unknown): SummaryWords {
  if (locale === 'en') return { t: t as SummaryWords['t'], date: englishSummaryDate };
  const minute = new Intl.DateTimeFormat(locale, formats.dateTime.long);
  const day = new Intl.DateTimeFormat(locale, formats.dateTime.day);
  return { t: t as SummaryWords['t'], date: ({ at, style }) => (style === 'isoDay' ? day : minute).format(at) };
}

/** The number a plural is chosen by when the payload lacks it (shown as "?"): plural ("? hours") in every language. */
export const countOf = (n: number | null): number => n ?? Number.NaN;

/** The words the decision log's lines are said in: its summaries, and who acted ("(now …)", "A member"). */
export type LogLanguage = { summary: SummaryWords; actor: ActorWords };

/** The English of the log: the CSV export's, and the default. */
export const englishLog: LogLanguage = { summary: englishSummaryWords, actor: englishActorWords };

/**
 * The log's words in `locale`, from a translator of the whole catalogue (next-intl's `getTranslations()` without a
 * namespace, or `translatorFor`).
 */
export function logLanguageFor(locale: string, t: unknown): LogLanguage {
  const summary = summaryWordsFor(locale, t);
  return {
    summary,
    actor: {
      now: (recorded, current) => summary.t('logSummary.actor.now', { recorded, current }),
      aMember: summary.t('logSummary.actor.aMember'),
      deleted: (pseudonym) => summary.t('verifyWords.deletedAccount', { pseudonym }),
    },
  };
}
