'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

/** Copies `text` to the clipboard and says so in a live region. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useTranslations('copy');
  const [status, setStatus] = useState('');
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        aria-label={label}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setStatus(t('copied'));
          } catch {
            setStatus(t('failed'));
          }
        }}
        className="rounded-md border border-zinc-400 bg-white px-2.5 py-1 text-xs font-medium text-zinc-900 hover:bg-zinc-50"
      >
        {t('copy')}
      </button>
      <span role="status" className="text-xs text-zinc-700">
        {status}
      </span>
    </span>
  );
}
