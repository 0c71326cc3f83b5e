import { useTranslations } from 'next-intl';
import type { LogText } from '@/lib/log/words';
import { useLogText } from './log-text';

/** The public warning shown when an organization's decision log, or an entry on the page, does not verify. The problem is said in the reader's language too (lib/log/words, `verifyWords`). */
export function LogIntegrityWarning({ problem }: { problem: LogText | null }) {
  const t = useTranslations('log.integrity');
  const say = useLogText();
  if (!problem) return null;
  return (
    <div role="alert" data-log-integrity="failed" className="mb-6 rounded-xl border-2 border-red-400 bg-red-50 p-4 text-sm text-red-950">
      <p className="font-bold">{t('title', { problem: say(problem) })}</p>
      <p className="mt-1">{t('body')}</p>
    </div>
  );
}
