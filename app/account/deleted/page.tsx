import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account.deleted');
  return { title: t('title') };
}

/** Where deleting an account lands: the person is signed out by then, so this page needs no session and shows nothing of anyone. */
export default async function AccountDeletedPage() {
  const t = await getTranslations('account.deleted');
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <PageHeader title={t('heading')} description={t('signedOut')} />
      <div className="space-y-3 rounded-2xl border border-zinc-200 bg-white p-6 text-sm text-zinc-700 shadow-sm">
        <p>{t('gone')}</p>
        <p>{t('log')}</p>
        <p>
          <Link href="/" className="font-semibold text-brand-800 underline">
            {t('home')}
          </Link>
        </p>
      </div>
    </div>
  );
}
