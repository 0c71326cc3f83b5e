import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { NamePrompt } from '@/components/account/name-prompt';
import { SiteHeader } from '@/components/layout/site-header';
import { clientMessages } from '@/lib/i18n/catalogue';
import { isLocale } from '@/lib/i18n/locales';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('layout');
  return { ...metadata, description: t('description') };
}

const metadata: Metadata = {
  title: { default: 'Quorate', template: '%s · Quorate' },
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '32x32' },
      { url: '/favicon.svg', type: 'image/svg+xml' },
    ],
    apple: '/apple-touch-icon.png',
  },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('layout');
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased">
        {/* Only the client components' messages travel to the browser (lib/i18n/catalogue.ts). */}
        <NextIntlClientProvider messages={clientMessages(isLocale(locale) ? locale : 'en')}>
          <SiteHeader />
          <main id="main" className="mx-auto max-w-5xl px-4 py-8 sm:py-12">
            <NamePrompt />
            {children}
          </main>
          <footer className="mx-auto max-w-5xl px-4 pb-10 text-xs text-zinc-500">{t('footer')}</footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
