'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import type { ActionState } from '@/lib/actions/state';

/**
 * The action's overall message, announced to screen readers as it appears. A refusal that is
 * already shown beside its field is not repeated here: the summary points to the field instead.
 * With `focusOnMessage`, each new answer's message also takes focus (a submit button that was
 * disabled while the form worked would otherwise leave focus on the page body).
 */
export function FormMessage({
  state,
  focusOnMessage = false,
  besideFieldText,
}: {
  state: ActionState;
  focusOnMessage?: boolean;
  /** What the summary says when the refusal is shown beside its field (by default `flash.seeField`, in the reader's language). */
  besideFieldText?: string;
}) {
  const besideField = !state.ok && state.message !== undefined && Object.values(state.fieldErrors ?? {}).some((errors) => errors.includes(state.message!));
  const t = useTranslations('flash');
  const text = besideField ? (besideFieldText ?? t('seeField')) : state.message;
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (focusOnMessage && text) ref.current?.focus();
  }, [focusOnMessage, text, state]);
  return (
    <div aria-live="polite" role="status" className="min-h-0">
      {text ? (
        <p
          ref={ref}
          tabIndex={focusOnMessage ? -1 : undefined}
          className={`rounded-lg border px-3 py-2 text-sm ${state.ok ? 'border-emerald-300 bg-emerald-50 text-emerald-900' : 'border-red-300 bg-red-50 text-red-900'}`}
        >
          {text}
        </p>
      ) : null}
    </div>
  );
}
