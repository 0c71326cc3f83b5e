import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { loadDemoUsers } from '@/db/read/public-pages';
import { SignInForm } from '@/components/auth/sign-in-form';
import { LabelledSection } from '@/components/ui/labelled-section';
import { getSessionUser } from '@/lib/auth/session';
import { safeReturnPath } from '@/lib/auth/paths';
import { env } from '@/lib/env';
import { signInDemoUserAction, signInWithSsoAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signIn');
  return { title: t('title') };
}

type Props = { searchParams: Promise<{ callbackUrl?: string; email?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const e = env();
  const demoUsers = e.isProduction ? [] : await loadDemoUsers();
  const t = await getTranslations('signIn');

  return (
    <div className="mx-auto grid max-w-3xl gap-8 md:grid-cols-2">
      <LabelledSection
        id="signin-title"
        title={t('title')}
        className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
        headingClassName="text-2xl font-bold"
        level="h1"
      >
        <p className="mt-2 mb-6 text-sm text-zinc-600">{t('intro')}</p>
        <SignInForm callbackUrl={callbackUrl} defaultEmail={typeof params.email === 'string' ? params.email.slice(0, 254) : undefined} />
        {e.sso ? (
          <form action={signInWithSsoAction} className="mt-6 border-t border-zinc-100 pt-6">
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <p className="mb-3 text-sm text-zinc-600">{t('ssoIntro')}</p>
            <button
              type="submit"
              className="min-h-11 w-full rounded-lg border border-zinc-300 bg-white px-4 py-2 text-sm font-semibold text-zinc-900 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
            >
              {t('sso', { name: e.sso.name })}
            </button>
          </form>
        ) : null}
      </LabelledSection>
      {demoUsers.length > 0 ? (
        <LabelledSection
          id="demo-title"
          title={t('demoTitle')}
          className="rounded-2xl border border-amber-300 bg-amber-50 p-6"
          headingClassName="text-lg font-semibold text-amber-950"
        >
          <p className="mt-1 mb-4 text-sm text-amber-900">{t('demoIntro')}</p>
          <ul className="space-y-2">
            {demoUsers.map((u) => (
              <li key={u.id}>
                <form action={signInDemoUserAction}>
                  <input type="hidden" name="userId" value={u.id} />
                  <input type="hidden" name="callbackUrl" value={callbackUrl} />
                  <button type="submit" className="w-full rounded-lg border border-amber-300 bg-white px-3 py-2 text-left text-sm hover:bg-amber-100">
                    <span className="font-medium text-zinc-900">{u.name ?? u.email}</span>
                    <span className="block text-xs text-zinc-600">{u.email}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </LabelledSection>
      ) : null}
    </div>
  );
}
