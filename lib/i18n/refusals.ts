// use-intl's core: no React, so the worker and scripts (react-server conditions, no createContext) can load it.
import { createTranslator } from 'use-intl/core';
import { getLocale } from 'next-intl/server';
import { messages as englishRefusals } from '@/lib/governance/messages';
import type { MessageParams, RefusalCode } from '@/lib/governance/messages';
import { parseBodies, parseDuration } from '@/lib/governance/refusal-facts';
import { catalogues, translatorFor } from './catalogue';
import { englishMessagePattern, matchEnglish } from './english-match';
import { fieldErrorIn } from './field-errors';
import { formats } from './formats';
import { isLocale } from './locales';
import type { Locale } from './locales';

/**
 * Refusals in the reader's language, by their codes: code `area.what` is the message
 * `refusals.area.what`. The catalogues hold every code but the two that only pass another text
 * through (`rule.refused`, `proposal.options_invalid`: docs/i18n.md); those keep the English of
 * lib/governance/messages.ts. A parameter that carries its fact beside it (`name:kind`,
 * lib/governance/refusal-facts.ts: an instant, a duration, a phase, a petition's or written consent's state, a roll
 * call's attendance, a rate limit's policy, a delegation's scope, a webhook delivery's state, bodies any one of which
 * would do) is worded from that fact in the reader's language (`paramsIn`); any other
 * is passed as the rules give it. A reason given by its own code (`reasonCode`) is translated too.
 */
export function hasTranslatedRefusal(code: string): boolean {
  const [area, what] = code.split('.');
  const table = catalogues.en.refusals as Record<string, Record<string, string> | undefined>;
  return Boolean(area && what && table[area]?.[what] !== undefined);
}

/** The words of the kinds of fact worded from a code (`refusalWords.<kind>.<code>`). */
const codeFacts = new Set(['phase', 'petition', 'consent', 'attendance', 'limit', 'delivery']);

/**
 * A fact beside a parameter in `locale`'s words, or null (a kind or code the catalogue does not know): an instant as
 * the app's other dates (`common.when`: the long format, UTC), a duration with its plural (`refusalWords.duration`),
 * a code from `refusalWords`.
 */
function factIn(locale: Locale, kind: string, fact: string | number): string | null {
  const t = translatorFor(locale) as unknown as { (key: string, values?: MessageParams): string; has: (key: string) => boolean };
  if (kind === 'instant') {
    const at = new Date(String(fact));
    return Number.isNaN(at.getTime()) ? null : t('common.when', { at } as never);
  }
  if (kind === 'duration') {
    const duration = parseDuration(String(fact));
    return duration && t('refusalWords.duration', { unit: duration.unit, n: duration.n });
  }
  if (kind === 'scope') {
    // A delegation's scope as the delegations page words it; a type's name stays as the charter gives it.
    const [, scope, rest] = /^(general|type|proposal)(?::(.*))?$/s.exec(String(fact)) ?? [];
    if (!scope || (scope !== 'general' && rest === undefined)) return null;
    return t('delegations.scope', { kind: scope, type: rest ?? '', number: rest ?? '' });
  }
  if (kind === 'bodies') {
    // Bodies any one of which would do: each by the name the charter gives it, in the reader's "or".
    const names = parseBodies(String(fact));
    if (!names) return null;
    if (names.length === 0) return t('refusalWords.noBody');
    return new Intl.ListFormat(locale, { type: 'disjunction' }).format(names.map((name) => t('refusalWords.body', { name })));
  }
  if (codeFacts.has(kind)) {
    const key = `refusalWords.${kind}.${String(fact)}`;
    return t.has(key) ? t(key) : null;
  }
  return null;
}

/**
 * The parameters in `locale`: each one that carries a fact beside it (`name:kind`) worded from the fact; English keeps
 * the rules' words, which the English refusal is made of (lib/governance/messages.ts), word for word.
 */
export function paramsIn(locale: Locale, params: MessageParams): MessageParams {
  if (locale === 'en') return params;
  const out: MessageParams = { ...params };
  for (const [key, fact] of Object.entries(params)) {
    const colon = key.indexOf(':');
    if (colon <= 0) continue;
    const words = factIn(locale, key.slice(colon + 1), fact);
    if (words !== null) out[key.slice(0, colon)] = words;
  }
  return out;
}

export function refusalIn(locale: Locale, code: RefusalCode, given: MessageParams = {}): string | null {
  if (!hasTranslatedRefusal(code)) return null;
  let params = paramsIn(locale, given);
  // A refusal that gives another as its reason (`reasonCode`, with that one's parameters beside it): the reason in the same language.
  const reasonCode = params.reasonCode;
  if (typeof reasonCode === 'string' && reasonCode !== code && hasTranslatedRefusal(reasonCode)) {
    const reason = refusalIn(locale, reasonCode as RefusalCode, { ...given, reasonCode: '' });
    if (reason) params = { ...params, reason };
  }
  // A message that cannot be formatted (a parameter missing) falls back to the English, never to its key.
  const t = createTranslator({
    locale,
    messages: catalogues[locale],
    timeZone: 'UTC',
    formats,
    onError: () => {},
    getMessageFallback: () => '',
  }) as unknown as (key: string, values: MessageParams) => string;
  return t(`refusals.${code}`, params) || null;
}

/** The request's language; English outside a request (tests and scripts call actions directly). */
export async function requestLanguage(): Promise<Locale> {
  try {
    const locale = await getLocale();
    return isLocale(locale) ? locale : 'en';
  } catch {
    return 'en';
  }
}

/** A translator in the request's language, for actions' answers. */
export async function requestTranslator() {
  return translatorFor(await requestLanguage());
}

/** The refusal in the request's language; the English words outside a request (tests, scripts) or for a pass-through code (`rule.refused`, `proposal.options_invalid`). */
export async function localizedRefusal(code: RefusalCode, params: MessageParams | undefined, english: string): Promise<string> {
  const locale = await requestLanguage();
  if (locale === 'en') return english;
  return refusalIn(locale, code, params) ?? english;
}

/** Each translated refusal's English as a pattern, its placeholders captured: to recognise a refusal that reached a form as words only. */
const englishPatterns = (Object.keys(englishRefusals) as RefusalCode[])
  .filter((code) => hasTranslatedRefusal(code))
  .map((code) => ({ key: code, ...englishMessagePattern(englishRefusals[code]) }));

/** The code and parameters of a text that is exactly a translated refusal's English (a field error a schema worded from the catalogue), else null. */
export function refusalOfEnglish(text: string): { code: RefusalCode; params: MessageParams } | null {
  const found = matchEnglish(englishPatterns, text);
  return found && { code: found.key, params: found.params };
}

/**
 * A form's field errors in the request's language: those that are a refusal's English (the schemas
 * word some from the catalogue: a confirmation box, a webhook address, a stakeholder group's name)
 * and those that are a schema message of the `fieldErrors` namespace (lib/i18n/field-errors.ts) are
 * translated; any other stays as it is (zod's own words are worded by `zodErrorsIn` when parsing).
 */
export async function localizedFieldErrors(fieldErrors: Record<string, string[]>): Promise<Record<string, string[]>> {
  return fieldErrorsIn(await requestLanguage(), fieldErrors);
}

/** Field errors in `locale`, as `localizedFieldErrors` gives them (for a caller that knows the language, such as the API). */
export function fieldErrorsIn(locale: Locale, fieldErrors: Record<string, string[]>): Record<string, string[]> {
  if (locale === 'en') return fieldErrors;
  const out: Record<string, string[]> = {};
  for (const [field, texts] of Object.entries(fieldErrors)) {
    out[field] = texts.map((text) => {
      const refusal = refusalOfEnglish(text);
      return (refusal && refusalIn(locale, refusal.code, refusal.params)) ?? fieldErrorIn(locale, text) ?? text;
    });
  }
  return out;
}
