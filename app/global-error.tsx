'use client';

import Link from '@/components/ui/link';
import { useSyncExternalStore } from 'react';
import { createTranslator } from 'use-intl/core';
import { globalErrorMessages } from '@/lib/i18n/global-error-messages';
import { negotiateLocale } from '@/lib/i18n/locales';
import type { Locale } from '@/lib/i18n/locales';
import './globals.css';

const code = (chunks: React.ReactNode) => <code className="rounded bg-zinc-100 px-1">{chunks}</code>;
const noSubscription = () => () => {};
/** The browser's language, matched to the three Quorate speaks: this page renders outside the layout, so without next-intl's choice. */
const browserLocale = (): Locale => negotiateLocale(navigator.languages?.join(',') || navigator.language) ?? 'en';
const serverLocale = (): Locale => 'en';

/**
 * The last resort, when the root layout itself fails. Like app/error.tsx it never shows
 * error.message: in production Next.js replaces it anyway, and a database or stack detail is no
 * help to the reader. The digest lets an admin find the full error in the server log.
 * Its words come from a small inline table (lib/i18n/global-error-messages.ts), in the browser's language.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = useSyncExternalStore(noSubscription, browserLocale, serverLocale);
  const t = createTranslator({ locale, messages: { global: globalErrorMessages[locale] }, namespace: 'global' });
  return (
    <html lang={locale}>
      <body className="bg-zinc-50 text-zinc-900">
        <main className="mx-auto max-w-2xl px-4 py-16">
          <div role="alert" className="rounded-xl border border-red-200 bg-white p-8">
            <h1 className="text-xl font-bold text-zinc-900">{t('title')}</h1>
            <p className="mt-2 text-zinc-600">{error.digest ? t.rich('bodyDigest', { digest: error.digest, code }) : t('body')}</p>
            <div className="mt-6 flex gap-4">
              <button type="button" onClick={reset} className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
                {t('retry')}
              </button>
              <Link href="/" className="px-2 py-2 text-sm font-semibold text-brand-700 underline">
                {t('home')}
              </Link>
            </div>
          </div>
        </main>
      </body>
    </html>
  );
}
