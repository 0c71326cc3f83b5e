import type { Metadata, Viewport } from 'next';
import { NamePrompt } from '@/components/account/name-prompt';
import { SiteHeader } from '@/components/layout/site-header';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Quorate', template: '%s · Quorate' },
  description: 'Community governance that cannot be hijacked: charters the software enforces, a decision record anyone can verify.',
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '32x32' },
      { url: '/favicon.svg', type: 'image/svg+xml' },
    ],
    apple: '/apple-touch-icon.png',
  },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased">
        <SiteHeader />
        <main id="main" className="mx-auto max-w-5xl px-4 py-8 sm:py-12">
          <NamePrompt />
          {children}
        </main>
        <footer className="mx-auto max-w-5xl px-4 pb-10 text-xs text-zinc-500">
          Quorate — open-source community governance. Rules the software enforces; a record everybody can read.
        </footer>
      </body>
    </html>
  );
}
