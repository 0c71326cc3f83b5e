import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { signInLinkMinutes } from '@/lib/auth/links';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('checkEmail');
  return { title: t('title') };
}

export default async function CheckEmailPage() {
  const t = await getTranslations('checkEmail');
  const devMail = !env().isProduction && !env().smtpUrl;
  return (
    <div className="mx-auto max-w-lg rounded-2xl border border-zinc-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-3 text-zinc-600">{t('body', { minutes: signInLinkMinutes })}</p>
      {devMail ? (
        <p className="mt-6 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          {t.rich('devMail', {
            link: (chunks) => (
              <Link href="/dev/mail" className="font-semibold underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : null}
    </div>
  );
}
