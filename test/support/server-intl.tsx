import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createFormatter, createTranslator } from 'use-intl/core';
import { catalogues } from '@/lib/i18n/catalogue';
import { formats } from '@/lib/i18n/formats';
import type { Locale } from '@/lib/i18n/locales';
import { inLocale } from './intl';

/**
 * Server pages rendered outside Next (markup tests): `next-intl/server` mocked by this module's `nextIntlServer`, in
 * the language `serverIntl.locale` names, so an async page can be awaited and its tree rendered in that language.
 * In the test file: `vi.mock('next-intl/server', async () => (await import('../support/server-intl')).nextIntlServer);`
 */
export const serverIntl: { locale: Locale } = { locale: 'en' };

export const nextIntlServer = {
  getRequestConfig: (config: unknown) => config,
  getLocale: async () => serverIntl.locale,
  getTranslations: async (namespace?: string) =>
    createTranslator({ locale: serverIntl.locale, messages: catalogues[serverIntl.locale], namespace: namespace as never, timeZone: 'UTC', formats }),
  getFormatter: async () => createFormatter({ locale: serverIntl.locale, timeZone: 'UTC', formats }),
};

/** The page's text in `locale`: the awaited page tree rendered with that language's provider, tags dropped, entities decoded. */
export async function pageText(locale: Locale, page: () => Promise<ReactElement>): Promise<string> {
  serverIntl.locale = locale;
  try {
    const html = renderToStaticMarkup(inLocale(locale, await page()));
    return textOf(html);
  } finally {
    serverIntl.locale = 'en';
  }
}

/** Markup as the text a reader sees (attributes that are read aloud kept: aria-label, title, placeholder). */
export function textOf(html: string): string {
  const labels = [...html.matchAll(/ (?:aria-label|title|placeholder)="([^"]*)"/g)].map((m) => m[1]);
  return [html.replace(/<[^>]+>/g, ' '), ...labels]
    .join(' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
