'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { CopyButton } from '@/components/transparency/copy-button';

type Props = {
  /** The field's id, for its label. */
  id: string;
  /** What it is, said with "copy it now, it is not shown again". */
  label: string;
  value: string;
  copyLabel: string;
  /** Shown first in the panel (the form's confirmation). */
  message?: ReactNode;
  /** Shown after the copy button (how to use it). */
  children?: ReactNode;
};

/**
 * A secret the server shows exactly once (an API token, a webhook's signing secret, a private
 * calendar link): read-only, selected on focus, with a copy button and the warning that it is not
 * shown again.
 */
export function ShownOnce({ id, label, value, copyLabel, message, children }: Props) {
  const t = useTranslations('shownOnce');
  return (
    <div className="space-y-2 rounded-lg border border-emerald-300 bg-emerald-50 p-3">
      {message}
      <label htmlFor={id} className="block text-sm font-medium text-emerald-950">
        {t('label', { what: label })}
      </label>
      <input
        id={id}
        readOnly
        value={value}
        onFocus={(e) => e.currentTarget.select()}
        className="block w-full rounded-lg border border-emerald-300 bg-white px-3 py-2 font-mono text-xs text-zinc-900"
      />
      <CopyButton text={value} label={copyLabel} />
      {children}
    </div>
  );
}
