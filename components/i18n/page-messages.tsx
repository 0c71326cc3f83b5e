import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import { pageMessages } from '@/lib/i18n/catalogue';
import type { PageNamespace } from '@/lib/i18n/catalogue';
import { isLocale } from '@/lib/i18n/locales';

/**
 * The messages of namespaces only this page's client components read (the account forms, the new-organization form,
 * the new-proposal form and charter editor, the in-browser verifier), added to the layout's for what it wraps: so
 * they travel with this page only, not with every page.
 */
export async function PageMessages({ namespaces, children }: { namespaces: readonly PageNamespace[]; children: React.ReactNode }) {
  const locale = await getLocale();
  return <NextIntlClientProvider messages={pageMessages(isLocale(locale) ? locale : 'en', namespaces)}>{children}</NextIntlClientProvider>;
}
