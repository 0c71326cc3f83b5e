import Link from 'next/link';
import { signOutAction } from '@/app/signin/actions';
import { getSessionUser } from '@/lib/auth/session';
import { env } from '@/lib/env';

export async function SiteHeader() {
  const user = await getSessionUser();
  const showDevMail = !env().isProduction;
  return (
    <header className="border-b border-zinc-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold text-brand-800">
          <span aria-hidden="true" className="inline-block h-6 w-6 rounded-md bg-brand-700 text-center text-sm leading-6 text-white">
            Q
          </span>
          Quorate
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-4 text-sm">
          {showDevMail ? (
            <Link href="/dev/mail" className="text-zinc-600 hover:text-zinc-900">
              Dev mail
            </Link>
          ) : null}
          {user ? (
            <>
              <Link href="/orgs/new" className="text-zinc-700 hover:text-zinc-900">
                New organization
              </Link>
              <Link href="/account" className="hidden text-zinc-600 hover:text-zinc-900 sm:inline" title="Your account">
                {user.name ?? user.email}
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="rounded-md border border-zinc-300 px-3 py-1.5 text-zinc-800 hover:bg-zinc-50">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <Link href="/signin" className="rounded-md bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800">
              Sign in
            </Link>
          )}
        </nav>
      </div>
    </header>
  );
}
