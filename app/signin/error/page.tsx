import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signInError');
  return { title: t('title') };
}

/** Auth.js's error codes this page explains (messages `signInError.<code>`); any other gets the general line. */
const explained = ['Verification', 'AccessDenied', 'Configuration', 'SsoEmailUnverified', 'OAuthAccountNotLinked'] as const;
const isExplained = (code: unknown): code is (typeof explained)[number] => typeof code === 'string' && (explained as readonly string[]).includes(code);

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const t = await getTranslations('signInError');
  const message = isExplained(error) ? t(error) : t('general');
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-2xl border border-zinc-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-bold">{t('heading')}</h1>
      <p className="mt-3 text-zinc-600">{message}</p>
      <Link href="/signin" className="mt-6 inline-block rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
        {t('newLink')}
      </Link>
    </div>
  );
}
