import { useTranslations } from 'next-intl';
import type { LogText } from '@/lib/log/words';
import { logTextWords } from '@/lib/transparency/log-text';

/** In a component, server or client: what does not verify in the reader's words (`verifyWords`, lib/log/words). */
export function useLogText(): (text: LogText) => string {
  return logTextWords(useTranslations('verifyWords'));
}
