'use client';

import Link from 'next/link';
import './globals.css';

/**
 * The last resort, when the root layout itself fails. Like app/error.tsx it never shows
 * error.message: in production Next.js replaces it anyway, and a database or stack detail is no
 * help to the reader. The digest lets an admin find the full error in the server log.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="bg-zinc-50 text-zinc-900">
        <main className="mx-auto max-w-2xl px-4 py-16">
          <div role="alert" className="rounded-xl border border-red-200 bg-white p-8">
            <h1 className="text-xl font-bold text-zinc-900">Quorate is having trouble</h1>
            <p className="mt-2 text-zinc-600">
              This page could not be shown. Nothing you submitted was half-saved: each change is written whole or not at all. Try again in a moment
              {error.digest ? (
                <>
                  ; if it keeps failing, tell your organization&rsquo;s admin and quote reference{' '}
                  <code className="rounded bg-zinc-100 px-1">{error.digest}</code>
                </>
              ) : null}
              .
            </p>
            <div className="mt-6 flex gap-4">
              <button type="button" onClick={reset} className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
                Try again
              </button>
              <Link href="/" className="px-2 py-2 text-sm font-semibold text-brand-700 underline">
                Home page
              </Link>
            </div>
          </div>
        </main>
      </body>
    </html>
  );
}
