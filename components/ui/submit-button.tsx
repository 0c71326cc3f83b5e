'use client';

import { useTranslations } from 'next-intl';
import { useFormStatus } from 'react-dom';

type Props = {
  children: React.ReactNode;
  pendingLabel?: string;
  variant?: 'primary' | 'secondary';
  className?: string;
};

/** A submit button that shows the form is working and cannot be pressed twice meanwhile. */
export function SubmitButton({ children, pendingLabel, variant = 'primary', className = '' }: Props) {
  const { pending } = useFormStatus();
  const t = useTranslations('form');
  const look =
    variant === 'primary'
      ? 'bg-brand-700 text-white hover:bg-brand-800 disabled:bg-brand-600/60'
      : 'border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-50 disabled:text-zinc-400';
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`inline-flex min-h-11 items-center justify-center rounded-lg px-4 py-2 text-sm font-semibold shadow-sm transition-colors ${look} ${className}`}
    >
      {pending ? (pendingLabel ?? t('working')) : children}
    </button>
  );
}
