import Link from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/signin/actions';
import { getSessionUser } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { HeaderMenu } from './header-menu';

type NavUser = { name: string | null; email: string };

const linkClass = 'inline-flex min-h-11 items-center text-zinc-700 hover:text-zinc-900';
const menuLinkClass = 'flex min-h-11 items-center rounded-lg px-3 text-zinc-800 hover:bg-zinc-100';
const signOutClass = 'min-h-11 rounded-md border border-zinc-300 px-3 py-1.5 text-zinc-800 hover:bg-zinc-50';

/** The signed-in links, laid out in a row on wide screens and as a list in the small-screen menu. */
function SignedInLinks({ user, devMail, stacked }: { user: NavUser; devMail: boolean; stacked: boolean }) {
  const item = stacked ? menuLinkClass : linkClass;
  const t = useTranslations('header');
  return (
    <>
      {devMail ? (
        <Link href="/dev/mail" className={item}>
          {t('devMail')}
        </Link>
      ) : null}
      <Link href="/orgs/new" className={item}>
        {t('newOrganization')}
      </Link>
      <Link href="/account" className={item} title={t('account')}>
        {stacked ? t('accountStacked') : null}
        {user.name ?? user.email}
      </Link>
      <form action={signOutAction} className={stacked ? 'mt-1 border-t border-zinc-100 px-3 pt-2' : undefined}>
        <button type="submit" className={stacked ? `${signOutClass} w-full` : signOutClass}>
          {t('signOut')}
        </button>
      </form>
    </>
  );
}

/**
 * The site header. Signed in, wide screens show the links in a row; below the `sm` breakpoint they sit
 * behind a Menu disclosure (components/layout/header-menu.tsx).
 */
export async function SiteHeader() {
  const user = await getSessionUser();
  const showDevMail = !env().isProduction;
  const t = await getTranslations('header');
  return (
    <header className="border-b border-zinc-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t('skip')}
      </a>
      <div className="relative mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-2">
        <Link href="/" className="flex min-h-11 items-center gap-2 text-lg font-bold text-brand-800">
          <span aria-hidden="true" className="inline-block h-6 w-6 rounded-md bg-brand-700 text-center text-sm leading-6 text-white">
            Q
          </span>
          Quorate
        </Link>
        {user ? (
          <>
            <nav aria-label={t('main')} className="hidden min-w-0 items-center gap-4 text-sm sm:flex">
              <SignedInLinks user={user} devMail={showDevMail} stacked={false} />
            </nav>
            <HeaderMenu
              summary={
                <summary className="flex min-h-11 min-w-11 cursor-pointer list-none items-center gap-2 rounded-md border border-zinc-300 px-3 text-sm font-medium text-zinc-800 hover:bg-zinc-50 [&::-webkit-details-marker]:hidden">
                  <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
                    <path d="M3 5h14M3 10h14M3 15h14" className="group-open:hidden" />
                    <path d="M5 5l10 10M15 5L5 15" className="hidden group-open:block" />
                  </svg>
                  {t('menu')}
                </summary>
              }
            >
              <nav
                aria-label={t('main')}
                className="absolute inset-x-4 top-full z-40 mt-1 flex flex-col rounded-xl border border-zinc-200 bg-white p-2 text-sm shadow-lg"
              >
                <SignedInLinks user={user} devMail={showDevMail} stacked />
              </nav>
            </HeaderMenu>
          </>
        ) : (
          <nav aria-label={t('main')} className="flex items-center gap-4 text-sm">
            {showDevMail ? (
              <Link href="/dev/mail" className={linkClass}>
                {t('devMail')}
              </Link>
            ) : null}
            <Link href="/signin" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-3 font-semibold text-white hover:bg-brand-800">
              {t('signIn')}
            </Link>
          </nav>
        )}
      </div>
    </header>
  );
}
