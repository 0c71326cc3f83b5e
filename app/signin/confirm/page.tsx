import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { emailProviderId } from '@/lib/auth/links';
import { safeReturnPath } from '@/lib/auth/paths';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('confirmSignIn');
  return { title: t('title'), robots: { index: false } };
}

type Props = { searchParams: Promise<{ token?: string; email?: string; callbackUrl?: string }> };

/**
 * The page an e-mailed link opens. It does not sign in by itself: link-scanning mail filters
 * open every link, and would otherwise spend the one-time token before the person can.
 */
export default async function ConfirmSignInPage({ searchParams }: Props) {
  const { token, email, callbackUrl } = await searchParams;
  const t = await getTranslations('confirmSignIn');
  if (typeof token !== 'string' || typeof email !== 'string' || !token || !email) {
    return (
      <div className="mx-auto max-w-lg rounded-2xl border border-zinc-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-bold">{t('incompleteTitle')}</h1>
        <p className="mt-3 text-zinc-600">
          {t.rich('incomplete', {
            link: (chunks) => (
              <a href="/signin" className="font-semibold text-brand-700 underline">
                {chunks}
              </a>
            ),
          })}
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-lg rounded-2xl border border-zinc-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-2xl font-bold">{t('heading')}</h1>
      <p className="mt-3 text-zinc-600">{t.rich('signingInAs', { email, strong: (chunks) => <strong className="text-zinc-900">{chunks}</strong> })}</p>
      <form method="get" action={`/api/auth/callback/${emailProviderId}`} className="mt-6">
        <input type="hidden" name="callbackUrl" value={safeReturnPath(typeof callbackUrl === 'string' ? callbackUrl : '/')} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        <button type="submit" className="w-full rounded-lg bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800">
          {t('submit')}
        </button>
      </form>
      <p className="mt-4 text-xs text-zinc-500">{t('notYou')}</p>
    </div>
  );
}
