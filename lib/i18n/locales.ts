import { match } from '@formatjs/intl-localematcher';

/**
 * The languages Quorate speaks, and how a request's language is chosen. Pure: no I/O.
 *
 * The order of precedence (docs/i18n.md): the signed-in person's own choice, else the browser's
 * Accept-Language, else the organization's default, else English.
 */
export const locales = ['en', 'fr', 'de'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** Each language's name in itself, for the choosers. */
export const localeNames: Record<Locale, string> = { en: 'English', fr: 'Français', de: 'Deutsch' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The language tags of an Accept-Language header, most wanted first (q=0 and `*` dropped); malformed entries are skipped. */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  const entries: { tag: string; q: number; at: number }[] = [];
  header
    .slice(0, 1000)
    .split(',')
    .forEach((part, at) => {
      const [rawTag, ...params] = part.trim().split(';');
      const tag = rawTag?.trim() ?? '';
      if (!/^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(tag)) return;
      let q = 1;
      for (const param of params) {
        const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(param);
        if (m) q = Number(m[1]);
      }
      if (q > 0) entries.push({ tag, q, at });
    });
  return entries.sort((a, b) => b.q - a.q || a.at - b.at).map((e) => e.tag);
}

/** The best supported language for an Accept-Language header, or null when it names none of them. */
export function negotiateLocale(header: string | null | undefined): Locale | null {
  const requested = acceptedLanguages(header);
  if (requested.length === 0) return null;
  try {
    const found = match(requested, locales as unknown as string[], 'und');
    return isLocale(found) ? found : null;
  } catch {
    return null;
  }
}

/** The language of a page: the person's choice, else the browser's, else the organization's default, else English. */
export function resolveLocale(choice: { person?: string | null; acceptLanguage?: string | null; organization?: string | null }): Locale {
  if (isLocale(choice.person)) return choice.person;
  const browser = negotiateLocale(choice.acceptLanguage);
  if (browser) return browser;
  if (isLocale(choice.organization)) return choice.organization;
  return defaultLocale;
}

/** The language of an e-mail: the recipient's choice, else the organization's default, else English (no browser to ask). */
export function mailLocale(person: string | null | undefined, organization: string | null | undefined): Locale {
  return resolveLocale({ person, organization });
}
