import { NextIntlClientProvider } from 'next-intl';
import type { ReactElement, ReactNode } from 'react';
import { catalogues, pageMessages } from '@/lib/i18n/catalogue';
import type { PageNamespace } from '@/lib/i18n/catalogue';
import { formats } from '@/lib/i18n/formats';
import type { Locale } from '@/lib/i18n/locales';

/**
 * Components rendered outside Next (markup tests) read their words from a provider, as the
 * browser's client components do: English, UTC, the app's formats.
 */
export function inEnglish(element: ReactNode): ReactElement {
  return inLocale('en', element);
}

/** The same in another of the catalogues' languages. */
export function inLocale(locale: Locale, element: ReactNode): ReactElement {
  return (
    <NextIntlClientProvider locale={locale} messages={catalogues[locale]} timeZone="UTC" formats={formats}>
      {element}
    </NextIntlClientProvider>
  );
}

/** A client component as a page's PageMessages gives it: only the layout's and those namespaces travel. */
export function inPageMessages(locale: Locale, namespaces: readonly PageNamespace[], element: ReactNode): ReactElement {
  return (
    <NextIntlClientProvider locale={locale} messages={pageMessages(locale, namespaces)} timeZone="UTC" formats={formats}>
      {element}
    </NextIntlClientProvider>
  );
}
