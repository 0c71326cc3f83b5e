import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('errors.notFound');
  return (
    <div className="rounded-xl border border-zinc-200 bg-white p-8">
      <h1 className="text-xl font-bold text-zinc-900">{t('title')}</h1>
      <p className="mt-2 text-zinc-600">{t('body')}</p>
      <Link href="/" className="mt-6 inline-block font-semibold text-brand-700 underline">
        {t('home')}
      </Link>
    </div>
  );
}
