import { useTranslations } from 'next-intl';

/** The public warning shown when an organization's decision log, or an entry on the page, does not verify. The problem itself stays in English (docs/i18n.md). */
export function LogIntegrityWarning({ problem }: { problem: string | null }) {
  const t = useTranslations('log.integrity');
  if (!problem) return null;
  return (
    <div role="alert" data-log-integrity="failed" className="mb-6 rounded-xl border-2 border-red-400 bg-red-50 p-4 text-sm text-red-950">
      <p className="font-bold">{t('title', { problem })}</p>
      <p className="mt-1">{t('body')}</p>
    </div>
  );
}
