'use client';

import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/actions/state';
import { retryDeadLetterAction } from './actions';

/** `label` and `pendingLabel`: the button's words in the reader's language, from the page. */
export function RetryForm({ orgId, outboxId, label, pendingLabel }: { orgId: string; outboxId: string; label: string; pendingLabel: string }) {
  const [state, formAction] = useActionState(retryDeadLetterAction, initialActionState);
  const messageId = `retry-${outboxId || 'all'}`;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="outboxId" value={outboxId} />
      <SubmitButton variant="secondary" pendingLabel={pendingLabel} className="!px-3 !py-1.5">
        {label}
      </SubmitButton>
      <p id={messageId} aria-live="polite" className={`text-xs ${state.ok ? 'text-emerald-800' : 'text-red-700'}`}>
        {state.message}
      </p>
    </form>
  );
}
