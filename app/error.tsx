'use client';

import { useTranslations } from 'next-intl';

const code = (chunks: React.ReactNode) => <code className="rounded bg-zinc-100 px-1">{chunks}</code>;

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors.error');
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-white p-8">
      <h1 className="text-xl font-bold text-zinc-900">{t('title')}</h1>
      <p className="mt-2 text-zinc-600">{error.digest ? t.rich('bodyDigest', { digest: error.digest, code }) : t('body')}</p>
      <button type="button" onClick={reset} className="mt-6 rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
        {t('retry')}
      </button>
    </div>
  );
}
